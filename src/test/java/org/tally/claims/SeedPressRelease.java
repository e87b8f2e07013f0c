package org.tally.claims;

import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.assertj.core.groups.Tuple;

/**
 * The seed press release, whose claims the figures of a run on the seeds bear out.
 */
final class SeedPressRelease {

	/**
	 * Its seven claims in reading order, as phrase, figure and verdict against the seed
	 * figures.
	 */
	static final List<Tuple> SEVEN_CONSISTENT_CLAIMS = List.of(
			tuple("600余亿元", "committed_investment", Verdict.CONSISTENT),
			tuple("140个", "project_count", Verdict.CONSISTENT), tuple("87个", "started_projects", Verdict.CONSISTENT),
			tuple("约110亿元", "completed_investment", Verdict.CONSISTENT),
			tuple("64项", "tech_transfers", Verdict.CONSISTENT),
			tuple("达1.03亿元", "tech_contract_value", Verdict.CONSISTENT),
			tuple("12个", "counties_covered", Verdict.CONSISTENT));

	private SeedPressRelease() {
	}

	static String text() throws IOException {
		try (InputStream in = SeedPressRelease.class.getResourceAsStream("seed-press-release.txt")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
