package org.tally.answer;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tally.answer.internal.AnswerProperties;
import org.tally.answer.internal.CellMarks;
import org.tally.answer.internal.CsvWorkbook;
import org.tally.ingest.FileDigests;
import org.tally.ingest.IngestProperties;

/**
 * A department's own files back, marked: a copy of the original (still in the inbox, and
 * checked to be the same bytes by its SHA-256) with each rejected cell filled red and a
 * comment giving the reason. XLSX and XLS come back in their own format, with everything
 * else in them intact; a CSV comes back as XLSX.
 */
@Component
public class MarkedCopies {

	private static final Logger log = LoggerFactory.getLogger(MarkedCopies.class);

	/** Before the original's name: 标注_市财政局_台账.xlsx. */
	public static final String PREFIX = "标注_";

	private final IngestProperties ingest;

	private final AnswerProperties properties;

	MarkedCopies(IngestProperties ingest, AnswerProperties properties) {
		this.ingest = ingest;
		this.properties = properties;
	}

	/** The marked copy of each file of the report that has rejected cells. */
	public List<MarkedCopy> of(RejectsReport report) {
		List<MarkedCopy> copies = new ArrayList<>();
		report.files().stream().filter(f -> !f.rejects().isEmpty()).forEach(f -> copies.add(mark(f)));
		return copies;
	}

	/**
	 * Writes each marked copy of the report into {@code dir} and answers them, the ones
	 * that could not be made included.
	 */
	public List<MarkedCopy> writeAll(RejectsReport report, Path dir) throws IOException {
		Files.createDirectories(dir);
		List<MarkedCopy> copies = of(report);
		List<String> taken = new ArrayList<>();
		for (MarkedCopy copy : copies) {
			if (copy.available()) {
				String name = copy.fileName();
				for (int n = 2; taken.contains(name); n++) {
					name = copy.fileName().replaceFirst("(\\.[^.]*)?$", "(" + n + ")$1");
				}
				taken.add(name);
				Files.write(dir.resolve(name), copy.content());
			}
		}
		return copies;
	}

	public MarkedCopy mark(AnsweredFile file) {
		Path original = ingest.inbox().resolve(file.file().filePath()).normalize();
		String name = PREFIX + file.fileName();
		try {
			if (!Files.isRegularFile(original)) {
				return MarkedCopy.missing(file, name, "原文件已不在收件箱中，无法附上标注副本", "the original is no longer in the inbox");
			}
			if (Files.size(original) > properties.maxMarkedBytes()) {
				return MarkedCopy.missing(file, name, "原文件较大，未附标注副本，请按退回明细修改",
						"the original is larger than tally.answer.max-marked-bytes");
			}
			if (!FileDigests.sha256(original).equals(file.file().sha256())) {
				return MarkedCopy.missing(file, name, "收件箱中的同名文件已被替换，无法附上标注副本",
						"the inbox file was replaced since it was read");
			}
			FileMagic magic;
			try (InputStream in = new BufferedInputStream(Files.newInputStream(original))) {
				magic = FileMagic.valueOf(in);
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			try (Workbook workbook = open(original, magic, file)) {
				boolean csv = magic != FileMagic.OOXML && magic != FileMagic.OLE2;
				Sheet sheet = csv ? workbook.getSheetAt(0)
						: file.sheet() == null ? null : workbook.getSheet(file.sheet());
				if (sheet == null) {
					return MarkedCopy.missing(file, name, "原文件中找不到工作表" + file.sheet() + "，无法附上标注副本",
							"sheet " + file.sheet() + " not found in the original");
				}
				CellMarks.mark(workbook, sheet, file.rejects());
				workbook.write(out);
			}
			return new MarkedCopy(file, magic == FileMagic.OOXML || magic == FileMagic.OLE2 ? name
					: name.replaceFirst("(\\.[^.]*)?$", ".xlsx"), out.toByteArray(), null, null);
		}
		catch (IOException | RuntimeException ex) {
			// The original was read by the run, so this is rare: a workbook POI's own
			// model refuses (Strict OOXML). The rejects workbook still says everything.
			log.warn("run={} file={} no marked copy: {}", file.file().runId(), file.file().filePath(), ex.toString(),
					ex);
			return MarkedCopy.missing(file, name, "未能生成标注副本，请按退回明细修改", "no marked copy: " + ex.getMessage());
		}
	}

	private Workbook open(Path original, FileMagic magic, AnsweredFile file) throws IOException {
		if (magic == FileMagic.OOXML) {
			try (InputStream in = Files.newInputStream(original)) {
				return new XSSFWorkbook(in);
			}
		}
		if (magic == FileMagic.OLE2) {
			try (InputStream in = Files.newInputStream(original)) {
				return new HSSFWorkbook(in);
			}
		}
		return CsvWorkbook.read(original, file.sheet(), ingest.readLimits());
	}

}
