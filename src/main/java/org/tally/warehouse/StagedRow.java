package org.tally.warehouse;

import org.tally.ingest.LoadContext;
import org.tally.validate.ValidRow;
import org.tally.warehouse.internal.KeyFingerprints;

/**
 * A valid row on its way to staging: {@code tuple} is its binary COPY form and
 * {@code keyFingerprint} its dataset key's fingerprint ({@code KeyFingerprints.NO_KEY} if
 * it has none), both made right after validation while its values are still in the
 * processor's cache. The validated values are not kept: a chunk holds its rows until it
 * is written, and thousands of them with their values made the chunks outgrow the young
 * generation. A totals row is kept whole instead (for checking, never staged):
 * {@code totals} is that row, and {@code tuple} is null.
 */
public record StagedRow(LoadContext context, byte[] tuple, long keyFingerprint, ValidRow totals) {

	static StagedRow staged(LoadContext context, byte[] tuple, long keyFingerprint) {
		return new StagedRow(context, tuple, keyFingerprint, null);
	}

	static StagedRow totals(ValidRow row) {
		return new StagedRow(row.context(), null, KeyFingerprints.NO_KEY, row);
	}
}
