package org.tally.warehouse;

import org.tally.validate.ValidRow;

/**
 * A valid row on its way to staging: {@code tuple} is its binary COPY form (null for a totals row,
 * which is kept for checking, not staged) and {@code keyFingerprint} its dataset key's fingerprint
 * ({@code KeyFingerprints.NO_KEY} if it has none), both made right after validation while its
 * values are still in the processor's cache.
 */
public record StagedRow(ValidRow row, byte[] tuple, long keyFingerprint) {
}
