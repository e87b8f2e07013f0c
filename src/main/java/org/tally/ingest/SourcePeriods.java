package org.tally.ingest;

import java.time.LocalDate;
import java.util.Optional;
import org.tally.catalog.SourceDefinition;
import org.tally.ingest.internal.SheetLayout;
import org.tally.normalize.ReportingPeriods;

/**
 * Where a file's reporting period comes from, as its source says: shared by the nightly
 * reader, the gather step and {@link FileReading}.
 */
final class SourcePeriods {

	static final String NO_PERIOD_IN_FILE_NAME = "no reporting period in the file name (expected e.g. …_2024-12-31 or 20241231)";

	private SourcePeriods() {
	}

	/**
	 * The file's reporting period as its source says to find it.
	 */
	static LocalDate period(SourceDefinition source, String fileName, SheetLayout layout) {
		Optional<LocalDate> period = switch (source.period().from()) {
			case FIXED -> Optional.of(source.period().date());
			case FILENAME -> ReportingPeriods.find(fileName);
			case TITLE -> Optional.ofNullable(layout.titlePeriod());
		};
		return period.orElseThrow(() -> new PeriodNotFoundException(switch (source.period().from()) {
			case FILENAME -> NO_PERIOD_IN_FILE_NAME;
			case TITLE -> "no reporting period in the title rows above the header (expected e.g. 截至2024年12月31日)";
			case FIXED -> "no fixed period configured";
		}));
	}

	/** The source says where its period comes from, and it was not there. */
	static class PeriodNotFoundException extends RuntimeException {

		PeriodNotFoundException(String message) {
			super(message);
		}

	}

}
