package org.tally.reconcile.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tally.catalog.CheckDefinition;
import org.tally.catalog.ColumnDefinition;
import org.tally.catalog.ColumnType;
import org.tally.reconcile.CheckOutcome;

/**
 * Cumulative measures do not fall: per key, each column's value in this period's current
 * loads is at least its value in the previous period that has current loads of the
 * dataset (less the tolerance). A blank on either side is not compared.
 */
final class NonDecreasingCheck extends DatasetCheck {

	private final ColumnDefinition key;

	private final List<ColumnDefinition> columns;

	NonDecreasingCheck(CheckDeclaration declaration, JdbcClient jdbc) {
		super(declaration, jdbc);
		CheckDefinition check = declaration.definition();
		String keyName = check.key() != null ? check.key() : dataset.key().size() == 1 ? dataset.key().get(0) : null;
		this.key = declaration.column(dataset, declaration.require("key", keyName));
		if (check.columns().isEmpty()) {
			throw declaration.invalid("'columns' (the cumulative measures) is required");
		}
		this.columns = check.columns().stream().map(n -> declaration.column(dataset, n)).toList();
		for (ColumnDefinition column : columns) {
			if (column.type() != ColumnType.MONEY && column.type() != ColumnType.INTEGER
					&& column.type() != ColumnType.DECIMAL && column.type() != ColumnType.DATE) {
				throw declaration.invalid("column '" + column.name() + "' is not a number or a date");
			}
		}
	}

	@Override
	public CheckOutcome run(LocalDate period) {
		Optional<LocalDate> previous = jdbc.sql("""
				SELECT max(period) FROM registry.load WHERE is_current AND dataset = ? AND period < ?""")
			.params(dataset.name(), period)
			.query(LocalDate.class)
			.optional();
		if (previous.isEmpty()) {
			return declaration.outcome(period, true, BigDecimal.ZERO, BigDecimal.ZERO,
					"no earlier period of " + dataset.name() + " before " + period + " to compare with", List.of());
		}
		long compared = 0;
		long falling = 0;
		List<CheckOutcome.Evidence> evidence = new ArrayList<>();
		String sameKey = " ON CAST(" + Query.col("p", key.name()) + " AS text) = CAST(" + Query.col("w", key.name())
				+ " AS text)";
		// One join of the two periods counts, per load of this period and for every
		// measure, the values compared and those that fell. A measure's offenders are
		// read only when it has some, and only from the first loads that hold them (the
		// evidence is in load order): a join per measure and per question would read
		// both periods each time, and the offenders' join of every load was as slow as
		// the counts.
		Query counts = new Query().append("SELECT w.load_id");
		for (ColumnDefinition column : columns) {
			String now = Query.col("w", column.name());
			String before = Query.col("p", column.name());
			counts.append(", count(*) FILTER (WHERE " + now + " IS NOT NULL AND " + before + " IS NOT NULL)");
			if (column.type() == ColumnType.DATE) {
				counts.append(", count(*) FILTER (WHERE " + now + " < " + before + ")");
			}
			else {
				counts.append(", count(*) FILTER (WHERE " + now + " < " + before + " - ?)",
						declaration.definition().tolerance());
			}
		}
		counts.currentRows(dataset, "w", "l", period)
			.append(" JOIN " + Query.table(dataset) + " p" + sameKey)
			.append(" JOIN registry.load pl ON pl.id = p.load_id AND pl.is_current AND pl.period = ?", previous.get())
			.append(" GROUP BY w.load_id ORDER BY w.load_id");
		List<long[]> perLoad = jdbc.sql(counts.sql()).params(counts.params()).query((rs, n) -> {
			long[] values = new long[1 + 2 * columns.size()];
			for (int i = 0; i < values.length; i++) {
				values[i] = rs.getLong(i + 1);
			}
			return values;
		}).list();
		for (int c = 0; c < columns.size(); c++) {
			// The counts are known: offenders are read only while the evidence has room
			// for them, from the first loads that have enough.
			long room = Query.MAX_EVIDENCE - evidence.size();
			long fell = 0;
			List<Long> loads = new ArrayList<>();
			for (long[] load : perLoad) {
				compared += load[1 + 2 * c];
				if (load[2 + 2 * c] > 0 && fell < room) {
					loads.add(load[0]);
				}
				fell += load[2 + 2 * c];
			}
			falling += fell;
			if (fell == 0 || room <= 0) {
				continue;
			}
			ColumnDefinition column = columns.get(c);
			String now = Query.col("w", column.name());
			String before = Query.col("p", column.name());
			boolean date = column.type() == ColumnType.DATE;
			Query query = new Query().append("SELECT l.file_name, l.sheet, " + Query.cell("w", "l", column.name())
					+ ", '" + column.name() + "', " + (date ? "NULL::numeric, NULL::numeric" : before + ", " + now)
					+ ", CAST(" + Query.col("w", key.name()) + " AS text) || ': ' || CAST(? AS text) || CAST(" + before
					+ " AS text) || ' in ' || pl.file_name || ' (' || CAST(pl.period AS text) || '), now ' || CAST("
					+ now + " AS text)", column.name() + " was ");
			query.currentRows(dataset, "w", "l", period)
				.append(" JOIN " + Query.table(dataset) + " p" + sameKey)
				.append(" JOIN registry.load pl ON pl.id = p.load_id AND pl.is_current AND pl.period = ?",
						previous.get())
				.append(date ? " WHERE " + now + " < " + before : " WHERE " + now + " < " + before + " - ?",
						date ? new Object[0] : new Object[] { declaration.definition().tolerance() })
				.append(" AND w.load_id = ANY (CAST(? AS bigint[]))", new Object[] { loads.toArray(Long[]::new) })
				.append(" ORDER BY l.id, w.row_number");
			Offenders offenders = Offenders.first(jdbc, query, fell);
			offenders.evidence().stream().limit(Query.MAX_EVIDENCE - evidence.size()).forEach(evidence::add);
		}
		String names = String.join(", ", columns.stream().map(ColumnDefinition::name).toList());
		String message = falling == 0
				? compared + " values of " + names + " per " + key.name() + " did not fall since " + previous.get()
				: falling + " of " + compared + " values of " + names + " per " + key.name() + " fell since "
						+ previous.get() + "; first " + evidence.get(0).file() + " [" + evidence.get(0).sheet() + "] "
						+ evidence.get(0).cell() + ": " + evidence.get(0).note();
		return declaration.outcome(period, falling == 0, BigDecimal.valueOf(compared),
				BigDecimal.valueOf(compared - falling), message, evidence);
	}

}
