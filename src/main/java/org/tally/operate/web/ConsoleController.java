package org.tally.operate.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.springframework.core.io.FileSystemResource;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tally.catalog.Catalog;
import org.tally.catalog.SourceDefinition;
import org.tally.figures.FigurePublisher;
import org.tally.figures.FigureVersion;
import org.tally.figures.PressFigures;
import org.tally.ingest.LoadRegistry;
import org.tally.operate.Actor;
import org.tally.operate.Operations;
import org.tally.operate.internal.AuditLog;
import org.tally.operate.internal.RejectsWorkbook;
import org.tally.pipeline.RunRefusedException;
import org.tally.pipeline.RunSummary;
import org.tally.reconcile.Reconciler;
import org.tally.schedule.ScheduleException;
import org.tally.validate.FilePreview;
import org.tally.validate.RejectLog;

/**
 * The operator console: runs and their logs, the actions on them (through
 * {@link Operations}, which audits), the files seen and the upload of corrected files
 * with a preview, the checks, every figure with its history, and the audit log. Every
 * action is a POST form carrying the CSRF token.
 */
@Controller
class ConsoleController {

	private final Operations operations;

	private final FigurePublisher figures;

	private final PressFigures pressFigures;

	private final LoadRegistry registry;

	private final RejectLog rejectLog;

	private final Reconciler reconciler;

	private final RunLog runLog;

	private final Uploads uploads;

	private final FilePreview filePreview;

	private final AuditLog audit;

	private final Catalog catalog;

	ConsoleController(Operations operations, FigurePublisher figures, PressFigures pressFigures, LoadRegistry registry,
			RejectLog rejectLog, Reconciler reconciler, RunLog runLog, Uploads uploads, FilePreview filePreview,
			AuditLog audit, Catalog catalog) {
		this.operations = operations;
		this.figures = figures;
		this.pressFigures = pressFigures;
		this.registry = registry;
		this.rejectLog = rejectLog;
		this.reconciler = reconciler;
		this.runLog = runLog;
		this.uploads = uploads;
		this.filePreview = filePreview;
		this.audit = audit;
		this.catalog = catalog;
	}

	@GetMapping("/")
	String home(Authentication authentication, Model model) {
		boolean operator = authentication.getAuthorities()
			.stream()
			.anyMatch(a -> a.getAuthority().equals("ROLE_" + SecurityConfiguration.OPERATOR));
		if (!operator) {
			return "redirect:/press";
		}
		List<RunSummary> runs = operations.runs(50);
		model.addAttribute("runs", runs);
		model.addAttribute("schedules", operations.schedules());
		model.addAttribute("departments", departments());
		// No auto-refresh here: it would wipe a half-filled rerun form; a run's own page
		// refreshes.
		model.addAttribute("running", runs.stream().filter(RunSummary::running).findFirst().orElse(null));
		model.addAttribute("page", "runs");
		return "console";
	}

