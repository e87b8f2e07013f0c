package org.tally.seeds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes the sample department inbox: four departments, two reporting periods, sheets
 * with real office quirks.
 */
public final class SeedGenerator {

	/**
	 * The seed of the committed sample inbox (the press briefing's date, 7 January 2025).
	 */
	public static final long DEFAULT_SEED = 20250107L;

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
		for (PeriodInbox inbox : periods) {
			Path file = target(inboxDir, "finance", LedgerWorkbook.fileName(inbox.period()));
			LedgerWorkbook.write(inbox, file);
			written.add(file);
		}
		for (PeriodInbox inbox : periods) {
			Path file = target(inboxDir, "education", EducationWorkbook.fileName(inbox.period()));
			EducationWorkbook.write(inbox, file);
			written.add(file);
		}
		for (PeriodInbox inbox : periods) {
			Path file = target(inboxDir, "health", HealthCsv.fileName(inbox.period()));
			HealthCsv.write(inbox, file);
			written.add(file);
		}
		for (PeriodInbox inbox : periods) {
			Path file = target(inboxDir, "science", ScienceWorkbook.fileName(inbox.period()));
			ScienceWorkbook.write(inbox, file);
			written.add(file);
		}
		return List.copyOf(written);
	}

	private static Path target(Path inboxDir, String department, String fileName) throws IOException {
		Path dir = inboxDir.resolve(department);
		Files.createDirectories(dir);
		return dir.resolve(fileName);
	}

}
