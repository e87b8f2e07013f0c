package org.tally.operate.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.tally.figures.FigurePublisher;
import org.tally.figures.FigureValue;
import org.tally.figures.FigureVersion;
import org.tally.figures.PressFigures;
import org.tally.figures.PressSnapshot;

/**
 * The figures API: the press view (PRESS and OPERATOR), everything with its reasons
 * (OPERATOR, ?all=true), and a figure's history.
 */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
class FiguresApiController {

	private final PressFigures press;

	private final FigurePublisher publisher;

	private final PressViewBody bodies;

	FiguresApiController(PressFigures press, FigurePublisher publisher, PressViewBody bodies) {
		this.press = press;
		this.publisher = publisher;
		this.bodies = bodies;
	}

	/**
	 * The press view; with all=true (OPERATOR only) the latest run's figures, unverified
	 * ones with reasons.
	 */
	@GetMapping("/figures")
	@Operation(summary = "The press view: per figure its latest verified version",
			description = "With all=true (OPERATOR only) the latest run's figures for the period, unverified ones with their reasons. "
					+ "The press view carries a strong ETag; If-None-Match with it answers 304 until figures are published again.")
	// the body is written JSON (once per published generation for the press view): the
	// schema is named here because the return type no longer says it
	@ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
			array = @ArraySchema(schema = @Schema(implementation = FigureValue.class))))
	ResponseEntity<byte[]> figures(@RequestParam(defaultValue = "false") boolean all,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			Authentication authentication, WebRequest request) {
		if (all) {
			requireOperator(authentication, "all=true shows unverified figures");
			return ResponseEntity.ok()
				.contentType(MediaType.APPLICATION_JSON)
				.body(bodies.write(publisher.latest(asOf)));
		}
		PressSnapshot snapshot = press.pressSnapshot();
		// one snapshot, one period: the tag names both, so it differs whenever the body
		// does
		String tag = asOf == null ? snapshot.entityTag()
				: snapshot.entityTag().substring(0, snapshot.entityTag().length() - 1) + "-" + asOf + "\"";
		if (request.checkNotModified(tag)) {
			return null;
		}
		byte[] body = asOf == null ? bodies.of(snapshot)
				: bodies.write(snapshot.figures().stream().filter(f -> f.asOf().equals(asOf)).toList());
		return ResponseEntity.ok().eTag(tag).contentType(MediaType.APPLICATION_JSON).body(body);
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
		List<FigureVersion> versions = SecurityConfiguration.isOperator(authentication) ? press.history(id, asOf)
				: press.verifiedHistory(id, asOf);
		if (versions.isEmpty()) {
			throw new NoSuchFigureException(id, asOf);
		}
		return versions;
	}

	@ExceptionHandler(NoSuchFigureException.class)
	ResponseEntity<Map<String, String>> notFound(NoSuchFigureException ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", ex.getMessage()));
	}

	/** A history asked of a figure without a (visible) published version. */
	static final class NoSuchFigureException extends RuntimeException {

		NoSuchFigureException(String figureId, LocalDate asOf) {
			super("figure '" + figureId + "' has no published version" + (asOf == null ? "" : " for " + asOf));
		}

	}

	private static void requireOperator(Authentication authentication, String why) {
		if (!SecurityConfiguration.isOperator(authentication)) {
			throw new AccessDeniedException(why + ": OPERATOR only");
		}
	}

}
