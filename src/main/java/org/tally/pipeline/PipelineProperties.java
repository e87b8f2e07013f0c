package org.tally.pipeline;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tuning of the ingest step: rows per transaction, how many rejected rows a run
 * tolerates, and how many of each file's rejected rows are written to the log.
 */
@ConfigurationProperties("tally.pipeline")
record PipelineProperties(@DefaultValue("5000") int chunkSize, @DefaultValue("100000") long skipLimit,
		@DefaultValue("20") int rejectsLoggedPerFile) {
}
