package org.tally.operate.cli;

import java.time.Duration;
import java.util.Locale;
import org.tally.ingest.ReadProgress;

/**
 * A file's progress in words: the terminal's short line, fitted to its width, and the
 * plain line of a log.
 */
final class ProgressText {

	private ProgressText() {
	}

	/**
	 * e.g. {@code ledger.csv  412,000 rows  95,000 rows/s  40.1% of 78.0 MB  ETA 0:09},
	 * at most {@code columns} wide on the screen (the file's name is shortened in the
	 * middle).
	 */
	static String terminal(ReadProgress progress, int columns) {
		String numbers = String.format(Locale.ROOT, "  %,d rows  %,.0f rows/s  %s of %s  ETA %s", progress.rows(),
				progress.rowsPerSecond(), percent(progress), size(progress.sizeBytes()), left(progress));
		String name = progress.filePath().substring(progress.filePath().lastIndexOf('/') + 1);
		return fit(name, columns - width(numbers)) + numbers;
	}

	/**
	 * e.g.
	 * {@code reading finance/ledger.csv: 412,000 rows, 95,000 rows/s, 31.2 of 78.0 MB
	 * (40%), ETA 0:09}.
	 */
	static String plain(ReadProgress progress) {
		String read = progress.bytesRead() < 0 ? "?" : megabytes(progress.bytesRead());
		return String.format(Locale.ROOT, "reading %s: %,d rows, %,.0f rows/s, %s of %s (%s), ETA %s",
				progress.filePath(), progress.rows(), progress.rowsPerSecond(), read, size(progress.sizeBytes()),
				percent(progress), left(progress));
	}

	private static String percent(ReadProgress progress) {
		double percent = progress.percent();
		return percent < 0 ? "?%" : String.format(Locale.ROOT, "%.1f%%", Math.floor(percent * 10) / 10);
	}

	private static String size(long bytes) {
		if (bytes < 0) {
			return "? MB";
		}
		return bytes < 1_000_000 ? String.format(Locale.ROOT, "%.0f kB", bytes / 1e3) : megabytes(bytes) + " MB";
	}

	private static String megabytes(long bytes) {
		return String.format(Locale.ROOT, "%.1f", bytes / 1e6);
	}

	private static String left(ReadProgress progress) {
		return progress.remaining().map(ProgressText::clock).orElse("?");
	}

	/** m:ss, or h:mm:ss past an hour. */
	static String clock(Duration duration) {
		long seconds = duration.toSeconds();
		if (seconds >= 3600) {
			return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
		}
		return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
	}

	/**
	 * The name in at most {@code columns} columns, cut with "…": a quarter for its start
	 * (the department), the rest for its end (the period and the format).
	 */
	static String fit(String name, int columns) {
		if (width(name) <= columns) {
			return name;
		}
		if (columns < 2) {
			return "";
		}
		int budget = columns - 1;
		StringBuilder head = new StringBuilder();
		int start = 0;
		for (int used = 0; start < name.length();) {
			int c = name.codePointAt(start);
			if (used + width(c) > budget / 4) {
				break;
			}
			head.appendCodePoint(c);
			used += width(c);
			start += Character.charCount(c);
		}
		budget -= width(head.toString());
		int end = name.length();
		while (end > start && width(name.codePointBefore(end)) <= budget) {
			budget -= width(name.codePointBefore(end));
			end -= Character.charCount(name.codePointBefore(end));
		}
		return head + "…" + name.substring(end);
	}

	/** Columns the text takes on a terminal: two for East Asian wide characters. */
	static int width(String text) {
		return text.codePoints().map(ProgressText::width).sum();
	}

	private static int width(int codePoint) {
		boolean wide = (codePoint >= 0x1100 && codePoint <= 0x115F) || (codePoint >= 0x2E80 && codePoint <= 0xA4CF)
				|| (codePoint >= 0xAC00 && codePoint <= 0xD7A3) || (codePoint >= 0xF900 && codePoint <= 0xFAFF)
				|| (codePoint >= 0xFE30 && codePoint <= 0xFE4F) || (codePoint >= 0xFF00 && codePoint <= 0xFF60)
				|| (codePoint >= 0xFFE0 && codePoint <= 0xFFE6) || (codePoint >= 0x20000 && codePoint <= 0x3FFFD);
		return wide ? 2 : 1;
	}

}
