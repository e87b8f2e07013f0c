package org.tally.operate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tally.TallyApplication;
import org.tally.bench.internal.LedgerFiles;
import org.tally.operate.TallyCommandLine;

/**
 * Given a ledger of 200,000 rows, `tally run` shows how far its reading has got: on a
 * terminal (a pseudo-terminal from util-linux's `script`) one line redrawn in place,
 * which the log's lines push aside; elsewhere a plain line at each interval
 * ({@code tally.cli.progress-interval}, shortened here); with {@code --quiet} only the
 * summary.
 */
class RunProgressLinesTest {

	static final String LEDGER = "finance/市财政局_京长对口合作项目台账_2024-12-31.csv";

	static final Path SCRIPT = Path.of("/usr/bin/script");

	/** Rows, rate, percent of the file's size, time left. */
	static final Pattern PLAIN = Pattern.compile("tally: run: reading " + Pattern.quote(LEDGER)
			+ ": ([\\d,]+) rows, [\\d,]+ rows/s, [\\d.?]+ of [\\d.]+ MB \\([\\d.]+%\\), ETA [\\d:?]+");

	static final Pattern TERMINAL = Pattern.compile(
			"\r\u001b\\[K\\S*2024-12-31\\.csv  ([\\d,]+) rows  [\\d,]+ rows/s  [\\d.]+% of [\\d.]+ MB  ETA [\\d:?]+");

	@TempDir
	static Path shared;

	static Path ledger;

	@TempDir
	Path workspace;

	@BeforeAll
	static void aLedgerOfTwoHundredThousandRows() throws IOException {
		ledger = LedgerFiles.departmentCsv(shared.resolve(LEDGER), 200_000);
	}

	@Test
	void givenARunNotOnATerminal_itPrintsAPlainLineAtEachIntervalWithTheRowsRising() throws IOException {
		String err = inProcess("run");

		List<Long> rows = new ArrayList<>();
		for (Matcher line = PLAIN.matcher(err); line.find();) {
			rows.add(Long.parseLong(line.group(1).replace(",", "")));
		}
		assertThat(rows).as(err).hasSizeGreaterThanOrEqualTo(2);
		assertThat(rows).isSorted();
		assertThat(rows.get(rows.size() - 1)).isGreaterThan(rows.get(0));
		assertThat(err).doesNotContain("\u001b[K");
	}

	@Test
	void givenQuiet_aRunPrintsItsSummaryAndNoProgress() throws IOException {
		String err = inProcess("run", "--quiet");

		assertThat(err).doesNotContain("reading");
	}

	@Test
	void givenARunOnAPseudoTerminal_itRedrawsOneProgressLineInPlaceAndTheLogPushesItAside() throws Exception {
		Assumptions.assumeTrue(Files.isExecutable(SCRIPT), "needs script (util-linux)");
		Path inbox = inbox();
		Path output = workspace.resolve("terminal.log");
		List<String> tally = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
				System.getProperty("java.class.path"), TallyApplication.class.getName(), "run", "--inbox",
				inbox.toString(), "--data-dir", workspace.resolve("data").toString()));
		ProcessBuilder builder = new ProcessBuilder(SCRIPT.toString(), "-qfec", shellWords(tally), "/dev/null")
			.redirectErrorStream(true)
			.redirectOutput(output.toFile());
		builder.environment().put("TALLY_DB_PORT", "0");
		builder.environment().remove("COLUMNS");
		Process process = builder.start();
		boolean ended = process.waitFor(300, TimeUnit.SECONDS);
		if (!ended) {
			process.destroyForcibly();
		}
		String terminal = Files.readString(output, StandardCharsets.UTF_8);

		assertThat(ended).as("the run ends").isTrue();
		assertThat(process.exitValue()).as(terminal).isZero();
		Matcher line = TERMINAL.matcher(terminal);
		assertThat(line.find()).as(terminal).isTrue();
		assertThat(terminal).as("the log's line that the file is read clears the progress line first")
			.containsPattern("\r\u001b\\[K\\d\\d:\\d\\d:\\d\\d INFO  run=1 file=" + Pattern.quote(LEDGER) + " read:")
			.contains("Run 1 COMPLETED")
			.doesNotContain("tally: run: reading");
	}

	/** The command as one line for the shell `script` starts it with. */
	private static String shellWords(List<String> words) {
		return String.join(" ", words.stream().map(w -> "'" + w.replace("'", "'\\''") + "'").toList());
	}

	private Path inbox() throws IOException {
		Path inbox = workspace.resolve("inbox");
		Files.createDirectories(inbox.resolve(LEDGER).getParent());
		Files.copy(ledger, inbox.resolve(LEDGER));
		return inbox;
	}

	/**
	 * `tally ARGS` in this JVM, where standard output is no terminal, with a plain
	 * progress line every 100 ms; answers what it printed on standard error.
	 */
	private String inProcess(String... args) throws IOException {
		Path inbox = inbox();
		List<String> command = new ArrayList<>(List.of(args));
		command.addAll(List.of("--inbox", inbox.toString(), "--data-dir", workspace.resolve("data").toString()));
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		System.setProperty("tally.cli.progress-interval", "100ms");
		try {
			int status = TallyCommandLine.execute(TallyApplication.class, new PrintWriter(out, true),
					new PrintWriter(err, true), command.toArray(String[]::new));
			assertThat(status).as(err.toString()).isZero();
		}
		finally {
			System.clearProperty("tally.cli.progress-interval");
		}
		assertThat(out.toString()).contains("Run 1 COMPLETED").contains("Rows loaded: 200000, rows rejected: 0");
		return err.toString();
	}

}
