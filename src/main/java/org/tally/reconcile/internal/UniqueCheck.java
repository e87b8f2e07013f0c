package org.tally.reconcile.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tally.catalog.CheckDefinition;
import org.tally.catalog.ColumnDefinition;
import org.tally.catalog.DatasetDefinition;
import org.tally.reconcile.CheckOutcome;

/** No two rows of one current load (one source, one period) share the key columns; blank keys are not keys. */
final class UniqueCheck implements Check {

	private final Definitions defs;
	private final JdbcClient jdbc;
	private final DatasetDefinition dataset;
	private final List<ColumnDefinition> columns;
	private final List<Condition> where;

	UniqueCheck(Definitions defs, JdbcClient jdbc) {
		this.defs = defs;
		this.jdbc = jdbc;
		CheckDefinition check = defs.definition();
		this.dataset = defs.dataset(check.dataset());
		List<String> names = check.columns().isEmpty() ? dataset.key() : check.columns();
		if (names.isEmpty()) {
			throw defs.invalid("'columns' is required: dataset '" + dataset.name() + "' declares no key");
		}
		this.columns = names.stream().map(n -> defs.column(dataset, n)).toList();
		this.where = defs.conditions(dataset, check.where());
	}

	@Override
	public String id() {
		return defs.definition().id();
	}

	@Override
	public CheckOutcome run(LocalDate period) {
		List<String> keys = columns.stream().map(c -> Query.col("w", c.name())).toList();
		String first = columns.get(0).name();
		String keyText = "concat_ws(' / ', " + String.join(", ", keys.stream().map(k -> "CAST(" + k + " AS text)").toList())
				+ ")";
		Query query = new Query().append("WITH keyed AS (SELECT l.id AS load_id, l.file_name, l.sheet, w.row_number, "
				+ Query.cell("w", "l", first) + " AS cell, " + keyText + " AS key, count(*) OVER (PARTITION BY w.load_id, "
				+ String.join(", ", keys) + ") AS n");
		query.currentRows(dataset, "w", "l", period).append(" WHERE true");
		for (String key : keys) {
			query.append(" AND " + key + " IS NOT NULL");
		}
		for (Condition condition : where) {
			query.append(" AND ");
			condition.render(query, "w", period);
		}
		String names = String.join(", ", columns.stream().map(ColumnDefinition::name).toList());
		query.append(") SELECT file_name, sheet, cell, CAST(? AS text), NULL::numeric, NULL::numeric, CAST(? AS text) || key || CAST(? AS text) || n || ' rows'"
				+ Offenders.TOTAL + " FROM keyed WHERE n > 1 ORDER BY load_id, key, row_number", first,
				names + " ", " repeats in this file: ");
		Offenders offenders = Offenders.find(jdbc, query);
		Query counted = new Query().append("SELECT count(*)");
		counted.currentRows(dataset, "w", "l", period).append(" WHERE true");
		for (String key : keys) {
			counted.append(" AND " + key + " IS NOT NULL");
		}
		for (Condition condition : where) {
			counted.append(" AND ");
			condition.render(counted, "w", period);
		}
		long rows = jdbc.sql(counted.sql()).params(counted.params()).query(Long.class).single();
		String message = offenders.none() ? rows + " rows of " + dataset.name() + " have distinct " + names + " per file"
				: offenders.total() + " of " + rows + " rows of " + dataset.name() + " share their " + names
						+ " with another row of the same file; first " + offenders.first();
		return defs.outcome(period, offenders.none(), BigDecimal.valueOf(rows),
				BigDecimal.valueOf(rows - offenders.total()), message, offenders.evidence());
	}
}
