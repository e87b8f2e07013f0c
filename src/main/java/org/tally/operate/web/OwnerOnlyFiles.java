package org.tally.operate.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Folders and files only their owner may open (0700, 0600), for uploads waiting under the
 * data directory; on a file system without POSIX permissions, plain ones.
 */
final class OwnerOnlyFiles {

	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

	private static final Set<PosixFilePermission> OWNER_READS = PosixFilePermissions.fromString("rw-------");

	private OwnerOnlyFiles() {
	}

	/**
	 * Writes {@code content} to a new file only its owner may read; answers the bytes
	 * written.
	 */
	static long write(InputStream content, Path held) throws IOException {
		Files.createFile(held, permissions(held, OWNER_READS));
		try (OutputStream out = Files.newOutputStream(held)) {
			return content.transferTo(out);
		}
	}

	/** Creates {@code folder} if need be, and makes it the owner's alone. */
	static void folder(Path folder) throws IOException {
		if (!Files.isDirectory(folder)) {
			Files.createDirectories(folder.getParent());
			try {
				Files.createDirectory(folder, permissions(folder, OWNER_ONLY));
			}
			catch (FileAlreadyExistsException ex) {
				// made meanwhile by a concurrent upload; its permissions are set below
			}
		}
		if (posix(folder)) {
			Files.setPosixFilePermissions(folder, OWNER_ONLY);
		}
	}

	private static FileAttribute<?>[] permissions(Path path, Set<PosixFilePermission> permissions) {
		return posix(path) ? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(permissions) }
				: new FileAttribute<?>[0];
	}

	private static boolean posix(Path path) {
		return path.getFileSystem().supportedFileAttributeViews().contains("posix");
	}

}
