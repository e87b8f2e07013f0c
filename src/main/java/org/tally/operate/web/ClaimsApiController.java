package org.tally.operate.web;

import io.swagger.v3.oas.annotations.Operation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tally.claims.ClaimChecker;
import org.tally.claims.ClaimReport;
import org.tally.claims.ClaimVerdict;
import org.tally.claims.PressFacts;

/**
 * The claims API: the claim check `tally claims check` does, on a text sent as plain text
 * or as JSON.
 */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
class ClaimsApiController {

	/** A press text's length limit: a long article is some 20 000 characters. */
	static final int MAX_TEXT = 200_000;

	private final PressFacts facts;

	ClaimsApiController(PressFacts facts) {
		this.facts = facts;
	}

	@PostMapping(path = "/claims/check", consumes = MediaType.TEXT_PLAIN_VALUE)
	@Operation(summary = "Judges every figure a press text states against the verified figures",
			description = "The text as text/plain or as JSON {\"text\": \"…\"}; each claim is consistent, contradicted or unverifiable.")
	ClaimsResponse checkText(@RequestBody String text) {
		return check(text);
	}

	@PostMapping(path = "/claims/check", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Judges every figure a press text states against the verified figures")
	ClaimsResponse checkJson(@RequestBody ClaimsRequest request) {
		return check(request.text());
	}

	private ClaimsResponse check(String text) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("no text to check: send it as text/plain or as {\"text\": \"…\"}");
		}
		if (text.length() > MAX_TEXT) {
			throw new IllegalArgumentException(
					"the text has " + text.length() + " characters; at most " + MAX_TEXT + " are checked at once");
		}
		PressFacts.Facts current = facts.current();
		ClaimReport report = new ClaimChecker(current).report(text);
		return new ClaimsResponse(current.asOf(), report.claims().stream().map(Claim::of).toList(),
				report.notClaims().stream().map(n -> new Other(n.number(), n.reason(), n.reasonEn())).toList());
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<Map<String, String>> badRequest(IllegalArgumentException ex) {
		return ResponseEntity.badRequest().body(Map.of("error", ex.getMessage()));
	}

	/** The claim check's input as JSON. */
	record ClaimsRequest(String text) {
	}

	/**
	 * Every claim found, judged against the figures verified as of {@code asOf} (null:
	 * none verified yet).
	 */
	record ClaimsResponse(LocalDate asOf, List<Claim> claims, List<Other> notClaims) {
	}

	/** A number of the text that is no claim, and why. */
	record Other(String number, String reason, String reasonEn) {
	}

	/**
	 * One claim, as `tally claims check --format json` prints it: amounts as plain
	 * decimal strings.
	 */
	record Claim(String sentence, String phrase, String kind, String figure, String period, String low, String high,
			String value, String verdict, String explanation, String explanationEn, String correction,
			List<String> candidates) {

		static Claim of(ClaimVerdict v) {
			return new Claim(v.sentence(), v.phrase(), v.kind().name().toLowerCase(Locale.ROOT), v.figureId(),
					v.period() == null ? null : v.period().toString(), plain(v.low()), plain(v.high()),
					plain(v.value()), v.verdict().name().toLowerCase(Locale.ROOT), v.explanation(), v.explanationEn(),
					v.correction(), v.candidates());
		}

		private static String plain(BigDecimal value) {
			return value == null ? null : value.toPlainString();
		}
	}

}
