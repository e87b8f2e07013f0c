package org.tally.ingest;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How a finished file enters the inbox (an upload, a mailed attachment) without ever
 * replacing one already there.
 */
public final class InboxPlacement {

	private InboxPlacement() {
	}

	/**
	 * Gives {@code temporary} the name {@code target}, failing with
	 * {@link FileAlreadyExistsException} when that name is taken. A hard link is the one
	 * rename that fails when the target exists (rename(2) would replace it); where the
	 * file system has no hard links, a move that checks first is the fallback.
	 */
	public static void placeNew(Path temporary, Path target) throws IOException {
		try {
			Files.createLink(target, temporary);
		}
		catch (FileAlreadyExistsException ex) {
			throw ex;
		}
		catch (UnsupportedOperationException | FileSystemException ex) {
			Files.move(temporary, target);
		}
	}

}
