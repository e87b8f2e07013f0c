package org.tally.reconcile.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tally.catalog.CheckDefinition;
import org.tally.reconcile.CheckOutcome;

/**
 * Every totals cell (合计) of the dataset's current loads equals the sum of the detail rows
 * above it.
 */
final class TotalsCheck extends ScanSharingCheck {

	private static final int MAX_SHARED_SUMS = 64;

	TotalsCheck(CheckDeclaration declaration, JdbcClient jdbc) {
		super(declaration, jdbc);
	}

	/**
	 * The sum of each totals column over the detail rows above each totals row, as
	 * aggregates of the scan shared with the dataset's other checks: a ledger is one
	 * load, so a scan of its own per totals row would read the whole load again.
	 */
	@Override
	public List<SharedScans.Aggregate> aggregates(LocalDate period) {
		Map<String, SharedScans.Aggregate> sums = new LinkedHashMap<>();
		for (TotalsCell cell : cells(period)) {
			Span span = cell.span();
			sums.computeIfAbsent(cell.sumName(),
					name -> new SharedScans.Aggregate(name,
							new Query().append("coalesce(sum(" + Query.col("w", cell.column())
									+ ") FILTER (WHERE w.load_id = ? AND w.row_number > ? AND w.row_number < ?), 0)",
									span.loadId(), span.after(), span.before())));
		}
		// Every row of the scan evaluates every FILTER: past a few dozen sums (a
		// province's ledgers,
		// each with its totals row), each totals row is summed on its own, reading only
		// its load.
		return sums.size() > MAX_SHARED_SUMS ? List.of() : List.copyOf(sums.values());
	}

	@Override
	public CheckOutcome run(LocalDate period, SharedScans scans) {
		CheckDefinition check = declaration.definition();
		List<TotalsCell> cells = cells(period);
		Map<String, Object> scanned = cells.isEmpty() ? Map.of() : scans.values(this, period);
		List<CheckOutcome.Evidence> evidence = new ArrayList<>();
		BigDecimal expected = null;
		BigDecimal actual = null;
		int differing = 0;
		Map<Span, Map<String, BigDecimal>> sums = new HashMap<>();
		for (TotalsCell cell : cells) {
			// A totals row the scan did not sum (too many to share it, or staged since)
			// is summed on its own.
			BigDecimal sum = scanned.containsKey(cell.sumName()) ? decimal(scanned.get(cell.sumName()))
					: sums.computeIfAbsent(cell.span(), span -> sums(span, cells)).get(cell.column());
			if (expected == null) {
				expected = cell.value();
				actual = sum;
			}
			if (!declaration.within(cell.value().subtract(sum), cell.value(), sum)) {
				if (differing == 0) {
					expected = cell.value();
					actual = sum;
				}
				differing++;
				if (evidence.size() < Query.MAX_EVIDENCE) {
					evidence.add(new CheckOutcome.Evidence(cell.file(), cell.sheet(), cell.cellRef(), cell.column(),
							cell.value(), sum, "the totals cell says " + cell.value().toPlainString()
									+ ", the detail rows above it sum to " + sum.toPlainString()));
				}
			}
		}
		String message;
		if (cells.isEmpty()) {
			message = "no totals row in the current loads of " + check.dataset() + " for " + period;
		}
		else if (differing == 0) {
			message = cells.size() + " totals cells equal the sum of their detail rows";
		}
		else {
			CheckOutcome.Evidence first = evidence.get(0);
			message = differing + " of " + cells.size() + " totals cells differ from their detail rows; first: "
					+ first.file() + " [" + first.sheet() + "] " + first.cell() + " says "
					+ first.expected().toPlainString() + ", the rows above sum to " + first.actual().toPlainString();
		}
		return declaration.outcome(period, differing == 0, expected, actual, message, evidence);
	}

	/**
	 * The totals cells of the dataset's current loads of the period, their columns
	 * checked before any reaches SQL.
	 */
	private List<TotalsCell> cells(LocalDate period) {
		List<TotalsCell> cells = jdbc.sql("""
				SELECT l.id, l.file_name, l.sheet, t.row_number, t.column_name, t.cell_ref, t.value,
				       coalesce((SELECT max(p.row_number) FROM staging.totals_row p
				                 WHERE p.load_id = t.load_id AND p.row_number < t.row_number), 0)
				FROM staging.totals_row t JOIN registry.load l ON l.id = t.load_id
				WHERE l.is_current AND l.dataset = ? AND l.period = ?
				ORDER BY l.id, t.row_number, t.column_name""")
			.params(dataset.name(), period)
			.query((rs, n) -> new TotalsCell(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
					rs.getString(5), rs.getString(6), rs.getBigDecimal(7), rs.getInt(8)))
			.list();
		cells.forEach(cell -> declaration.column(dataset, cell.column()));
		return cells;
	}

	private static BigDecimal decimal(Object sum) {
		return sum instanceof BigDecimal decimal ? decimal : new BigDecimal(sum.toString());
	}

	/**
	 * The sums of every totals column of one totals row over the detail rows above it, in
	 * one query.
	 */
	private Map<String, BigDecimal> sums(Span span, List<TotalsCell> cells) {
		List<String> columns = cells.stream()
			.filter(c -> c.span().equals(span))
			.map(TotalsCell::column)
			.distinct()
			.toList();
		String select = String.join(", ",
				columns.stream().map(c -> "coalesce(sum(" + Query.col("w", c) + "), 0)").toList());
		return jdbc
			.sql("SELECT " + select + " FROM " + Query.table(dataset)
					+ " w WHERE load_id = ? AND row_number > ? AND row_number < ?")
			.params(span.loadId(), span.after(), span.before())
			.query((rs, n) -> {
				Map<String, BigDecimal> byColumn = new HashMap<>();
				for (int i = 0; i < columns.size(); i++) {
					byColumn.put(columns.get(i), rs.getBigDecimal(i + 1));
				}
				return byColumn;
			})
			.single();
	}

	/**
	 * The detail rows a totals row sums: those of its load between the previous totals
	 * row and it.
	 */
	private record Span(long loadId, int after, int before) {
	}

	private record TotalsCell(long loadId, String file, String sheet, int row, String column, String cellRef,
			BigDecimal value, int previousTotalsRow) {

		Span span() {
			return new Span(loadId, previousTotalsRow, row);
		}

		/** The name of this cell's sum among the scan's aggregates. */
		String sumName() {
			return loadId + ":" + previousTotalsRow + ":" + row + ":" + column;
		}
	}

}
