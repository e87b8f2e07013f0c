package org.tally.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tally.support.TallyTest;

/**
 * Tally works through a role of its own that is no superuser; the sql checks' role reads
 * the registry and the warehouse and nothing else.
 */
@TallyTest
class DatabaseRolesTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SqlCheckDatabase sqlCheckDatabase;

	@Test
	void givenTallysOwnConnections_theirRoleIsNotASuperuser() {
		assertThat(jdbc.sql("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").query(Boolean.class).single())
			.isFalse();
		assertThat(jdbc.sql("SELECT current_user").query(String.class).single()).isEqualTo(EmbeddedCredentials.OWNER);
	}

	@Test
	void givenTheChecksRole_itReadsRegistryAndLaterWarehouseTablesButNotAuditNorFigures() throws SQLException {
		jdbc.sql("CREATE TABLE warehouse.roles_probe (v text)").update();
		try {
			String count = sqlCheckDatabase.readOnly(10_000, c -> single(c.createStatement(),
					"SELECT count(*) FROM registry.load, registry.load_column, warehouse.roles_probe"));

			assertThat(count).isEqualTo("0");
		}
		finally {
			jdbc.sql("DROP TABLE warehouse.roles_probe").update();
		}
		for (String table : new String[] { "ops.audit", "publish.figure_version", "recon.check_result" }) {
			assertThatThrownBy(() -> sqlCheckDatabase.readOnly(10_000,
					c -> single(c.createStatement(), "SELECT count(*) FROM " + table)))
				.as(table)
				.hasMessageContaining("permission denied");
		}
	}

	private static String single(Statement s, String sql) throws SQLException {
		try (s; ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}

}
