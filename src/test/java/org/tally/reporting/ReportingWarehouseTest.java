package org.tally.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.tally.database.ReaderRoles;
import org.tally.database.WarehouseAddress;
import org.tally.support.Runs;
import org.tally.support.TallyTest;
import org.tally.support.TestInbox;
import org.tally.support.TestWarehouse;

/**
 * As a reader role over JDBC, with the seed inbox loaded: the example queries of
 * docs/reporting.md run and return what Tally publishes; Tally's own schemas stay closed;
 * nothing can be written or read from the server's files; a superseded file never shows.
 */
@TallyTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportingWarehouseTest {

	static final String READER = "analyst_it";

	static final String PASSWORD = "reader-password-1";

	static final Pattern SQL_BLOCK = Pattern.compile("```sql\\n(.*?)```", Pattern.DOTALL);

	static final String HEALTH_DECEMBER = "health/市卫健委_卫生健康对口合作_20241231.csv";

	@Autowired
	TestWarehouse warehouse;

	@Autowired
	TestInbox inbox;

	@Autowired
	JobOperatorTestUtils jobs;

	@Autowired
	ReaderRoles readers;

	@Autowired
	WarehouseAddress address;

	@BeforeAll
	void theSeedsLoadedAndAReader() {
		warehouse.reset();
		inbox.clear().withSeeds();
		Runs.completedRun(jobs, "reporting");
		if (readers.list().stream().anyMatch(r -> r.name().equals(READER))) {
			readers.remove(READER);
		}
		readers.add(READER, PASSWORD.toCharArray());
	}

	@AfterAll
	void removeTheReader() {
		readers.remove(READER);
	}

	@Test
	void givenTheDocumentedQueries_eachRunsAsAReaderAndReturnsRows() throws Exception {
		List<String> queries = documentedQueries();
		// The ten examples, and the kept county summary's (docs/reporting.md#speed).
		assertThat(queries).hasSize(11);
		try (Connection c = asReader()) {
			for (String query : queries) {
				// Query 5 lists departments that did not report: with the seeds, none.
				int expected = query.contains("NOT EXISTS") ? 0 : 1;
				assertThat(rows(c, query)).as(query).hasSizeGreaterThanOrEqualTo(expected);
			}
		}
	}

	@Test
	void givenTheYearsProjects_theirSumEqualsThePublishedCommittedInvestmentExactly() throws Exception {
		try (Connection c = asReader()) {
			List<List<String>> result = rows(c, documentedQueries().get(1));

			assertThat(result.get(0).get(1)).isNotNull();
			assertThat(new BigDecimal(result.get(0).get(0))).isEqualByComparingTo(result.get(0).get(1));
			BigDecimal byCounty = rows(c, documentedQueries().get(0)).stream()
				.filter(r -> r.get(0).equals("2024-12-31"))
				.map(r -> new BigDecimal(r.get(3)))
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			assertThat(byCounty.movePointRight(8)).isCloseTo(new BigDecimal(result.get(0).get(1)),
					org.assertj.core.data.Offset.offset(new BigDecimal("6000000")));
			BigDecimal started = rows(c, documentedQueries().get(3)).stream()
				.filter(r -> r.get(0).equals("2024年全年"))
				.map(r -> new BigDecimal(r.get(2)))
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			assertThat(started).isEqualByComparingTo(single(c,
					"SELECT value FROM reporting.figures WHERE figure_id = 'started_projects' AND period = '2024-12-31'"));
		}
	}

	@Test
	void givenAReader_registryWarehouseAndPublishAreNotReadable() throws Exception {
		try (Connection c = asReader()) {
			for (String table : List.of("registry.load", "warehouse.projects", "publish.figure_version",
					"recon.check_result", "ops.audit")) {
				assertThatThrownBy(() -> rows(c, "SELECT count(*) FROM " + table)).as(table)
					.hasMessageContaining("permission denied");
			}
		}
	}

	@Test
	void givenAReader_insertAndPgReadFileAreRefused() throws Exception {
		try (Connection c = asReader()) {
			assertThatThrownBy(() -> rows(c,
					"SET default_transaction_read_only = off; "
							+ "INSERT INTO reporting.county (code, name, city_code, city, sort_order) "
							+ "VALUES ('140499', 'x', '140400', 'x', 99) RETURNING code"))
				.hasMessageContaining("permission denied");
			assertThatThrownBy(() -> rows(c, "SELECT pg_read_file('postgresql.conf')"))
				.hasMessageContaining("permission denied");
			assertThatThrownBy(() -> rows(c, "CREATE TABLE reporting.mine (v int)"))
				.hasMessageMatching("(?s).*(permission denied|read-only transaction).*");
		}
	}

	@Test
	void givenEveryReportingColumn_ithasAChineseComment() {
		assertThat(warehouse.strings("""
				SELECT c.relname || '.' || a.attname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
				JOIN pg_namespace n ON n.oid = c.relnamespace
				WHERE n.nspname = 'reporting' AND a.attnum > 0 AND NOT a.attisdropped
				  AND col_description(c.oid, a.attnum) IS NULL""")).isEmpty();
		assertThat(warehouse.strings("""
				SELECT col_description('reporting.projects'::regclass, a.attnum) FROM pg_attribute a
				WHERE a.attrelid = 'reporting.projects'::regclass AND a.attname IN ('period', 'committed_investment')
				ORDER BY a.attnum""")).containsExactly("报告期", "签约投资额");
	}

	@Test
	void givenTheSeedCounties_eachJoinsItsDivisionCode() throws Exception {
		try (Connection c = asReader()) {
			assertThat(single(c, "SELECT count(*) FROM reporting.county")).isEqualTo("12");
			assertThat(single(c, "SELECT code FROM reporting.county WHERE name = '潞州区'")).isEqualTo("140403");
			for (String view : List.of("projects", "health_activities", "education_activities", "tech_transfers")) {
				assertThat(single(c,
						"SELECT count(*) FROM reporting." + view
								+ " v LEFT JOIN reporting.county c ON c.name = v.county WHERE c.code IS NULL"))
					.as(view)
					.isEqualTo("0");
				assertThat(single(c, "SELECT count(*) FROM reporting." + view
						+ " v JOIN reporting.period p USING (period) JOIN reporting.department d ON d.code = v.department"))
					.as(view)
					.isEqualTo(single(c, "SELECT count(*) FROM reporting." + view));
			}
			assertThat(single(c, "SELECT label FROM reporting.period WHERE period = '2024-06-30'"))
				.isEqualTo("2024年上半年");
		}
	}

	@Test
	void givenACorrectedFile_theRowsOfTheSupersededLoadAreNeverVisible() throws Exception {
		Charset gb18030 = Charset.forName("GB18030");
		Path file = inbox.root().resolve(HEALTH_DECEMBER);
		Files.writeString(file, Files.readString(file, gb18030).replace("武乡县中医医院", "武乡县中医医院新院区"), gb18030);
		Runs.completedRun(jobs, "reporting-corrected");
		String superseded = warehouse.strings("""
				SELECT id::text FROM registry.load WHERE dataset = 'health_activities' AND status = 'superseded'
				  AND period = '2024-12-31'""").get(0);

		try (Connection c = asReader()) {
			assertThat(single(c, "SELECT count(*) FROM reporting.health_activities WHERE load_id = " + superseded))
				.isEqualTo("0");
			assertThat(single(c, "SELECT count(*) FROM reporting.health_activities WHERE period = '2024-12-31'"
					+ " AND changzhi_hospital = '武乡县中医医院新院区'"))
				.isEqualTo("1");
			assertThat(single(c, "SELECT count(*) FROM reporting.health_activities WHERE period = '2024-12-31'"))
				.isEqualTo(Long.toString(warehouse.count("""
						SELECT rows_loaded FROM registry.load WHERE dataset = 'health_activities' AND is_current
						  AND period = '2024-12-31'""")));
		}
	}

	private Connection asReader() throws SQLException {
		return DriverManager.getConnection(address.jdbcUrl(), READER, PASSWORD);
	}

	static List<String> documentedQueries() throws IOException {
		String doc = Files.readString(Path.of("docs/reporting.md"));
		List<String> queries = new ArrayList<>();
		Matcher m = SQL_BLOCK.matcher(doc);
		while (m.find()) {
			queries.add(m.group(1));
		}
		return queries;
	}

	private static String single(Connection c, String sql) throws SQLException {
		return rows(c, sql).get(0).get(0);
	}

	private static List<List<String>> rows(Connection c, String sql) throws SQLException {
		List<List<String>> rows = new ArrayList<>();
		try (Statement s = c.createStatement()) {
			boolean result = s.execute(sql);
			while (!result && s.getUpdateCount() != -1) {
				result = s.getMoreResults();
			}
			if (!result) {
				return rows;
			}
			try (ResultSet rs = s.getResultSet()) {
				while (rs.next()) {
					List<String> row = new ArrayList<>();
					for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
						row.add(rs.getString(i));
					}
					rows.add(row);
				}
			}
		}
		return rows;
	}

}
