package org.tally.operate.web;

import io.swagger.v3.oas.annotations.Operation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tally.figures.PressExport;

/**
 * Downloads of the press view: the workbook with its chart, and the CSV, for PRESS and
 * OPERATOR.
 */
@RestController
class ExportController {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final PressExport export;

	ExportController(PressExport export) {
		this.export = export;
	}

	@GetMapping(path = "/press/export.xlsx", produces = XLSX)
	@Operation(summary = "The press view as a workbook: figures, sources, and a by-county chart",
			description = "A page: needs a signed-in session (form login), as from the press page.")
	ResponseEntity<byte[]> xlsx() throws IOException {
		return download(PressExport.Format.XLSX);
	}

	@GetMapping(path = "/press/export.csv", produces = "text/csv")
	@Operation(summary = "The press view as CSV, UTF-8 with a byte-order mark",
			description = "A page: needs a signed-in session (form login), as from the press page.")
	ResponseEntity<byte[]> csv() throws IOException {
		return download(PressExport.Format.CSV);
	}

	/**
	 * Buffered, not streamed: a few kilobytes, and an error then still becomes a proper
	 * status.
	 */
	private ResponseEntity<byte[]> download(PressExport.Format format) throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		var written = export.write(format, body);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(format.mediaType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(export.fileName(format, written)).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(body.toByteArray());
	}

}
