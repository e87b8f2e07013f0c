package org.tally.operate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tally.TallyApplication;
import tools.jackson.databind.json.JsonMapper;

/**
 * The `tally` command line as a user meets it: a fresh data directory, the seed inbox,
 * and the commands' output and exit status. Each command starts its own application
 * context, as it does from the shell. The seeds are run twice before the tests, which
 * only read what those runs left; a test that changes anything works in its own
 * directory.
 */
class TallyCommandLineTest {

	@TempDir
	static Path workspace;

	static Path inbox;
	static Path dataDir;

	static Result firstRun;

	static Result secondRun;

	@BeforeAll
	static void runTheSeedInboxTwice() throws IOException {
		inbox = workspace.resolve("inbox");
		dataDir = workspace.resolve("data");
		Path seeds = Path.of("seeds/inbox");
		try (Stream<Path> files = Files.walk(seeds)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Path target = inbox.resolve(seeds.relativize(file).toString());
				Files.createDirectories(target.getParent());
				Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
			}
		}
		firstRun = tally("run", "--inbox", inbox.toString(), "--data-dir", dataDir.toString());
		secondRun = tally("run", "--inbox", inbox.toString(), "--data-dir", dataDir.toString());
	}

	@Test
	void givenTheSeedInbox_runPrintsTheSummaryAndTheVerifiedFigures() {
		assertThat(output(firstRun)).contains("COMPLETED")
			.contains("Files read: 8 (loaded 8, duplicate 0, quarantined 0, rejected 0)")
			.contains("Rows loaded: 454, rows rejected: 0")
			.containsPattern(
					"committed_investment\\s+社会资金签约额\\s+2024-12-31\\s+60237450000.00\\s+602.37亿元\\s+600余亿元\\s+verified")
			.containsPattern(
					"completed_investment\\s+完成投资额\\s+2024-12-31\\s+10985632500.00\\s+109.86亿元\\s+约110亿元\\s+verified");
	}

	@Test
	void givenASecondRun_itLoadsNothingTwiceAndPrintsTheSameFigures() {
		assertThat(output(secondRun)).contains("Files read: 8 (loaded 0, duplicate 8, quarantined 0, rejected 0)")
			.contains("Rows loaded: 0, rows rejected: 0")
			.containsPattern("started_projects\\s+落地开工项目数\\s+2024-12-31\\s+87\\s+87个\\s+87个\\s+verified");
	}

	@Test
	void givenFiguresAsJson_theyGiveExactDecimalValuesAndProvenance() {
		Result result = tally("figures", "--format", "json", "--data-dir", dataDir.toString());

		assertThat(output(result)).contains("\"asOf\" : \"2024-12-31\"")
			.contains("\"id\" : \"committed_investment\"")
			.contains("\"value\" : \"60237450000.00\"")
			.contains("\"phrase\" : \"600余亿元\"")
			.contains("\"file\" : \"市财政局_京长对口合作项目台账_2024-12-31.xlsx\"")
			.contains("\"rows\" : 140");
	}

	@Test
	void givenFiguresPressExport_itWritesTheWorkbookWithAChartAndTheCsvWithABom() throws IOException {
		Path xlsx = workspace.resolve("press.xlsx");
		Path csv = workspace.resolve("press.csv");

		Result workbook = tally("figures", "--press", "--format", "xlsx", "--out", xlsx.toString(), "--data-dir",
				dataDir.toString());
		Result text = tally("figures", "--press", "--format", "csv", "--out", csv.toString(), "--data-dir",
				dataDir.toString());
		Result notPress = tally("figures", "--format", "xlsx", "--out", xlsx.toString(), "--data-dir",
				dataDir.toString());

		assertThat(workbook.status()).as(workbook.err()).isZero();
		assertThat(workbook.out()).contains("Wrote 7 figures as of 2024-12-31 to " + xlsx);
		try (var book = new XSSFWorkbook(Files.newInputStream(xlsx))) {
			assertThat(book.getSheet("figures").getRow(1).getCell(3).getNumericCellValue()).isEqualTo(60237450000.00);
			assertThat(book.getSheet("by county").getDrawingPatriarch().getCharts()).hasSize(1);
		}
		assertThat(text.status()).as(text.err()).isZero();
		assertThat(Files.readString(csv)).startsWith("\uFEFFfigure,label,label_en,value")
			.contains("committed_investment,社会资金签约额,");
		assertThat(notPress.status()).isEqualTo(2);
		assertThat(notPress.err()).contains("use it with --press");
	}

	@Test
	void givenFilesSeenTwice_filesListsEverySightingLoadedThenDuplicate() {
		Result result = tally("files", "--format", "json", "--data-dir", dataDir.toString());

		assertThat(output(result).split("\"status\" : \"loaded\"", -1)).hasSize(9);
		assertThat(result.out().split("\"status\" : \"duplicate\"", -1)).hasSize(9);
		assertThat(result.out()).contains("\"period\" : \"2024-06-30\"").contains("\"department\" : \"health\"");
	}

	@Test
	void givenTheSeedRun_checksAllPass() {
		Result result = tally("checks", "--data-dir", dataDir.toString());

		assertThat(result.status()).as(result.out() + result.err()).isZero();
		assertThat(result.out()).contains("projects_totals").doesNotContain("FAILED");
	}

	@Test
	void givenTheSeedPressRelease_claimsCheckFindsTheSevenClaimsAllConsistent() {
		Result result = tally("claims", "check", "src/test/resources/org/tally/claims/seed-press-release.txt",
				"--format", "json", "--data-dir", dataDir.toString());

		assertThat(output(result).split("\"verdict\" : \"consistent\"", -1)).hasSize(8);
		assertThat(result.out()).doesNotContain("contradicted").doesNotContain("unverifiable");
	}

	@Test
	void givenAMissingInbox_runFailsWithAOneLineReason(@TempDir Path ownData) {
		Result result = tally("run", "--inbox", workspace.resolve("no-such-inbox").toString(), "--data-dir",
				ownData.toString());

		assertThat(result.status()).isEqualTo(4);
		assertThat(result.err().strip())
			.matches("tally: run \\d+ FAILED: gatherSourceFilesStep: the inbox .*no-such-inbox"
					+ " does not exist or is not a directory");
	}

	@Test
	void givenAMissingConfigDirectory_anyCommandSaysWhichInOneLine() {
		Result result = tally("figures", "--config", workspace.resolve("no-config").toString(), "--data-dir",
				dataDir.toString());

		assertThat(result.status()).isEqualTo(1);
		assertThat(result.err().strip()).startsWith("tally figures: configuration directory")
			.endsWith("no-config does not exist")
			.doesNotContain("\n");
	}

	@Test
	void givenBenchAsJson_itKeepsStandardOutputForTheReportAndReportsEachRepetitionOnStandardError() {
		Result result = tally("bench", "--rows", "2000", "--repetitions", "1", "--format", "json", "--work",
				workspace.resolve("bench").toString());

		var report = JsonMapper.builder().build().readTree(output(result));
		assertThat(report.get("rows").asInt()).isEqualTo(2000);
		assertThat(report.get("measures")).extracting(m -> m.get("name").asString())
			.containsExactly("parse-only (fastexcel-reader, XLSX)", "COPY-only (PostgreSQL, CSV)",
					"Tally end to end (XLSX)", "Tally end to end (CSV)", "reporting summary (county x period, SQL)",
					"reporting summary (county x period, kept at promotion)");
		assertThat(report.get("csvToCopyRatio").asDouble()).isPositive();
		assertThat(result.err()).contains("tally: bench: preparing a 2000-row ledger")
			.contains("tally: bench: parse-only (fastexcel-reader, XLSX) #1: ")
			.contains("tally: bench: Tally end to end (CSV) #1: ");
	}

	/**
	 * A sheet made small (1,004 rows) so that 2,500 rows exceed it as five million exceed
	 * Excel's: the XLSX side becomes three ledgers from three sources, the CSV stays one
	 * file, and each size reports seconds per million rows and its heap.
	 */
	@Test
	void givenBenchScaleBeyondOneSheet_theXlsxIsMeasuredAsLedgersFromAsManySourcesAndSaidSoInOneLine() {
		Result result = tally("bench", "--scale", "2500,1000", "--sheet-rows", "1004", "--repetitions", "1", "--format",
				"json", "--work", workspace.resolve("bench-scale").toString());

		var report = JsonMapper.builder().build().readTree(output(result));
		var sizes = report.get("sizes");
		assertThat(sizes).extracting(size -> size.get("rows").asInt()).containsExactly(1000, 2500);
		assertThat(sizes.get(0).get("notes")).isEmpty();
		assertThat(sizes.get(1).get("notes")).extracting(note -> note.asString())
			.containsExactly(
					"2,500 rows exceed one sheet's 1,004: XLSX measured as 3 ledgers of 833 to 834 rows from 3 sources");
		assertThat(sizes.get(1).get("measures")).extracting(m -> m.get("name").asString())
			.containsExactly("parse-only (fastexcel-reader, XLSX)", "COPY-only (PostgreSQL, CSV)",
					"Tally end to end (XLSX)", "Tally end to end (CSV)");
		assertThat(sizes.get(1).get("measures").get(2).get("secondsPerMillionRows").asDouble()).isPositive();
		assertThat(sizes.get(1).get("peakHeapBytesTallyCsv").asLong()).isPositive();
		assertThat(sizes.get(1).get("peakHeapAfterGcBytesTallyXlsx").asLong()).isPositive();
		assertThat(sizes.get(1).get("peakHeapAfterGcBytesTallyCsv").asLong()).isPositive();
		assertThat(report.get("xlsxSecondsRatio").asDouble()).isPositive();
		assertThat(result.err()).containsOnlyOnce("XLSX measured as 3 ledgers");
	}

	/**
	 * What a command printed, once it has exited 0 (else its error output says why not).
	 */
	static String output(Result result) {
		assertThat(result.status()).as(result.err()).isZero();
		return result.out();
	}

	static Result tally(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int status = TallyCommandLine.execute(TallyApplication.class, new PrintWriter(out, true),
				new PrintWriter(err, true), args);
		return new Result(status, out.toString(), err.toString());
	}

	record Result(int status, String out, String err) {
	}

}
