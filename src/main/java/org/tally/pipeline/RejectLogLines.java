package org.tally.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.tally.ingest.SourceRow;

/**
 * Logs the first rejected rows of each file and then one line saying how many more there
 * were: every reject is in the rejects table already, and a file with 100,000 of them
 * must not bury the rest of the run's log. One instance serves one run's ingest step.
 */
class RejectLogLines implements StepExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(RejectLogLines.class);

	private final long runId;

	private final int perFile;

	/** Rejected rows per file, in the order the files were read. */
	private final Map<String, Integer> rejectedByFile = new LinkedHashMap<>();

	RejectLogLines(long runId, int perFile) {
		this.runId = runId;
		this.perFile = perFile;
	}

	/** Called for each rejected row, on the step's thread. */
	synchronized void rejected(SourceRow row, Throwable failure) {
		String file = row.context().load().filePath();
		int seen = rejectedByFile.merge(file, 1, Integer::sum);
		if (seen <= perFile) {
			log.info("run={} file={} row {} rejected: {}", runId, file, row.rowNumber(), failure.getMessage());
		}
	}

	@Override
	public synchronized ExitStatus afterStep(StepExecution stepExecution) {
		rejectedByFile.forEach((file, rejected) -> {
			if (rejected > perFile) {
				log.info(
						"run={} file={} {} more rejected rows not logged; all {} are listed by `tally rejects --run {}`",
						runId, file, rejected - perFile, rejected, runId);
			}
		});
		rejectedByFile.clear();
		return stepExecution.getExitStatus();
	}

}
