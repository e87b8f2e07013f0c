package org.tally.operate.cli;

import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Mixin;

/**
 * A command that works inside the application context, started with the command line's
 * locations and closed when it ends.
 */
abstract class ContextCommand extends BaseCommand {

	@Mixin
	LocationOptions locations;

	@Override
	public Integer call() throws Exception {
		try (ConfigurableApplicationContext context = readsOnly() ? CommandContexts.startReading(locations)
				: CommandContexts.start(locations, progress())) {
			return call(context);
		}
	}

	/** Whether the command's progress lines are logged (run, rerun and restart). */
	boolean progress() {
		return false;
	}

	/**
	 * Whether the command only reads: its context then makes only the beans it asks for
	 * (docs/performance.md, "Start-up of a command").
	 */
	boolean readsOnly() {
		return false;
	}

	abstract int call(ConfigurableApplicationContext context) throws Exception;

}