	@GetMapping("/runs/{runId}")
	String run(@PathVariable long runId, Model model) {
		RunSummary run = operations.runs(1000)
			.stream()
			.filter(r -> r.runId() == runId)
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no run " + runId));
		model.addAttribute("run", run);
		model.addAttribute("log", runLog.lines(runId));
		model.addAttribute("files", registry.files(runId));
		model.addAttribute("rejectCount", rejectLog.rejects(runId).size());
		model.addAttribute("refresh", run.running());
		model.addAttribute("page", "runs");
		return "run";
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

	@GetMapping("/runs/{runId}/rejects.xlsx")
	ResponseEntity<FileSystemResource> rejects(@PathVariable long runId) {
		try {
			Path file = Files.createTempFile("tally-rejects-" + runId + "-", ".xlsx");
			file.toFile().deleteOnExit();
			RejectsWorkbook.write(runId, rejectLog.rejects(runId), registry.files(runId), file);
			return ResponseEntity.ok()
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename("rejects-run-" + runId + ".xlsx").build().toString())
				.contentType(
						MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
				.body(new FileSystemResource(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write the rejects workbook of run " + runId, ex);
		}
	}

	@GetMapping("/runs/{runId}/rejects")
	String rejectList(@PathVariable long runId, Model model) {
		model.addAttribute("runId", runId);
		model.addAttribute("rejects", rejectLog.rejects(runId));
		model.addAttribute("page", "runs");
		return "rejects";
	}

	@GetMapping("/files")
	String files(@RequestParam(required = false) Long run, Model model) {
		model.addAttribute("files", registry.files(run));
		model.addAttribute("run", run);
		model.addAttribute("sources", catalog.sources());
		model.addAttribute("extensions", String.join(", ", Uploads.EXTENSIONS));
		model.addAttribute("maxMegabytes", uploads.maxBytes() / (1024 * 1024));
		model.addAttribute("page", "files");
		return "files";
	}

	@PostMapping("/files/upload")
	String upload(@RequestParam String source, @RequestParam("file") MultipartFile file, RedirectAttributes redirect) {
		if (file.isEmpty()) {
			redirect.addFlashAttribute("error", "请选择文件 · choose a file to upload");
			return "redirect:/files";
		}
		try {
			Uploads.Upload upload = uploads.store(source, file.getOriginalFilename(), file.getSize(),
					file.getInputStream());
			return "redirect:/files/uploads/" + upload.token();
		}
		catch (Uploads.UploadRefusedException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
			return "redirect:/files";
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the upload " + file.getOriginalFilename(), ex);
		}
	}

	@GetMapping("/files/uploads/{token}")
	String preview(@PathVariable String token, Model model) {
		Uploads.Upload upload = upload(token);
		model.addAttribute("upload", upload);
		model.addAttribute("preview", filePreview.preview(upload.source(), upload.file(), upload.fileName()));
		model.addAttribute("page", "files");
		return "preview";
	}

	@PostMapping("/files/uploads/{token}/accept")
	String accept(@PathVariable String token, Principal principal, HttpServletRequest request,
			RedirectAttributes redirect) {
		Uploads.Upload upload = upload(token);
		Actor actor = actor(principal, request);
		try {
			uploads.accept(upload);
			audit.record(actor, "upload", "inbox/" + upload.inboxPath(), "ok",
					upload.size() + " bytes for source " + upload.source().id());
			redirect.addFlashAttribute("message",
					"已放入收件箱 · accepted into inbox/" + upload.inboxPath() + "; the next run reads it");
			return "redirect:/files";
		}
		catch (Uploads.UploadRefusedException ex) {
			audit.record(actor, "upload", "inbox/" + upload.inboxPath(), "refused", ex.getMessage());
			redirect.addFlashAttribute("error", ex.getMessage());
			return "redirect:/files/uploads/" + token;
		}
	}

	@PostMapping("/files/uploads/{token}/discard")
	String discard(@PathVariable String token, RedirectAttributes redirect) {
		uploads.discard(token);
		redirect.addFlashAttribute("message", "已丢弃 · upload discarded");
		return "redirect:/files";
	}

	@GetMapping("/checks")
	String checks(Model model) {
		model.addAttribute("checks", reconciler.latest(null));
		model.addAttribute("checkRun", reconciler.latestRun(null).orElse(null));
		model.addAttribute("page", "checks");
		return "checks";
	}

	@GetMapping("/figures")
	String figures(Model model) {
		model.addAttribute("figures", figures.latest(null));
		model.addAttribute("page", "figures");
		return "figures";
	}

	@GetMapping("/figures/{figureId}")
	String figure(@PathVariable String figureId, Model model) {
		List<FigureVersion> history = new ArrayList<>(pressFigures.history(figureId, null));
		Collections.reverse(history); // newest first
		if (history.isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no figure " + figureId);
		}
		model.addAttribute("figureId", figureId);
		model.addAttribute("history", history);
		model.addAttribute("page", "figures");
		return "figure";
	}

	@GetMapping("/audit")
	String audit(Model model) {
		model.addAttribute("entries", operations.audit(200));
		model.addAttribute("page", "audit");
		return "audit";
	}

	private Uploads.Upload upload(String token) {
		return uploads.find(token)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
					"no upload " + token + " (accepted or discarded?)"));
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
