package org.tally.figures.internal.phrasing;

import java.math.BigDecimal;

/**
 * A number as written, before any magnitude or unit: {@code value} keeps the written
 * scale (1.50 has scale 2), {@code end} is the index after it, {@code chinese} whether it
 * was written in Chinese numerals.
 */
record WrittenNumber(BigDecimal value, int end, boolean chinese) {
}
