package org.tally.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tally.support.TallyTest;

/**
 * Given the application's connections, the server probes each silent client and ends the
 * session of one that stopped answering within about 25 s: a node whose host died loses
 * the run lock, and the other node can take its run over, without waiting for the
 * operating system's two hours.
 */
@TallyTest
class DeadClientProbesTest {

	@Autowired
	DataSource dataSource;

	@Test
	void givenAConnectionOfThePool_theServerProbesItsClientAfter10sEvery5sAndGivesUpAfter3() throws Exception {
		try (Connection connection = dataSource.getConnection()) {
			assertThat(setting(connection, "tcp_keepalives_idle")).isEqualTo("10");
			assertThat(setting(connection, "tcp_keepalives_interval")).isEqualTo("5");
			assertThat(setting(connection, "tcp_keepalives_count")).isEqualTo("3");
		}
	}

	private static String setting(Connection connection, String name) throws SQLException {
		try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SHOW " + name)) {
			rs.next();
			return rs.getString(1);
		}
	}

}
