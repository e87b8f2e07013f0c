package org.tally.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tally.catalog.Catalog;
import org.tally.catalog.CheckDefinition;
import org.tally.catalog.internal.CatalogLoader;
import org.tally.database.SqlCheckDatabase;
import org.tally.reconcile.internal.Check;
import org.tally.reconcile.internal.Checks;
import org.tally.support.TallyTest;

/**
 * A sql check runs under a read-only role of its own: it cannot read the server's files,
 * list its directories or end other sessions, and what it sets in its session is gone
 * before the next check runs. Each refusal is a failed check naming the reason, not a
 * failed run.
 */
@TallyTest
class SqlCheckIsolationTest {

	static final LocalDate PERIOD = LocalDate.of(2024, 12, 31);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	SqlCheckDatabase sqlCheckDatabase;

	final Catalog catalog = CatalogLoader.load(Path.of("config"));

	@Test
	void givenACheckReadingAServerFile_itFailsNamingThePermissionItLacks() {
		for (String sql : List.of("SELECT pg_read_file('/etc/hostname') AS content",
				"SELECT name FROM pg_ls_dir('/etc') AS name")) {
			CheckOutcome outcome = sql("reads_files", sql, null).run(PERIOD);

			assertThat(outcome.passed()).as(sql).isFalse();
			assertThat(outcome.message()).as(sql).contains("could not run", "permission denied");
			assertThat(outcome.evidence()).as(sql).isEmpty();
		}
	}

	@Test
	void givenACheckTerminatingTallysSessions_itFailsAndTheSessionsLive() throws Exception {
		try (Connection tally = dataSource.getConnection()) {
			CheckOutcome outcome = sql("terminates", """
					SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity
					WHERE usename = 'tally' AND pid <> pg_backend_pid()""", null).run(PERIOD);

			assertThat(outcome.passed()).isFalse();
			assertThat(outcome.message()).contains("permission denied");
			assertThat(tally.isValid(5)).isTrue();
		}
	}

	@Test
	void givenASetConfigInOneCheck_theNextCheckDoesNotSeeIt() {
		Check setting = sql("sets", "SELECT 1 AS x FROM (SELECT set_config('x.y', '1', false)) s WHERE false", null);
		Check reading = sql("reads", """
				SELECT current_setting('x.y', true) AS leaked
				WHERE coalesce(current_setting('x.y', true), '') <> ''""", null);

		assertThat(setting.run(PERIOD).passed()).isTrue();
		CheckOutcome next = reading.run(PERIOD);

		assertThat(next.passed()).as(next.message()).isTrue();
	}

	@Test
	void givenATimeoutBeyondWhatMillisecondsHold_theCheckStillRuns() {
		CheckOutcome outcome = sql("patient", "SELECT 1 AS x WHERE false", Integer.MAX_VALUE).run(PERIOD);

		assertThat(outcome.passed()).as(outcome.message()).isTrue();
	}

	private Check sql(String id, String sql, Integer timeoutSeconds) {
		return Checks.of(new CheckDefinition(id, "sql", null, "fail", new BigDecimal("0.01"), null, null, null, null,
				null, null, null, null, null, null, null, sql, timeoutSeconds), catalog, jdbc, sqlCheckDatabase);
	}

}
