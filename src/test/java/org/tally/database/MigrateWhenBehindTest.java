package org.tally.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Given the schema current, a command's start leaves Flyway alone; given anything else, a
 * pending migration first, Flyway applies or refuses it exactly as it always did.
 */
class MigrateWhenBehindTest {

	private static final String MIGRATIONS = "classpath:org/tally/database/migrate-when-behind/";

	@TempDir
	Path dataDir;

	EmbeddedPostgresServer server;

	final List<Event> flywayEvents = new ArrayList<>();

	final MigrateWhenBehind strategy = new MigrateWhenBehind(new CheckRoleGrants(null));

	@BeforeEach
	void anEmbeddedServer() {
		server = EmbeddedPostgresServer.attachOrStart(dataDir);
	}

	@AfterEach
	void stopIt() {
		server.close();
	}

	@Test
	void givenAFreshDatabase_everyMigrationIsApplied() throws Exception {
		strategy.migrate(flyway("first", "second"));

		assertThat(history()).isEqualTo("1 2");
		assertThat(flywayEvents).contains(Event.AFTER_MIGRATE);
	}

	@Test
	void givenEveryMigrationApplied_flywayIsLeftAlone() throws Exception {
		strategy.migrate(flyway("first", "second"));
		flywayEvents.clear();

		strategy.migrate(flyway("first", "second"));

		assertThat(flywayEvents).isEmpty();
		assertThat(history()).isEqualTo("1 2");
	}

	@Test
	void givenANewMigrationOnTheClasspath_itIsApplied() throws Exception {
		strategy.migrate(flyway("first"));

		strategy.migrate(flyway("first", "second"));

		assertThat(history()).isEqualTo("1 2");
		assertThat(query("SELECT to_regclass('second_table') IS NOT NULL")).isEqualTo("t");
	}

	@Test
	void givenAMissingMigrationBelowTheLatest_flywayRefusesItAsBefore() throws Exception {
		strategy.migrate(flyway("first", "third"));

		assertThatThrownBy(() -> strategy.migrate(flyway("first", "second", "third")))
			.isInstanceOf(FlywayException.class)
			.hasMessageContaining("not applied");
		assertThat(history()).isEqualTo("1 3");
	}

	@Test
	void givenAFailedMigrationInTheHistory_flywayIsAskedAndRefuses() throws Exception {
		strategy.migrate(flyway("first", "second"));
		execute("UPDATE flyway_schema_history SET success = false WHERE version = '2'");

		assertThatThrownBy(() -> strategy.migrate(flyway("first", "second"))).isInstanceOf(FlywayException.class)
			.hasMessageContaining("failed");
	}

	@Test
	void givenATarget_flywayDecides() throws Exception {
		strategy.migrate(flyway("first", "second"));

		assertThat(strategy.current(flyway("first", "second").getConfiguration())).isTrue();
		assertThat(strategy.current(Flyway.configure()
			.configuration(flyway("first", "second").getConfiguration())
			.target("1")
			.load()
			.getConfiguration())).isFalse();
	}

	private Flyway flyway(String... locations) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(server.jdbcUrl());
		dataSource.setUser(EmbeddedCredentials.OWNER);
		dataSource.setPassword(server.credentials().password(EmbeddedCredentials.OWNER));
		return Flyway.configure()
			.dataSource(dataSource)
			.locations(Arrays.stream(locations).map(l -> MIGRATIONS + l).toArray(String[]::new))
			.callbacks(new Recorder())
			.load();
	}

	private String history() throws Exception {
		return query("SELECT string_agg(version, ' ' ORDER BY installed_rank) FROM flyway_schema_history");
	}

	private String query(String sql) throws Exception {
		try (Connection c = server.connect(EmbeddedPostgresServer.DATABASE, EmbeddedCredentials.OWNER);
				Statement s = c.createStatement();
				ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}

	private void execute(String sql) throws Exception {
		try (Connection c = server.connect(EmbeddedPostgresServer.DATABASE, EmbeddedCredentials.OWNER);
				Statement s = c.createStatement()) {
			s.execute(sql);
		}
	}

	/** Flyway's own account of what it did. */
	private final class Recorder implements Callback {

		@Override
		public boolean supports(Event event, Context context) {
			return true;
		}

		@Override
		public boolean canHandleInTransaction(Event event, Context context) {
			return true;
		}

		@Override
		public void handle(Event event, Context context) {
			flywayEvents.add(event);
		}

		@Override
		public String getCallbackName() {
			return "recorder";
		}

	}

}
