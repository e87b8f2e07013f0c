package org.tally.operate.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.Principal;
import org.springframework.http.HttpStatus;
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
import org.tally.ingest.LoadRegistry;
import org.tally.mailbox.MailRegistry;
import org.tally.operate.Actor;
import org.tally.operate.internal.AuditLog;
import org.tally.validate.FilePreview;

/**
 * The console's files area: the files seen per run, the messages of the reporting
 * mailboxes (gathered, ignored or refused, and why), and the upload of a corrected file
 * with a preview before it is accepted into the inbox.
 */
@Controller
class FilesController {

	private final LoadRegistry registry;

	private final Uploads uploads;

	private final FilePreview filePreview;

	private final AuditLog audit;

	private final Catalog catalog;

	private final KeptPreviews previews;

	private final MailRegistry mail;

	/** Messages the files page lists: the most recently seen. */
	static final int MESSAGES_SHOWN = 100;

	FilesController(LoadRegistry registry, Uploads uploads, FilePreview filePreview, AuditLog audit, Catalog catalog,
			KeptPreviews previews, MailRegistry mail) {
		this.mail = mail;
		this.registry = registry;
		this.uploads = uploads;
		this.filePreview = filePreview;
		this.audit = audit;
		this.catalog = catalog;
		this.previews = previews;
	}

	@GetMapping("/files")
	String files(@RequestParam(required = false) Long run, Model model) {
		model.addAttribute("files", registry.files(run));
		model.addAttribute("messages", mail.recent(MESSAGES_SHOWN));
		model.addAttribute("run", run);
		model.addAttribute("sources", catalog.sources());
		model.addAttribute("extensions", String.join(", ", Uploads.EXTENSIONS));
		model.addAttribute("maxMegabytes", uploads.maxBytes() / (1024 * 1024));
		model.addAttribute("page", "files");
		return "files";
	}

	@PostMapping("/files/upload")
	String upload(@RequestParam String source, @RequestParam("file") MultipartFile file, Principal principal,
			HttpServletRequest request, RedirectAttributes redirect) {
		if (file.isEmpty()) {
			redirect.addFlashAttribute("error", "请选择文件 · choose a file to upload");
			return "redirect:/files";
		}
		Actor actor = actor(principal, request);
		try {
			Uploads.Upload upload = uploads.store(source, file.getOriginalFilename(), file.getSize(),
					file.getInputStream());
			audit.record(actor, "store upload", "inbox/" + upload.inboxPath(), "ok",
					upload.size() + " bytes for source " + upload.source().id() + ", held as " + upload.token());
			return "redirect:/files/uploads/" + upload.token();
		}
		catch (Uploads.UploadRefusedException ex) {
			audit.record(actor, "store upload", UploadNames.shown(file.getOriginalFilename()), "refused",
					ex.getMessage());
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
		model.addAttribute("preview",
				previews.preview(token, () -> filePreview.preview(upload.source(), upload.file(), upload.fileName())));
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
			previews.drop(token);
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
	String discard(@PathVariable String token, Principal principal, HttpServletRequest request,
			RedirectAttributes redirect) {
		Uploads.Upload upload = upload(token);
		uploads.discard(token);
		previews.drop(token);
		audit.record(actor(principal, request), "discard upload", "inbox/" + upload.inboxPath(), "ok",
				upload.size() + " bytes for source " + upload.source().id() + ", held as " + token);
		redirect.addFlashAttribute("message", "已丢弃 · upload discarded");
		return "redirect:/files";
	}

	private Uploads.Upload upload(String token) {
		return uploads.find(token)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
					"no upload " + token + " (accepted or discarded?)"));
	}

	private static Actor actor(Principal principal, HttpServletRequest request) {
		return ApiController.actor(principal, request);
	}

}
