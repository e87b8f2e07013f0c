package org.tally.pipeline;

/**
 * The run lock's lease was lost while the run went on (its database session was killed or
 * cut): the run stops, since nothing keeps a second run out any more.
 */
class LeaseLostException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	LeaseLostException() {
		super("the run lock's lease was lost (its database session ended): the run stopped at its next chunk;"
				+ " restart it once no other run is going");
	}

}
