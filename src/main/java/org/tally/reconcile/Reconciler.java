package org.tally.reconcile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tally.catalog.Catalog;
import org.tally.database.SqlCheckDatabase;
import org.tally.reconcile.internal.Check;
import org.tally.reconcile.internal.Checks;
import org.tally.reconcile.internal.SharedScans;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the checks declared in config/reconciliation.yml for the given periods and stores
 * every outcome with its evidence in recon.check_result; an inconsistent declaration
 * fails at start-up.
 */
@Component
public class Reconciler {

	private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

	private static final TypeReference<List<CheckOutcome.Evidence>> EVIDENCE = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final List<Check> checks;

	private final JsonMapper json = JsonMapper.builder().build();

	Reconciler(JdbcClient jdbc, Catalog catalog, SqlCheckDatabase sqlCheckDatabase) {
		this.jdbc = jdbc;
		this.checks = catalog.checks().stream().map(c -> Checks.of(c, catalog, jdbc, sqlCheckDatabase)).toList();
	}

	@Transactional
	public List<CheckOutcome> reconcile(long runId, List<LocalDate> periods) {
		List<CheckOutcome> outcomes = new ArrayList<>();
		SharedScans scans = new SharedScans(jdbc, checks);
		for (LocalDate period : periods) {
			for (Check check : checks) {
				long started = System.nanoTime();
				CheckOutcome outcome = check.run(period, scans);
				long millis = (System.nanoTime() - started) / 1_000_000;
				store(runId, outcome);
				outcomes.add(outcome);
				if (outcome.passed()) {
					log.info("run={} check={} period={} passed in {} ms: {}", runId, check.id(), period, millis,
							outcome.message());
				}
				else {
					log.warn("run={} check={} period={} FAILED ({}) in {} ms: {}", runId, check.id(), period,
							outcome.severity(), millis, outcome.message());
				}
			}
		}
		return outcomes;
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

	/**
	 * The outcomes stored for a run and period, in the order they ran, with their
	 * evidence.
	 */
	public List<CheckOutcome> outcomes(long runId, LocalDate asOf) {
		return jdbc.sql("""
				SELECT check_id, check_type, severity, as_of, passed, expected, actual, difference, message, evidence
				FROM recon.check_result WHERE run_id = ? AND (CAST(? AS date) IS NULL OR as_of = ?) ORDER BY id""")
			.params(runId, asOf, asOf)
			.query((rs, n) -> new CheckOutcome(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getObject(4, LocalDate.class), rs.getBoolean(5), rs.getBigDecimal(6), rs.getBigDecimal(7),
					rs.getBigDecimal(8), rs.getString(9), json.readValue(rs.getString(10), EVIDENCE)))
			.list();
	}

	/** The latest run that checked {@code asOf} (any period when null). */
	public Optional<Long> latestRun(LocalDate asOf) {
		return jdbc.sql("""
				SELECT run_id FROM recon.check_result WHERE (CAST(? AS date) IS NULL OR as_of = ?)
				ORDER BY id DESC LIMIT 1""").params(asOf, asOf).query(Long.class).optional();
	}

	/**
	 * The latest run's outcomes: for {@code asOf}, or for every period that run checked
	 * when null.
	 */
	public List<CheckOutcome> latest(LocalDate asOf) {
		return latestRun(asOf).map(run -> outcomes(run, asOf)).orElse(List.of());
	}

}
