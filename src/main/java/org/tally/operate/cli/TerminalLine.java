package org.tally.operate.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

/**
 * One line at the bottom of a terminal, drawn again and again in place, that any other
 * output pushes aside: while it is installed, standard error (where the log's console
 * lines go) clears the line before anything else is written, and the next draw puts it
 * back underneath.
 */
final class TerminalLine implements AutoCloseable {

	/** Back to the start of the line, and erase it. */
	private static final String CLEAR = "\r\033[K";

	private final PrintStream terminal;

	private final Object lock = new Object();

	private boolean shown;

	TerminalLine(PrintStream terminal) {
		this.terminal = terminal;
		// Bytes pass through as they come; the charset only encodes what is printed as
		// text, as standard error's own does.
		System.setErr(new PrintStream(new Yielding(), true, Charset.defaultCharset()));
	}

	void draw(String text) {
		synchronized (lock) {
			terminal.print(CLEAR + text);
			terminal.flush();
			shown = true;
		}
	}

	void clear() {
		synchronized (lock) {
			if (shown) {
				terminal.print(CLEAR);
				terminal.flush();
				shown = false;
			}
		}
	}

	/** A line of the command's own, above the progress line. */
	void println(String text) {
		synchronized (lock) {
			clear();
			terminal.println(text);
			terminal.flush();
		}
	}

	@Override
	public void close() {
		clear();
		System.setErr(terminal);
	}

	/** Standard error while the line is shown: clears the line, then writes through. */
	private final class Yielding extends OutputStream {

		@Override
		public void write(int b) {
			synchronized (lock) {
				clear();
				terminal.write(b);
			}
		}

		@Override
		public void write(byte[] bytes, int offset, int length) {
			synchronized (lock) {
				clear();
				terminal.write(bytes, offset, length);
			}
		}

		@Override
		public void flush() {
			terminal.flush();
		}

	}

}
