package org.tally.bench.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tally.ingest.workbook.ReadLimits;

/**
 * The benchmark's files for one size: the XLSX ledgers as split ({@link LedgerSplit}),
 * with the config whose sources read them when there are several (null: the project's
 * own), and the one CSV of all the rows with its plain copy for COPY.
 */
public record BenchLedgers(LedgerSplit split, List<Path> xlsx, Path xlsxConfig, Path departmentCsv, Path plainCsv) {

	public BenchLedgers {
		xlsx = List.copyOf(xlsx);
	}

	/**
	 * The files of {@code split} under {@code workDir}, generated unless already there.
	 */
	public static BenchLedgers prepare(Path workDir, LedgerSplit split, Path projectConfig) throws IOException {
		if (!split.split()) {
			LedgerFiles files = LedgerFiles.forRows(workDir, split.rows());
			return new BenchLedgers(split, List.of(files.xlsx()), null, files.departmentCsv(), files.plainCsv());
		}
		Path dir = workDir.resolve("ledger-" + split.rows() + "-as-" + split.ledgers().size());
		LedgerFiles csv = LedgerFiles.csvOnly(dir.resolve("inbox-csv/finance/市财政局_京长对口合作项目台账_2024-12-31.csv"),
				dir.resolve("copy.csv"), split.rows());
		List<String> departments = new ArrayList<>();
		List<Path> ledgers = new ArrayList<>();
		for (int i = 0; i < split.ledgers().size(); i++) {
			String department = String.format("ledger%02d", i + 1);
			departments.add(department);
			ledgers.add(LedgerFiles.xlsxLedger(
					dir.resolve("inbox-xlsx").resolve(department).resolve(department + "_项目台账_2024-12-31.xlsx"),
					split.ledgers().get(i), 20250107L + i, "L" + (i + 1) + "-"));
		}
		Path config = dir.resolve("config");
		NightFiles.configWithSources(projectConfig, config, departments);
		return new BenchLedgers(split, ledgers, config, csv.departmentCsv(), csv.plainCsv());
	}

	/** The inbox the XLSX run reads: each ledger in its department's folder. */
	public Path xlsxInbox() {
		return xlsx.get(0).getParent().getParent();
	}

	/** The XLSX ledgers' bytes together. */
	public long xlsxBytes() throws IOException {
		long bytes = 0;
		for (Path ledger : xlsx) {
			bytes += Files.size(ledger);
		}
		return bytes;
	}

	public Path csvInbox() {
		return departmentCsv.getParent().getParent();
	}

	/**
	 * The read limits the CSV run needs above the defaults: a CSV is no sheet, and the
	 * benchmark reads all its rows as one file however many they are.
	 */
	public Map<String, Object> csvLimits() throws IOException {
		Map<String, Object> limits = new LinkedHashMap<>();
		long records = split.rows() + 4L; // title, unit line, header, totals
		if (records > ReadLimits.DEFAULT_MAX_ROWS) {
			limits.put("tally.ingest.limits.max-rows", records);
		}
		long bytes = Files.size(departmentCsv);
		if (bytes > ReadLimits.DEFAULT_MAX_FILE_BYTES) {
			limits.put("tally.ingest.max-file-bytes", bytes);
		}
		return limits;
	}

	/**
	 * What the report says of how these rows were measured: the split's line, and the
	 * CSV's raised limits; empty when one sheet and the default limits hold them.
	 */
	public List<String> notes() throws IOException {
		List<String> notes = new ArrayList<>();
		if (split.split()) {
			notes.add(split.message());
		}
		Map<String, Object> limits = csvLimits();
		if (!limits.isEmpty()) {
			notes.add(String.format("the CSV of %,d rows is one file, read with the limits raised: %s", split.rows(),
					limits));
		}
		return notes;
	}

}
