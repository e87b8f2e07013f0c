package org.tally.seeds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Writes the sample department inbox: four departments, two reporting periods, sheets
 * with real office quirks.
 */
public final class SeedGenerator {

	/**
	 * The seed of the committed sample inbox (the press briefing's date, 7 January 2025).
	 */
	public static final long DEFAULT_SEED = 20250107L;

	/** The departments in the order their files are written. */
	private static final List<Department> DEPARTMENTS = List.of(
			new Department("finance", LedgerWorkbook::fileName, LedgerWorkbook::write),
			new Department("education", EducationWorkbook::fileName, EducationWorkbook::write),
			new Department("health", HealthCsv::fileName, HealthCsv::write),
			new Department("science", ScienceWorkbook::fileName, ScienceWorkbook::write));

	private final long randomSeed;

	public SeedGenerator(long randomSeed) {
		this.randomSeed = randomSeed;
	}

	/**
	 * Writes the eight department files under {@code inboxDir} (finance/, education/,
	 * health/, science/), overwriting files of the same names; the same seed always gives
	 * the same bytes.
	 * @return the files written, mid-year before year-end within each department
	 */
	public List<Path> generate(Path inboxDir) throws IOException {
		SampleInboxPlanner.Plan plan = new SampleInboxPlanner(new Random(randomSeed)).plan();
		List<PeriodInbox> periods = List.of(plan.midYear(), plan.yearEnd());
		List<Path> written = new ArrayList<>();
		for (Department department : DEPARTMENTS) {
			for (PeriodInbox inbox : periods) {
				Path file = target(inboxDir, department.directory(), department.fileName().apply(inbox.period()));
				department.writer().write(inbox, file);
				written.add(file);
			}
		}
		return List.copyOf(written);
	}

	/** Writes one department's file for a period. */
	@FunctionalInterface
	private interface FileWriter {

		void write(PeriodInbox inbox, Path file) throws IOException;

	}

	private record Department(String directory, Function<Period, String> fileName, FileWriter writer) {
	}

	private static Path target(Path inboxDir, String department, String fileName) throws IOException {
		Path dir = inboxDir.resolve(department);
		Files.createDirectories(dir);
		return dir.resolve(fileName);
	}

}
