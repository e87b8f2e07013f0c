package org.tally.bench;

import java.util.Map;

/**
 * A fault scenario whose end state must equal the clean run's: it keeps the clean
 * installation's digest to compare against.
 */
abstract class AgainstCleanRun extends FaultRun {

	/** The clean run's warehouse digest (table → checksum). */
	final Map<String, String> clean;

	AgainstCleanRun(Map<String, String> clean, String directory, String name, String injects, String proves) {
		super(directory, name, injects, proves);
		this.clean = clean;
	}

}
