package org.tally.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.tally.bench.internal.LedgerFiles;

/**
 * Prepares the fault scenarios' installations: each in a directory of its own under the
 * work directory, emptied first, its inbox holding the "before" files of the seed inbox
 * and its embedded server started.
 */
final class FaultHarness {

	static final LocalDate DECEMBER = LocalDate.of(2024, 12, 31);

	static final String BIG_LEDGER = "finance/市财政局_京长对口合作项目台账_2024-12-31_全量.xlsx";

	static final List<String> BEFORE = List.of("finance/市财政局_京长对口合作项目台账_2024-06-30.xlsx",
			"education/市教育局_教育对口合作统计表_2024上半年.xls", "health/市卫健委_卫生健康对口合作_20240630.csv",
			"science/市科技局_科技成果转化_2024-06-30.xlsx", "finance/市财政局_京长对口合作项目台账_2024-12-31.xlsx");

	private final Path workDir;

	private final Path seeds;

	private final Path configDir;

	private final int rows;

	private final Consumer<String> progress;

	FaultHarness(Path workDir, Path seeds, Path configDir, int rows, Consumer<String> progress) {
		this.workDir = workDir.toAbsolutePath();
		this.seeds = seeds.toAbsolutePath();
		this.configDir = configDir == null ? null : configDir.toAbsolutePath();
		this.rows = rows;
		this.progress = progress;
	}

	/** Rows of the large December ledger. */
	int rows() {
		return rows;
	}

	/** The configuration the child processes use, or null for ./config. */
	Path configDir() {
		return configDir;
	}

	/** The large December ledger, generated once for all scenarios. */
	Path bigLedger() throws IOException {
		return LedgerFiles.forRows(workDir.resolve("ledgers"), rows).xlsx();
	}

	Installation prepare(String name) throws IOException, SQLException {
		progress.accept("scenario " + name);
		Path dir = workDir.resolve(name);
		if (Files.exists(dir)) {
			try (Stream<Path> walk = Files.walk(dir)) {
				for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(p);
				}
			}
		}
		Installation it = new Installation(this, dir);
		for (String file : BEFORE) {
			Path target = it.inbox().resolve(file);
			Files.createDirectories(target.getParent());
			Files.copy(seeds.resolve(file), target);
			// Oldest first, in this order: the large ledger, copied later, is the
			// correction that wins.
			Files.setLastModifiedTime(target, FileTime.from(Instant.parse("2025-01-01T00:00:00Z")));
		}
		it.ensureServer();
		return it;
	}

}
