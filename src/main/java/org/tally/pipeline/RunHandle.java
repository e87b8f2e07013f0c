package org.tally.pipeline;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A run admitted and handed to an executor: its id (null if not yet created), trigger,
 * whether it started or restarted, and its report once it ends.
 */
public record RunHandle(Long runId, String trigger, String action, CompletableFuture<RunReport> report) {

	/** What a caller that does not wait is told. */
	public RunSubmission submission() {
		return new RunSubmission(runId, trigger, action);
	}

	/** Waits for the run's end; a refusal while starting is thrown as such. */
	public RunReport await() throws RunRefusedException {
		try {
			return report.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RunRefusedException refused) {
				throw refused;
			}
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw ex;
		}
	}

}
