package org.tally.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tally.catalog.Catalog;
import org.tally.catalog.CatalogException;
import org.tally.catalog.CheckDefinition;
import org.tally.catalog.internal.CatalogLoader;
import org.tally.database.SqlCheckDatabase;
import org.tally.reconcile.internal.Check;
import org.tally.reconcile.internal.Checks;
import org.tally.support.TallyTest;
import org.tally.support.TestWarehouse;

/**
 * A check declared inconsistently fails at start-up naming the check; the SQL escape
 * hatch cannot write and cannot run forever, and a query that fails is a failed check,
 * not a failed run.
 */
@TallyTest
class CheckDefinitionsTest {

	static final LocalDate PERIOD = LocalDate.of(2024, 12, 31);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SqlCheckDatabase sqlCheckDatabase;

	@Autowired
	TestWarehouse warehouse;

	final Catalog catalog = CatalogLoader.load(Path.of("config"));

	@BeforeEach
	void emptyWarehouse() {
		warehouse.reset();
	}

	@Test
	void givenARowRuleOnAnUnknownColumn_theCheckIsRefusedNamingCheckAndColumn() {
		CheckDefinition rule = rule("bad_rule",
				new CheckDefinition.Condition("finished_investment", "<=", "committed_investment", null));

		assertThatThrownBy(() -> of(rule)).isInstanceOf(CatalogException.class)
			.hasMessageContaining("reconciliation.yml")
			.hasMessageContaining("'bad_rule'")
			.hasMessageContaining("finished_investment");
	}

	@Test
	void givenAnOperatorOutsideTheTable_theCheckIsRefused() {
		CheckDefinition rule = rule("sneaky", new CheckDefinition.Condition("status", "= status OR 1=1 --", null, "x"));

		assertThatThrownBy(() -> of(rule)).isInstanceOf(CatalogException.class).hasMessageContaining("operator");
	}

	@Test
	void givenSqlThatIsNotOneSelect_theCheckIsRefused() {
		for (String sql : List.of("DELETE FROM registry.load", "SELECT 1; DROP TABLE registry.load")) {
			assertThatThrownBy(() -> of(sql("not_select", sql, null))).as(sql)
				.isInstanceOf(CatalogException.class)
				.hasMessageContaining("one SELECT");
		}
	}

	@Test
	void givenSqlThatTriesToWrite_itRunsReadOnlyAndFailsWithoutWriting() {
		Check writing = of(sql("writes", """
				WITH gone AS (DELETE FROM registry.load RETURNING id) SELECT * FROM gone""", null));

		CheckOutcome outcome = writing.run(PERIOD);

		assertThat(outcome.passed()).isFalse();
		assertThat(outcome.message()).contains("read-only transaction");
	}

	@Test
	void givenSqlSlowerThanItsTimeout_itIsCancelledAndFails() {
		Check slow = of(sql("slow", "SELECT 1 AS x FROM pg_sleep(3)", 1));

		CheckOutcome outcome = slow.run(PERIOD);

		assertThat(outcome.passed()).isFalse();
		assertThat(outcome.message()).contains("statement timeout");
	}

	@Test
	void givenSqlReturningRows_eachRowIsEvidenceAndTheAsOfParameterIsBound() {
		Check rows = of(sql("rows", """
				SELECT 'a.xlsx' AS file, 'S' AS sheet, 'H17' AS cell, CAST(:as_of AS date) AS period""", null));

		CheckOutcome outcome = rows.run(PERIOD);

		assertThat(outcome.passed()).isFalse();
		assertThat(outcome.evidence()).singleElement().satisfies(e -> {
			assertThat(e.file()).isEqualTo("a.xlsx");
			assertThat(e.cell()).isEqualTo("H17");
			assertThat(e.note()).isEqualTo("period=2024-12-31");
		});
	}

	private Check of(CheckDefinition definition) {
		return Checks.of(definition, catalog, jdbc, sqlCheckDatabase);
	}

	/** A row rule on the projects. */
	private static CheckDefinition rule(String id, CheckDefinition.Condition rule) {
		return check(id, "row", "projects", null, rule, null);
	}

	/** An SQL check, with its timeout or none. */
	private static CheckDefinition sql(String id, String sql, Integer timeoutSeconds) {
		return check(id, "sql", null, sql, null, timeoutSeconds);
	}

	private static CheckDefinition check(String id, String type, String dataset, String sql,
			CheckDefinition.Condition rule, Integer timeoutSeconds) {
		return new CheckDefinition(id, type, dataset, "fail", new BigDecimal("0.01"), null, null, null, null, null,
				null, null, rule, null, null, null, sql, timeoutSeconds);
	}

}
