package org.tally.operate.cli;

import java.io.Console;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.ConfigurableApplicationContext;
import org.tally.ingest.IngestProgress;
import org.tally.ingest.ReadProgress;

/**
 * The progress of the file a run in this process reads, on standard error. On a terminal:
 * one line redrawn in place twice a second and cleared when the file is done (log lines
 * push it aside, see {@link TerminalLine}). Elsewhere (cron, CI, a pipe): a plain line
 * every {@code tally.cli.progress-interval}. Quiet: nothing. It only reads the reader's
 * counters, from a thread of its own.
 */
final class ProgressDisplay implements AutoCloseable {

	private static final Duration REDRAW = Duration.ofMillis(500);

	private final boolean shown;

	private final PrintWriter err;

	private final String prefix;

	private final PrintStream standardError;

	private TerminalLine terminal;

	private ScheduledExecutorService ticker;

	private volatile IngestProgress source;

	private ProgressDisplay(boolean shown, PrintWriter err, String command, PrintStream standardError) {
		this.shown = shown;
		this.err = err;
		this.prefix = "tally: " + command + ": ";
		this.standardError = standardError;
	}

	/**
	 * A display for the command {@code command}; {@code quiet}: one that shows nothing.
	 */
	static ProgressDisplay of(boolean quiet, PrintWriter err, String command) {
		return new ProgressDisplay(!quiet, err, command, System.err);
	}

	/**
	 * Follows the runs of {@code context} from now on (a benchmark starts one context
	 * after another); starts showing at the first.
	 */
	synchronized <C extends ConfigurableApplicationContext> C watch(C context) {
		source = context.getBean(IngestProgress.class);
		if (shown && ticker == null) {
			ticker = Executors.newSingleThreadScheduledExecutor(r -> {
				Thread thread = new Thread(r, "tally-progress");
				thread.setDaemon(true);
				return thread;
			});
			Duration every;
			if (onTerminal()) {
				terminal = new TerminalLine(standardError);
				every = REDRAW;
			}
			else {
				every = context.getBean(CliProperties.class).progressInterval();
			}
			ticker.scheduleAtFixedRate(this::tick, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
		}
		return context;
	}

	private void tick() {
		Optional<ReadProgress> reading = source.current();
		if (terminal != null) {
			reading.ifPresentOrElse(progress -> terminal.draw(ProgressText.terminal(progress, columns() - 1)),
					terminal::clear);
		}
		else {
			reading.ifPresent(progress -> {
				err.println(prefix + ProgressText.plain(progress));
				err.flush();
			});
		}
	}

	/** A line of the command's own ({@code tally: COMMAND: line}). */
	void println(String line) {
		TerminalLine bottom = terminal;
		if (bottom != null) {
			bottom.println(prefix + line);
			return;
		}
		err.println(prefix + line);
		err.flush();
	}

	@Override
	public synchronized void close() {
		if (ticker != null) {
			ticker.shutdownNow();
			try {
				ticker.awaitTermination(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		if (terminal != null) {
			terminal.close();
		}
	}

	/**
	 * Whether standard output is a terminal. From Java 22 a console exists for redirected
	 * output too, and says whether it is a terminal; before, only for one.
	 */
	private static boolean onTerminal() {
		Console console = System.console();
		if (console == null) {
			return false;
		}
		try {
			return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
		}
		catch (ReflectiveOperationException ex) {
			return true; // Java 17 to 21: a console is a terminal
		}
	}

	/** The terminal's width as the shell exports it, else the usual 80. */
	private static int columns() {
		try {
			return Math.max(40, Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "80").strip()));
		}
		catch (NumberFormatException ex) {
			return 80;
		}
	}

}
