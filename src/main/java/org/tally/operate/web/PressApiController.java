package org.tally.operate.web;

import io.swagger.v3.oas.annotations.Operation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tally.claims.ClaimChecker;
import org.tally.claims.ClaimReport;
import org.tally.claims.ClaimVerdict;
import org.tally.claims.PressFacts;
import org.tally.figures.FigurePublisher;
import org.tally.figures.FigureValue;
import org.tally.figures.FigureVersion;
import org.tally.figures.PressFigures;

/**
 * The figures and claims API: the press view (PRESS and OPERATOR), everything with its
 * reasons (OPERATOR, ?all=true), a figure's history, and the claim check `tally claims
 * check` does.
 */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
class PressApiController {

	/** A press text's length limit: a long article is some 20 000 characters. */
	static final int MAX_TEXT = 200_000;

	private final PressFigures press;

	private final FigurePublisher publisher;

	private final PressFacts facts;

	PressApiController(PressFigures press, FigurePublisher publisher, PressFacts facts) {
		this.press = press;
		this.publisher = publisher;
		this.facts = facts;
	}

	/**
	 * The press view; with all=true (OPERATOR only) the latest run's figures, unverified
	 * ones with reasons.
	 */
	@GetMapping("/figures")
	@Operation(summary = "The press view: per figure its latest verified version",
			description = "With all=true (OPERATOR only) the latest run's figures for the period, unverified ones with their reasons.")
	List<FigureValue> figures(@RequestParam(defaultValue = "false") boolean all,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			Authentication authentication) {
		if (all) {
			requireOperator(authentication, "all=true shows unverified figures");
			return publisher.latest(asOf);
		}
		List<FigureValue> view = press.pressView();
		return asOf == null ? view : view.stream().filter(f -> f.asOf().equals(asOf)).toList();
	}

	/**
	 * A figure's versions with what each changed; PRESS sees only the verified ones, each
	 * compared with the verified one before it.
	 */
	@GetMapping("/figures/{id}/history")
	@Operation(summary = "A figure's versions and what each changed",
			description = "PRESS sees only verified versions, each compared with the verified one before it; 404 when there is none.")
	List<FigureVersion> history(@PathVariable String id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			Authentication authentication) {
		List<FigureVersion> versions = isOperator(authentication) ? press.history(id, asOf)
				: press.verifiedHistory(id, asOf);
		if (versions.isEmpty()) {
			throw new NoSuchFigureException(id, asOf);
		}
		return versions;
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

	@org.springframework.web.bind.annotation.ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<Map<String, String>> badRequest(IllegalArgumentException ex) {
		return ResponseEntity.badRequest().body(Map.of("error", ex.getMessage()));
	}

	@org.springframework.web.bind.annotation.ExceptionHandler(NoSuchFigureException.class)
	ResponseEntity<Map<String, String>> notFound(NoSuchFigureException ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", ex.getMessage()));
	}

	/** A history asked of a figure without a (visible) published version. */
	static final class NoSuchFigureException extends RuntimeException {

		private final String figureId;

		private final LocalDate asOf;

		NoSuchFigureException(String figureId, LocalDate asOf) {
			super("figure '" + figureId + "' has no published version" + (asOf == null ? "" : " for " + asOf));
			this.figureId = figureId;
			this.asOf = asOf;
		}

		String figureId() {
			return figureId;
		}

		LocalDate asOf() {
			return asOf;
		}

	}

	private static void requireOperator(Authentication authentication, String why) {
		if (!isOperator(authentication)) {
			throw new AccessDeniedException(why + ": OPERATOR only");
		}
	}

	private static boolean isOperator(Authentication authentication) {
		return authentication != null && authentication.getAuthorities()
			.stream()
			.anyMatch(a -> a.getAuthority().equals("ROLE_" + SecurityConfiguration.OPERATOR));
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
