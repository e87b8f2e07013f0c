package org.tally.ingest;

import java.time.LocalDate;

/** A registered load as the figures' provenance names it. */
public record LoadedFile(long id, String sourceId, String dataset, String fileName, String sheet, LocalDate period) {

}
