package org.tally.reconcile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tally.catalog.Catalog;
import org.tally.catalog.CheckDefinition;
import org.tally.catalog.SqlIdentifier;
import tools.jackson.databind.json.JsonMapper;

/** Runs the declared reconciliation checks for the given periods and stores every outcome. */
@Component
public class Reconciler {

	private static final Logger log = LoggerFactory.getLogger(Reconciler.class);
	private static final int MAX_EVIDENCE = 50;

	private final JdbcClient jdbc;
	private final Catalog catalog;
	private final JsonMapper json = JsonMapper.builder().build();

	Reconciler(JdbcClient jdbc, Catalog catalog) {
		this.jdbc = jdbc;
		this.catalog = catalog;
	}

	@Transactional
	public List<CheckOutcome> reconcile(long runId, List<LocalDate> periods) {
		List<CheckOutcome> outcomes = new ArrayList<>();
		for (LocalDate period : periods) {
			for (CheckDefinition check : catalog.checks()) {
				CheckOutcome outcome = switch (check.type()) {
					case "totals" -> totals(check, period);
					default -> throw new IllegalStateException("check type '" + check.type() + "' is not supported");
				};
				store(runId, outcome);
				outcomes.add(outcome);
				if (outcome.passed()) {
					log.info("run={} check={} period={} passed: {}", runId, check.id(), period, outcome.message());
				}
				else {
					log.warn("run={} check={} period={} FAILED: {}", runId, check.id(), period, outcome.message());
				}
			}
		}
		return outcomes;
	}

	/** Every totals cell of the dataset's current loads equals the sum of the detail rows above it. */
	private CheckOutcome totals(CheckDefinition check, LocalDate period) {
		String table = "warehouse." + SqlIdentifier.quote(catalog.dataset(check.dataset()).name());
		List<TotalsCell> cells = jdbc.sql("""
				SELECT l.id, l.file_name, l.sheet, t.row_number, t.column_name, t.cell_ref, t.value,
				       coalesce((SELECT max(p.row_number) FROM staging.totals_row p
				                 WHERE p.load_id = t.load_id AND p.row_number < t.row_number), 0)
				FROM staging.totals_row t JOIN registry.load l ON l.id = t.load_id
				WHERE l.is_current AND l.dataset = ? AND l.period = ?
				ORDER BY l.id, t.row_number, t.column_name""")
			.params(check.dataset(), period)
			.query((rs, n) -> new TotalsCell(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
					rs.getString(5), rs.getString(6), rs.getBigDecimal(7), rs.getInt(8)))
			.list();
		List<CheckOutcome.Evidence> evidence = new ArrayList<>();
		BigDecimal expected = null;
		BigDecimal actual = null;
		for (TotalsCell cell : cells) {
			catalog.dataset(check.dataset()).column(cell.column()).orElseThrow();
			BigDecimal sum = jdbc.sql("SELECT coalesce(sum(" + SqlIdentifier.quote(cell.column()) + "), 0) FROM " + table
					+ " WHERE load_id = ? AND row_number > ? AND row_number < ?")
				.params(cell.loadId(), cell.previousTotalsRow(), cell.row())
				.query(BigDecimal.class)
				.single();
			if (expected == null) {
				expected = cell.value();
				actual = sum;
			}
			if (cell.value().subtract(sum).abs().compareTo(check.tolerance()) > 0) {
				if (evidence.isEmpty()) {
					expected = cell.value();
					actual = sum;
				}
				if (evidence.size() < MAX_EVIDENCE) {
					evidence.add(new CheckOutcome.Evidence(cell.file(), cell.sheet(), cell.cellRef(), cell.column(),
							cell.value(), sum));
				}
			}
		}
		BigDecimal difference = expected == null ? null : expected.subtract(actual);
		String message;
		if (cells.isEmpty()) {
			message = "no totals row in the current loads of " + check.dataset() + " for " + period;
		}
		else if (evidence.isEmpty()) {
			message = cells.size() + " totals cells equal the sum of their detail rows";
		}
		else {
			CheckOutcome.Evidence first = evidence.get(0);
			message = evidence.size() + " of " + cells.size() + " totals cells differ from their detail rows; first: "
					+ first.file() + " [" + first.sheet() + "] " + first.cell() + " says " + first.expected().toPlainString()
					+ ", the rows above sum to " + first.actual().toPlainString();
		}
		return new CheckOutcome(check.id(), check.type(), check.severity(), period, evidence.isEmpty(), expected, actual,
				difference, message, evidence);
	}

	private void store(long runId, CheckOutcome outcome) {
		jdbc.sql("""
				INSERT INTO recon.check_result (run_id, as_of, check_id, check_type, severity, passed, expected, actual,
				                                difference, message, evidence)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb))""")
			.params(runId, outcome.asOf(), outcome.checkId(), outcome.type(), outcome.severity(), outcome.passed(),
					outcome.expected(), outcome.actual(), outcome.difference(), outcome.message(),
					json.writeValueAsString(outcome.evidence()))
			.update();
	}

	/** The outcomes stored for a run and period, by check id. */
	public List<CheckOutcome> outcomes(long runId, LocalDate asOf) {
		return jdbc.sql("""
				SELECT check_id, check_type, severity, as_of, passed, expected, actual, difference, message
				FROM recon.check_result WHERE run_id = ? AND as_of = ? ORDER BY id""")
			.params(runId, asOf)
			.query((rs, n) -> new CheckOutcome(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getObject(4, LocalDate.class), rs.getBoolean(5), rs.getBigDecimal(6), rs.getBigDecimal(7),
					rs.getBigDecimal(8), rs.getString(9), List.of()))
			.list();
	}

	private record TotalsCell(long loadId, String file, String sheet, int row, String column, String cellRef,
			BigDecimal value, int previousTotalsRow) {
	}
}
