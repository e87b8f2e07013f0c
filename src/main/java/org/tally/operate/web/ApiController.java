package org.tally.operate.web;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tally.ingest.FileRecord;
import org.tally.ingest.LoadRegistry;
import org.tally.operate.Actor;
import org.tally.operate.Operations;
import org.tally.pipeline.RunProgress;
import org.tally.pipeline.RunRefusedException;
import org.tally.pipeline.RunSubmission;
import org.tally.pipeline.RunSummary;
import org.tally.schedule.ScheduleException;
import org.tally.schedule.ScheduleState;

/**
 * The JSON API: the operator's operations (the CLI's, same service); figures and claims
 * are FiguresApiController's and ClaimsApiController's.
 */
@RestController
@RequestMapping("/api")
class ApiController {

	/**
	 * Runs one request may list: each run costs a few queries, so an unbounded limit
	 * would let one caller hold the database.
	 */
	static final int MAX_RUNS = 500;

	private final Operations operations;

	private final LoadRegistry registry;

	ApiController(Operations operations, LoadRegistry registry) {
		this.operations = operations;
		this.registry = registry;
	}

	/**
	 * The newest runs: at most {@link #MAX_RUNS}, however many are asked for; a limit
	 * below 1 is a bad request.
	 */
	@GetMapping("/runs")
	List<RunSummary> runs(@RequestParam(defaultValue = "50") int limit) {
		if (limit < 1) {
			throw new IllegalArgumentException("limit must be at least 1, not " + limit);
		}
		return operations.runs(Math.min(limit, MAX_RUNS));
	}

	/**
	 * A run as it goes: its current step and each file's progress (rows, percent of
	 * bytes, rate, time left); 404 for an unknown run.
	 */
	@GetMapping("/runs/{runId}/progress")
	ResponseEntity<RunProgress> progress(@PathVariable long runId) {
		return ResponseEntity.of(operations.progress(runId));
	}

	/**
	 * Run now: 202 once admitted; the run goes on in the background (GET /api/runs
	 * follows it).
	 */
	@PostMapping("/runs")
	ResponseEntity<RunSubmission> runNow(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			Principal principal, HttpServletRequest request) throws RunRefusedException {
		return ResponseEntity.accepted().body(operations.submitRunNow(asOf, actor(principal, request)));
	}

	@PostMapping("/runs/rerun")
	ResponseEntity<RunSubmission> rerun(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam(required = false) String department, Principal principal, HttpServletRequest request)
			throws RunRefusedException {
		return ResponseEntity.accepted().body(operations.submitRerun(asOf, department, actor(principal, request)));
	}

	@PostMapping("/runs/{runId}/restart")
	ResponseEntity<RunSubmission> restart(@PathVariable long runId, Principal principal, HttpServletRequest request)
			throws RunRefusedException {
		return ResponseEntity.accepted().body(operations.submitRestart(runId, actor(principal, request)));
	}

	@PostMapping("/runs/{runId}/stop")
	ResponseEntity<Map<String, Object>> stop(@PathVariable long runId, Principal principal, HttpServletRequest request)
			throws RunRefusedException {
		return ResponseEntity.accepted()
			.body(Map.of("runId", runId, "message", operations.stop(runId, actor(principal, request))));
	}

	@GetMapping("/files")
	List<FileRecord> files(@RequestParam(required = false) Long run) {
		return registry.files(run);
	}

	@GetMapping("/schedules")
	List<ScheduleState> schedules() {
		return operations.schedules();
	}

	@PostMapping("/schedules/{schedule}/pause")
	Map<String, Object> pause(@PathVariable String schedule, Principal principal, HttpServletRequest request) {
		operations.pause(schedule, actor(principal, request));
		return Map.of("schedule", schedule, "state", "PAUSED");
	}

	@PostMapping("/schedules/{schedule}/resume")
	Map<String, Object> resume(@PathVariable String schedule, Principal principal, HttpServletRequest request) {
		operations.resume(schedule, actor(principal, request));
		return Map.of("schedule", schedule, "state", "NORMAL");
	}

	@ExceptionHandler(RunRefusedException.class)
	ResponseEntity<Map<String, String>> refused(RunRefusedException ex) {
		return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", ex.getMessage()));
	}

	@ExceptionHandler(ScheduleException.class)
	ResponseEntity<Map<String, String>> schedule(ScheduleException ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", ex.getMessage()));
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<Map<String, String>> badRequest(IllegalArgumentException ex) {
		return ResponseEntity.badRequest().body(Map.of("error", ex.getMessage()));
	}

	static Actor actor(Principal principal, HttpServletRequest request) {
		return Actor.web(principal == null ? "anonymous" : principal.getName(), request.getRemoteAddr());
	}

}
