package org.tally.validate;

import org.tally.ingest.LoadContext;

/**
 * A row whose every cell was read as its column's type: values in dataset column order
 * (String, BigDecimal yuan, Long, LocalDate or null). Totals rows carry only their
 * numeric columns.
 */
public record ValidRow(LoadContext context, int rowNumber, boolean totals, Object[] values) {
}
