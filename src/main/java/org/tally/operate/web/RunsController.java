package org.tally.operate.web;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tally.catalog.Catalog;
import org.tally.answer.DepartmentMail;
import org.tally.answer.DepartmentMails;
import org.tally.answer.DepartmentRejects;
import org.tally.answer.RejectsReport;
import org.tally.answer.RejectsWorkbook;
import org.tally.catalog.SourceDefinition;
import org.tally.ingest.LoadRegistry;
import org.tally.operate.Actor;
import org.tally.operate.Operations;
import org.tally.pipeline.RunProgress;
import org.tally.pipeline.RunRefusedException;
import org.tally.pipeline.RunSummary;
import org.tally.schedule.ScheduleException;
import org.tally.validate.RejectLog;
import org.tally.validate.RejectsPage;

/**
 * The console's runs area: the run list with the schedules, a run's page with its log,
 * the actions on runs (through {@link Operations}, which audits) and a run's rejects.
 * Every action is a POST form carrying the CSRF token.
 */
@Controller
class RunsController {

	/**
	 * Rejects and log lines a page shows at once: a run's page stays small however much
	 * the run rejected or logged.
	 */
	static final int PAGE_SIZE = 200;

	private final Operations operations;

	private final LoadRegistry registry;

	private final RejectLog rejectLog;

	private final RunLog runLog;

	private final Catalog catalog;

	private final BackupStatus backupStatus;

	private final DepartmentRejects departmentRejects;

	private final DepartmentMails departmentMails;

	RunsController(Operations operations, LoadRegistry registry, RejectLog rejectLog, RunLog runLog, Catalog catalog,
			BackupStatus backupStatus, DepartmentRejects departmentRejects, DepartmentMails departmentMails) {
		this.backupStatus = backupStatus;
		this.departmentRejects = departmentRejects;
		this.departmentMails = departmentMails;
		this.operations = operations;
		this.registry = registry;
		this.rejectLog = rejectLog;
		this.runLog = runLog;
		this.catalog = catalog;
	}

	@GetMapping("/")
	String home(Authentication authentication, Model model) {
		if (!SecurityConfiguration.isOperator(authentication)) {
			return "redirect:/press";
		}
		List<RunSummary> runs = operations.runs(50);
		model.addAttribute("runs", runs);
		model.addAttribute("schedules", operations.schedules());
		model.addAttribute("departments", departments());
		// Nothing updates here: it would wipe a half-filled rerun form; a run's own page
		// follows its progress.
		model.addAttribute("running", runs.stream().filter(RunSummary::running).findFirst().orElse(null));
		model.addAttribute("lastBackup", backupStatus.lastBackup());
		model.addAttribute("page", "runs");
		return "console";
	}

	@GetMapping("/runs/{runId}")
	String run(@PathVariable long runId, @RequestParam(required = false) Integer log, Model model) {
		if (log != null && log < 0) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "no log line " + log);
		}
		RunSummary run = operations.run(runId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no run " + runId));
		model.addAttribute("run", run);
		model.addAttribute("log", runLog.page(runId, log, PAGE_SIZE));
		model.addAttribute("files", registry.files(runId));
		model.addAttribute("rejectCount", rejectLog.count(runId));
		model.addAttribute("mails", departmentMails.ofRun(runId));
		List<DepartmentMail> unsent = departmentMails.unsent().stream().filter(m -> m.runId() != runId).toList();
		model.addAttribute("unsentMails", unsent);
		model.addAttribute("unsentRuns", unsent.stream().map(DepartmentMail::runId).distinct().sorted().toList());
		model.addAttribute("page", "runs");
		return "run";
	}

	/**
	 * What the page of a running run polls (with the page's session; the API's twin takes
	 * a token): its step and each file's progress.
	 */
	@GetMapping(path = "/runs/{runId}/progress", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<RunProgress> progress(@PathVariable long runId) {
		return ResponseEntity.of(operations.progress(runId));
	}

	@PostMapping("/runs")
	String runNow(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			Principal principal, HttpServletRequest request, RedirectAttributes redirect) {
		try {
			var submission = operations.submitRunNow(asOf, actor(principal, request));
			redirect.addFlashAttribute("message",
					"运行 " + submission.runId() + " 已开始 · run started (" + submission.trigger() + ")");
			return "redirect:/runs/" + submission.runId();
		}
		catch (RunRefusedException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
			return "redirect:/";
		}
	}

	@PostMapping("/runs/rerun")
	String rerun(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam(required = false) String department, Principal principal, HttpServletRequest request,
			RedirectAttributes redirect) {
		try {
			var submission = operations.submitRerun(asOf, department, actor(principal, request));
			redirect.addFlashAttribute("message",
					"重新运行 " + submission.runId() + " 已开始 · rerun started (" + submission.trigger() + ")");
			return "redirect:/runs/" + submission.runId();
		}
		catch (RunRefusedException | IllegalArgumentException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
			return "redirect:/";
		}
	}

	@PostMapping("/runs/{runId}/restart")
	String restart(@PathVariable long runId, Principal principal, HttpServletRequest request,
			RedirectAttributes redirect) {
		try {
			var submission = operations.submitRestart(runId, actor(principal, request));
			redirect.addFlashAttribute("message", "运行 " + runId + " 已续跑 · restarted (" + submission.action() + ")");
		}
		catch (RunRefusedException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/runs/" + runId;
	}

	@PostMapping("/runs/{runId}/stop")
	String stop(@PathVariable long runId, Principal principal, HttpServletRequest request,
			RedirectAttributes redirect) {
		try {
			redirect.addFlashAttribute("message", operations.stop(runId, actor(principal, request)));
		}
		catch (RunRefusedException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/runs/" + runId;
	}

	@PostMapping("/schedules/{schedule}/{action:pause|resume}")
	String schedule(@PathVariable String schedule, @PathVariable String action, Principal principal,
			HttpServletRequest request, RedirectAttributes redirect) {
		try {
			if (action.equals("pause")) {
				operations.pause(schedule, actor(principal, request));
			}
			else {
				operations.resume(schedule, actor(principal, request));
			}
			redirect.addFlashAttribute("message",
					"计划 " + schedule + (action.equals("pause") ? " 已暂停 · paused" : " 已恢复 · resumed"));
		}
		catch (ScheduleException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/";
	}

	/**
	 * Written straight into the response: a temporary file would stay on disk until the
	 * server stops.
	 */
	@GetMapping("/runs/{runId}/rejects.xlsx")
	ResponseEntity<StreamingResponseBody> rejects(@PathVariable long runId) {
		RejectsReport report = departmentRejects.of(runId);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("rejects-run-" + runId + ".xlsx").build().toString())
			.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.body(out -> RejectsWorkbook.write(report, out));
	}

	@GetMapping("/runs/{runId}/rejects")
	String rejectList(@PathVariable long runId, @RequestParam(required = false) String after,
			@RequestParam(required = false) String before, Model model) {
		RejectsPage rejects;
		try {
			rejects = rejectLog.page(runId, after == null ? null : RejectsPage.Key.parse(after),
					before == null ? null : RejectsPage.Key.parse(before), PAGE_SIZE);
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, ex.getMessage(), ex);
		}
		model.addAttribute("runId", runId);
		model.addAttribute("rejects", rejects);
		model.addAttribute("page", "runs");
		return "rejects";
	}

	private List<String> departments() {
		return catalog.sources()
			.stream()
			.map(SourceDefinition::department)
			.distinct()
			.sorted(Comparator.naturalOrder())
			.toList();
	}

	private static Actor actor(Principal principal, HttpServletRequest request) {
		return ApiController.actor(principal, request);
	}

}
