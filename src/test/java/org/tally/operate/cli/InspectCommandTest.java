package org.tally.operate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tally.TallyApplication;
import org.tally.operate.TallyCommandLine;
import org.tally.support.WorkbookBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Given a file, `tally inspect` shows what a run would see in it, in a table or as JSON,
 * from the configuration alone: it never starts the database.
 */
class InspectCommandTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path temp;

	@Test
	void givenEverySeedFile_inspectReadsItInBothFormatsWithoutTheDatabase() throws Exception {
		Path dataDir = temp.resolve("never-created");
		List<Path> seeds;
		try (Stream<Path> files = Files.walk(Path.of("seeds/inbox"))) {
			seeds = files.filter(Files::isRegularFile)
				.filter(f -> !f.getFileName().toString().startsWith("."))
				.toList();
		}
		assertThat(seeds).hasSize(8);
		for (Path seed : seeds) {
			Result table = tally("inspect", seed.toString(), "--data-dir", dataDir.toString());
			Result json = tally("inspect", seed.toString(), "--format", "json", "--data-dir", dataDir.toString());

			assertThat(table.status()).as("%s: %s", seed, table.err()).isIn(0, 5);
			assertThat(table.out()).as("%s", seed).contains("Period", "Rows read").doesNotContain("QUARANTINE");
			JsonNode document = JSON.readTree(json.out());
			assertThat(document.get("quarantine").isNull()).as("%s", seed).isTrue();
			assertThat(document.get("rowsRead").asInt()).as("%s", seed).isPositive();
			assertThat(document.get("sourceChoice").asString()).as("%s", seed).contains("inbox glob");
		}
		assertThat(dataDir).doesNotExist();
	}

	@Test
	void givenACsv_theTableNamesItsEncodingAndDelimiterAndHowEachWasDecided() {
		Result result = tally("inspect", "seeds/inbox/health/市卫健委_卫生健康对口合作_20241231.csv", "--rows", "3");

		assertThat(result.out()).contains("Encoding GB18030 (not UTF-8; ICU detection names GB18030")
			.contains("Delimiter comma (splits the first records most consistently")
			.contains("chosen: a CSV file has one sheet")
			.contains("Period   2024-12-31 (from the file name 市卫健委_卫生健康对口合作_20241231.csv)");
	}

	@Test
	void givenAnXlsxLedger_theJsonNamesSheetsHeaderAliasesUnitsAndTheTitleCell() throws Exception {
		Path file = WorkbookBuilder.ledger(LocalDate.of(2024, 12, 31))
			.otherSheetFirst("填表说明")
			.header("项目编号", "名称", "所在县区", "签约金额", "项目状态", "联系人电话")
			.row("JC2024-0001", "光伏电站", "潞州区", 120, "开工")
			.row("合计", null, null, 120, null)
			.writeTo(temp.resolve("finance/台账.xlsx"));

		JsonNode document = JSON.readTree(tally("inspect", file.toString(), "--format", "json").out());

		assertThat(document.at("/format/sheets/0/name").asString()).isEqualTo("填表说明");
		assertThat(document.get("sheet").asString()).isEqualTo("项目台账");
		assertThat(document.get("sheetChoice").asString()).isEqualTo("the source's sheet setting: '项目台账'");
		assertThat(document.at("/header/cells/1/alias").asString()).isEqualTo("名称");
		assertThat(document.at("/header/cells/1/column").asString()).isEqualTo("project_name");
		assertThat(document.at("/header/cells/5/column").isNull()).isTrue();
		assertThat(document.at("/header/units/0/origin").asString()).isEqualTo("UNIT_LINE");
		assertThat(document.at("/header/units/0/where").asString()).isEqualTo("A2");
		assertThat(document.get("periodFrom").asString()).isEqualTo("the title cell A1");
		assertThat(document.at("/rows/0/values/committed_investment").asString()).isEqualTo("1200000.00");
		assertThat(document.at("/rows/1/kind").asString()).isEqualTo("TOTALS");
	}

	@Test
	void givenAFileARunWouldQuarantine_inspectSaysWhyAndExitsFive() {
		Path file = WorkbookBuilder.workbook()
			.sheet("项目台账")
			.line("京长对口合作项目台账")
			.header(WorkbookBuilder.LEDGER_HEADER)
			.row("JC2024-0001", "甲", "潞州区", 1, "开工")
			.writeTo(temp.resolve("finance/无期间.xlsx"));

		Result result = tally("inspect", file.toString());

		assertThat(result.status()).isEqualTo(5);
		assertThat(result.out()).contains("A run would QUARANTINE this file: no reporting period in the title rows");
	}

	@Test
	void givenAFileOutsideAnyInboxFolder_theSourceWhoseHeaderMatchesBestIsNamed() throws Exception {
		Path file = WorkbookBuilder.ledger(LocalDate.of(2024, 12, 31))
			.row("JC2024-0001", "甲", "潞州区", 1, "开工")
			.writeTo(temp.resolve("elsewhere/x.xlsx"));

		JsonNode document = JSON.readTree(tally("inspect", file.toString(), "--format", "json").out());

		assertThat(document.get("source").asString()).isEqualTo("finance-projects");
		assertThat(document.get("sourceChoice").asString())
			.startsWith("no inbox glob matches; its header matches best");
	}

	@Test
	void givenCells_everyCellIsOneJsonLineWithoutASource() throws Exception {
		Path file = WorkbookBuilder.workbook()
			.header("名称", "日期")
			.row("甲", LocalDate.of(2024, 6, 30))
			.writeTo(temp.resolve("any.xlsx"));

		Result result = tally("inspect", file.toString(), "--cells");

		List<String> lines = result.out().lines().toList();
		assertThat(lines).hasSize(4);
		JsonNode date = JSON.readTree(lines.get(3));
		assertThat(date.get("cell").asString()).isEqualTo("B2");
		assertThat(date.get("kind").asString()).isEqualTo("NUMBER");
		assertThat(date.get("value").asString()).isEqualTo("45473.0"); // as POI stored it
		assertThat(date.get("numberFormat").asString()).isEqualTo("yyyy-mm-dd"); // as the
																					// builder
																					// set
																					// it
		assertThat(date.get("date").asBoolean()).isTrue();
		JsonNode name = JSON.readTree(lines.get(2));
		assertThat(name.get("numberFormat").asString()).isEqualTo("General");
		assertThat(name.get("date").asBoolean()).isFalse();
	}

	@Test
	void givenAMissingFileOrAnUnknownSource_oneLineSaysWhat() {
		Result missing = tally("inspect", "nowhere.xlsx");
		Result unknown = tally("inspect", "seeds/inbox/health/市卫健委_卫生健康对口合作_20241231.csv", "--source", "nope");

		assertThat(missing.status()).isEqualTo(1);
		assertThat(missing.err()).isEqualTo("tally inspect: no such file: nowhere.xlsx\n");
		assertThat(unknown.status()).isEqualTo(2);
		assertThat(unknown.err()).startsWith("tally inspect: no source 'nope'").hasLineCount(1);
	}

	@Test
	void givenRowsAndCellsTogether_oneLineSaysTheyExcludeEachOther() {
		Result both = tally("inspect", "seeds/inbox/health/市卫健委_卫生健康对口合作_20241231.csv", "--rows", "3", "--cells");

		assertThat(both.status()).isEqualTo(2);
		assertThat(both.err()).contains("mutually exclusive").hasLineCount(1);
	}

	static Result tally(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int status = TallyCommandLine.execute(TallyApplication.class, new PrintWriter(out), new PrintWriter(err), args);
		return new Result(status, out.toString(), err.toString());
	}

	record Result(int status, String out, String err) {
	}

}
