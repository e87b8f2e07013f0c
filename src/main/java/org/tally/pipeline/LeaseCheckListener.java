package org.tally.pipeline;

import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.stereotype.Component;

/**
 * Checks the run lock's lease before each chunk of every step (the lock throttles the
 * round trips), so that a run whose lease was lost stops at its next chunk.
 */
@Component
class LeaseCheckListener implements ChunkListener<Object, Object> {

	private final RunLock lock;

	LeaseCheckListener(RunLock lock) {
		this.lock = lock;
	}

	@Override
	public void beforeChunk(Chunk<Object> chunk) {
		lock.checkLease();
	}

	// Tasklet steps still call only this form.
	@Override
	@SuppressWarnings("removal")
	public void beforeChunk(ChunkContext context) {
		lock.checkLease();
	}

}
