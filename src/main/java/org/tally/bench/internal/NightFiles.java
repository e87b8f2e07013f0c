package org.tally.bench.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * A realistic night: twenty departments each send a project ledger for two periods, 2,000
 * to 20,000 rows a sheet, read through twenty sources added to a copy of the project's
 * config.
 */
public record NightFiles(Path inbox, Path config, long rows) {

	public static final int DEPARTMENTS = 20;

	private static final List<String> PERIODS = List.of("2024-06-30", "2024-12-31");

	public int files() {
		return DEPARTMENTS * PERIODS.size();
	}

	public static NightFiles prepare(Path workDir, Path projectConfig) throws IOException {
		Path dir = workDir.resolve("night");
		Path inbox = dir.resolve("inbox");
		Path config = dir.resolve("config");
		copyTree(projectConfig, config);
		Random random = new Random(20250107L);
		long rows = 0;
		List<String> departments = new ArrayList<>();
		for (int d = 1; d <= DEPARTMENTS; d++) {
			String department = String.format("dept%02d", d);
			int size = 2_000 + random.nextInt(18_001);
			for (String period : PERIODS) {
				Path file = inbox.resolve(department).resolve(department + "_项目台账_" + period + ".xlsx");
				if (!Files.isRegularFile(file)) {
					LedgerFiles.departmentLedger(file.getParent(), department, period, size,
							d * 31L + period.hashCode());
				}
				rows += size;
			}
			departments.add(department);
		}
		addSources(config, departments);
		return new NightFiles(inbox, config, rows);
	}

	/**
	 * A copy of the project's config at {@code config}, with one source per department
	 * added (bench-{department}, reading {department}/*.xlsx of the inbox), each a copy
	 * of the finance ledger's source.
	 */
	public static void configWithSources(Path projectConfig, Path config, List<String> departments) throws IOException {
		copyTree(projectConfig, config);
		addSources(config, departments);
	}

	private static void addSources(Path config, List<String> departments) throws IOException {
		String template = Files.readString(config.resolve("sources/finance-projects.yml"));
		for (String department : departments) {
			Files.writeString(config.resolve("sources/bench-" + department + ".yml"),
					template.replace("id: finance-projects", "id: bench-" + department)
						.replace("department: finance", "department: " + department)
						.replace("inbox: \"finance/*.{xlsx,xlsm,xls,csv}\"", "inbox: \"" + department + "/*.xlsx\""));
		}
	}

	private static void copyTree(Path from, Path to) throws IOException {
		try (Stream<Path> files = Files.walk(from)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Path target = to.resolve(from.relativize(file).toString());
				Files.createDirectories(target.getParent());
				Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
			}
		}
	}

}
