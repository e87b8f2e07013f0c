package org.tally.operate.cli;

/**
 * A command that only reads: its context makes only the beans it asks for, with no
 * scheduler, job or job operator (docs/performance.md, "Start-up of a command").
 */
abstract class ReadingCommand extends ContextCommand {

	@Override
	final boolean readsOnly() {
		return true;
	}

}
