package org.tally.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.stereotype.Component;

/**
 * The file this process is reading now, for whoever watches from inside it (the command
 * line's progress line). Other processes read it from the ingest step's execution
 * context, which the reader fills at each chunk (see {@link ReadProgress}).
 */
@Component
public class IngestProgress {

	private volatile FileProgress reading;

	private volatile boolean enabled = true;

	/** The file being read now, if any, and how far. */
	public Optional<ReadProgress> current() {
		FileProgress file = reading;
		return file == null || !file.counting() ? Optional.empty() : Optional.of(file.snapshot());
	}

	/**
	 * Off, files opened from now on are read without counting, and their progress is
	 * written nowhere: the benchmark's measure of what progress costs.
	 */
	public void enabled(boolean on) {
		enabled = on;
	}

	/** A file the reader opens now. */
	FileProgress started(String filePath, Path file) {
		long size;
		try {
			size = Files.size(file);
		}
		catch (IOException ex) {
			size = -1; // the reader is about to say why it cannot read the file
		}
		FileProgress progress = new FileProgress(filePath, size, enabled);
		reading = progress;
		return progress;
	}

	/** The file is read (or quarantined, or the step ends). */
	void finished(FileProgress file) {
		if (reading == file) {
			reading = null;
		}
	}

	/**
	 * Into the step's execution context, saved with the chunk: the file's progress, or
	 * none.
	 */
	static void record(FileProgress file, ExecutionContext context) {
		ReadProgress.write(file == null || !file.counting() ? null : file.snapshot(), context);
	}

}
