package org.tally.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tally.support.Runs;
import org.tally.support.TallyTest;
import org.tally.support.SeedInboxTest;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The claim corpus: every draft in src/test/resources/claims is checked against the
 * figures a run on the seeds verifies (2024-06-30 and 2024-12-31), and every claim and
 * every other number must come out as the draft's .yml beside it says. The README's
 * precision/recall table is this corpus's.
 */
@TallyTest
class ClaimCorpusTest extends SeedInboxTest {

	static final Path CORPUS = Path.of("src/test/resources/claims");

	@Autowired
	PressFacts press;

	/** A draft's expected verdicts. */
	record Expected(List<ExpectedClaim> claims, List<ExpectedOther> notClaims) {
		Expected {
			claims = claims == null ? List.of() : claims;
			notClaims = notClaims == null ? List.of() : notClaims;
		}
	}

	record ExpectedClaim(String phrase, String kind, String verdict) {
	}

	record ExpectedOther(String number, String reason) {
	}

	@Test
	void givenTheCorpusAndTheSeedFigures_everyClaimAndEveryOtherNumberIsJudgedAsExpected() throws Exception {
		Runs.completedRun(jobs, "claim-corpus");
		ClaimChecker checker = new ClaimChecker(press.current());
		List<Path> drafts = drafts();
		Map<ClaimKind, int[]> tally = new EnumMap<>(ClaimKind.class);
		List<String> mismatches = mismatches(checker, drafts, tally);
		int claims = tally.values().stream().mapToInt(t -> t[0]).sum();

		assertThat(mismatches).isEmpty();
		assertThat(drafts).hasSizeGreaterThanOrEqualTo(12);
		assertThat(claims).isGreaterThanOrEqualTo(80);
		assertThat(tally.keySet()).containsExactlyInAnyOrder(ClaimKind.values());
		assertThat(Files.readString(Path.of("README.md"))).as("the README's table is the corpus's")
			.contains(table(tally));
	}

	/** Every way the checker's reading of the drafts differs from their .yml files. */
	static List<String> mismatches(ClaimChecker checker, List<Path> drafts, Map<ClaimKind, int[]> tally)
			throws IOException {
		List<String> mismatches = new ArrayList<>();
		for (Path draft : drafts) {
			Expected expected = expected(draft);
			ClaimReport report = checker.report(Files.readString(draft, StandardCharsets.UTF_8));
			List<ExpectedClaim> actual = report.claims()
				.stream()
				.map(c -> new ExpectedClaim(c.phrase(), lower(c.kind()), lower(c.verdict())))
				.toList();
			List<ExpectedOther> others = report.notClaims()
				.stream()
				.map(n -> new ExpectedOther(n.number(), n.reason()))
				.toList();
			if (!actual.equals(expected.claims())) {
				mismatches.add(draft.getFileName() + " claims: expected " + expected.claims() + " but was " + actual);
			}
			if (!others.equals(expected.notClaims())) {
				mismatches
					.add(draft.getFileName() + " not claims: expected " + expected.notClaims() + " but was " + others);
			}
			count(tally, expected.claims(), actual);
		}
		return mismatches;
	}

	/**
	 * Per kind: [expected, found, found with the expected verdict, consistent claims
	 * expected, consistent judged that are not].
	 */
	private static void count(Map<ClaimKind, int[]> tally, List<ExpectedClaim> expected, List<ExpectedClaim> actual) {
		for (ExpectedClaim claim : expected) {
			int[] t = tally.computeIfAbsent(kind(claim), k -> new int[5]);
			t[0]++;
			if (actual.contains(claim)) {
				t[2]++;
			}
		}
		for (ExpectedClaim claim : actual) {
			int[] t = tally.computeIfAbsent(kind(claim), k -> new int[5]);
			t[1]++;
			boolean wronglyConsistent = claim.verdict().equals("consistent") && !expected.contains(claim);
			if (wronglyConsistent) {
				t[4]++;
			}
		}
	}

	/**
	 * The README table: precision = right verdicts / claims found, recall = right /
	 * expected.
	 */
	static String table(Map<ClaimKind, int[]> tally) {
		StringBuilder table = new StringBuilder(
				"| kind of claim | claims | found | right verdict | precision | recall | wrongly consistent |\n"
						+ "|---|---|---|---|---|---|---|\n");
		for (Map.Entry<ClaimKind, int[]> row : tally.entrySet()) {
			int[] t = row.getValue();
			table.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.2f | %.2f | %d |%n", lower(row.getKey()),
					t[0], t[1], t[2], t[1] == 0 ? 0.0 : (double) t[2] / t[1], t[0] == 0 ? 0.0 : (double) t[2] / t[0],
					t[4]));
		}
		return table.toString();
	}

	private static ClaimKind kind(ExpectedClaim claim) {
		return ClaimKind.valueOf(claim.kind().toUpperCase(Locale.ROOT));
	}

	private static String lower(Enum<?> e) {
		return e.name().toLowerCase(Locale.ROOT);
	}

	static List<Path> drafts() throws IOException {
		try (Stream<Path> files = Files.list(CORPUS)) {
			return files.filter(p -> p.getFileName().toString().matches("\\d\\d-.*\\.txt")).sorted().toList();
		}
	}

	private static Expected expected(Path draft) throws IOException {
		Path yml = draft.resolveSibling(draft.getFileName().toString().replace(".txt", ".yml"));
		return YAMLMapper.builder().build().readValue(Files.readString(yml, StandardCharsets.UTF_8), Expected.class);
	}

}
