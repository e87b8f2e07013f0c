package org.tally.pipeline;

import org.springframework.batch.core.scope.context.ChunkContext;

/**
 * A run is a job instance: its restarts keep the id, so the loads it registered stay its
 * own.
 */
final class RunIds {

	private RunIds() {
	}

	static long of(ChunkContext chunk) {
		return chunk.getStepContext().getStepExecution().getJobExecution().getJobInstance().getInstanceId();
	}

}
