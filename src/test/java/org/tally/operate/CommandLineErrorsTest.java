package org.tally.operate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tally.operate.TallyCommandLineTest.Result;
import org.tally.operate.cli.ExitCode;

/**
 * Every error is one line naming what is wrong, and its exit status has one meaning, as
 * docs/cli.md tables them.
 */
class CommandLineErrorsTest {

	@TempDir
	Path workspace;

	@Test
	void givenAnUnknownOption_itExitsWithUsageAndSaysSoInOneLine() {
		Result result = TallyCommandLineTest.tally("run", "--no-such-option");

		assertThat(result.status()).isEqualTo(ExitCode.USAGE.code()).isEqualTo(2);
		assertThat(result.err().strip()).startsWith("tally run: Unknown option: '--no-such-option'")
			.doesNotContain("\n");
		assertThat(result.out()).isEmpty();
	}

	@Test
	void givenAMissingPressText_claimsCheckNamesTheFileInOneLineWithoutAStackTrace() {
		Path missing = workspace.resolve("missing.txt");

		Result result = TallyCommandLineTest.tally("claims", "check", missing.toString());

		assertThat(result.status()).isEqualTo(ExitCode.ERROR.code()).isEqualTo(1);
		assertThat(result.err().strip()).isEqualTo("tally claims check: no such file: " + missing);
	}

	@Test
	void givenARunThatDoesNotExist_stopIsRefusedInOneLine() {
		Result result = TallyCommandLineTest.tally("stop", "999", "--data-dir", workspace.resolve("data").toString(),
				"--inbox", workspace.resolve("inbox").toString());

		assertThat(result.status()).isEqualTo(ExitCode.REFUSED.code()).isEqualTo(3);
		assertThat(result.err().strip()).isEqualTo("tally stop: refused: there is no run 999");
	}

	@Test
	void givenASubcommand_itInheritsHelpFromTally() {
		Result result = TallyCommandLineTest.tally("rerun", "--help");

		assertThat(result.status()).isZero();
		assertThat(result.out()).contains("Usage: tally rerun").contains("--as-of=DATE").contains("-h, --help");
	}

	@Test
	void givenTallyHelp_itListsEveryCommand() {
		Result result = TallyCommandLineTest.tally("--help");

		assertThat(result.status()).isZero();
		assertThat(result.out()).contains("Usage: tally")
			.contains("  run ")
			.contains("  figures ")
			.contains("  serve ")
			.contains("  gather ")
			.contains("  users ")
			.contains("  restore ");
	}

	@Test
	void givenAMistypedCommand_itIsRefusedAsUsageNamingIt() {
		Result result = TallyCommandLineTest.tally("figure");

		assertThat(result.status()).isEqualTo(ExitCode.USAGE.code());
		assertThat(result.err()).contains("figure");
		assertThat(result.out()).isEmpty();
	}

	@Test
	void givenTheExitCodes_eachHasItsOwnCodeAndDocsCliListsEachOnce() throws IOException {
		String table = Files.readString(Path.of("docs/cli.md"));
		Matcher row = Pattern.compile("(?m)^\\| (\\d+) \\|").matcher(table);
		List<Integer> documented = new ArrayList<>();
		while (row.find()) {
			documented.add(Integer.parseInt(row.group(1)));
		}

		assertThat(Arrays.stream(ExitCode.values()).map(ExitCode::code)).doesNotHaveDuplicates()
			.containsExactlyElementsOf(documented);
	}

}
