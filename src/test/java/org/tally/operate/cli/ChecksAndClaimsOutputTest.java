package org.tally.operate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tally.claims.ClaimKind;
import org.tally.claims.ClaimReport;
import org.tally.claims.ClaimVerdict;
import org.tally.claims.NotAClaim;
import org.tally.claims.Verdict;
import org.tally.reconcile.CheckOutcome;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What `tally checks` and `tally claims check` print: evidence cells in the table, the
 * documented JSON shape.
 */
class ChecksAndClaimsOutputTest {

	final JsonMapper json = JsonMapper.builder().build();

	final CheckOutcome failed = new CheckOutcome("health_codes_in_ledger", "references", "fail",
			LocalDate.of(2024, 12, 31), false, new BigDecimal("16"), new BigDecimal("15"), BigDecimal.ONE,
			"1 of 16 values are not in projects", List.of(new CheckOutcome.Evidence("h.csv", "h", "B4", "project_code",
					null, null, "JC2023-9999 is not a code")));

	@Test
	void givenAFailedCheck_theTableListsItsEvidenceCell() {
		String table = ChecksCommand.table(7, List.of(failed));

		assertThat(table).contains("Checks of run 7", "FAILED", "0 passed, 1 failed",
				"health_codes_in_ledger (2024-12-31) evidence:", "h.csv", "B4", "JC2023-9999 is not a code");
	}

	@Test
	void givenAFailedCheck_theJsonCarriesBothSidesTheDifferenceAndTheEvidence() {
		JsonNode check = json.readTree(ChecksCommand.json(7, List.of(failed))).get("checks").get(0);

		assertThat(check.get("id").asString()).isEqualTo("health_codes_in_ledger");
		assertThat(check.get("passed").asBoolean()).isFalse();
		assertThat(check.get("expected").asString()).isEqualTo("16");
		assertThat(check.get("difference").asString()).isEqualTo("1");
		assertThat(check.get("evidence").get(0).get("cell").asString()).isEqualTo("B4");
	}

	@Test
	void givenAVerdict_theClaimsJsonHasExactlyTheDocumentedFields() {
		ClaimVerdict verdict = new ClaimVerdict("社会资金600余亿元", "600余亿元", "committed_investment",
				new BigDecimal("60000000000"), new BigDecimal("70000000000"), new BigDecimal("60237450000.00"),
				Verdict.CONSISTENT, ClaimKind.LEVEL, 4, 10, LocalDate.of(2024, 12, 31),
				"社会资金签约额（2024-12-31）= 602.37亿元，与“600余亿元”一致",
				"社会资金签约额（2024-12-31）= 602.37亿元, consistent with \"600余亿元\"", null, List.of());
		NotAClaim year = new NotAClaim("2024", 0, 4, "年份", "a year");

		JsonNode document = json
			.readTree(ClaimsCommand.Check.json(new ClaimReport("x", List.of(verdict), List.of(year))));
		JsonNode claim = document.get("claims").get(0);

		assertThat(claim.propertyNames()).containsExactly("sentence", "phrase", "kind", "figure", "period", "low",
				"high", "value", "verdict", "explanation", "explanationEn", "correction", "candidates");
		assertThat(claim.get("verdict").asString()).isEqualTo("consistent");
		assertThat(claim.get("kind").asString()).isEqualTo("level");
		assertThat(claim.get("value").asString()).isEqualTo("60237450000.00");
		assertThat(document.get("notClaims").get(0).propertyNames()).containsExactly("number", "reason", "reasonEn");
		assertThat(document.get("notClaims").get(0).get("reason").asString()).isEqualTo("年份");
	}

}
