package org.tally.operate.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.tally.catalog.Catalog;
import org.tally.catalog.SourceDefinition;
import org.tally.ingest.InboxPlacement;
import org.tally.ingest.IngestProperties;

/**
 * Files an operator uploads, held aside until accepted: each in its own folder under
 * {@code <data-dir>/uploads} (folders 0700, files 0600: never a shared /tmp), named by a
 * random token, never in the inbox before the operator has seen its preview. Accepting
 * puts it into its source's inbox folder under a sanitised name that cannot leave it, and
 * never over a file already there.
 */
@Component
class Uploads {

	static final List<String> EXTENSIONS = UploadNames.EXTENSIONS;

	private static final Pattern TOKEN = Pattern
		.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private final Path directory;

	private final Path inbox;

	private final Catalog catalog;

	private final long maxBytes;

	/**
	 * How long an upload waits for the operator before the next upload clears it away.
	 */
	static final Duration HELD_FOR = Duration.ofDays(1);

	Uploads(@Value("${tally.db.data-dir:./data}") Path dataDir, IngestProperties ingest, Catalog catalog,
			@Value("${tally.web.max-upload-bytes:52428800}") long maxBytes) {
		this.directory = dataDir.toAbsolutePath().normalize().resolve("uploads");
		this.inbox = ingest.inbox().toAbsolutePath().normalize();
		this.catalog = catalog;
		this.maxBytes = maxBytes;
	}

	long maxBytes() {
		return maxBytes;
	}

	/**
	 * An upload waiting for the operator: its token, source, the name it will have, and
	 * where it is held.
	 */
	record Upload(String token, SourceDefinition source, String fileName, Path file, long size) {

		/**
		 * The inbox path it will have, relative to the inbox:
		 * finance/项目台账_2024-12-31.xlsx.
		 */
		public String inboxPath() {
			return source.inboxFolder() + "/" + fileName;
		}
	}

	Upload store(String sourceId, String originalName, long size, InputStream content) {
		discardAbandoned();
		SourceDefinition source = catalog.source(sourceId)
			.orElseThrow(() -> new UploadRefusedException("unknown source '" + sourceId + "'"));
		String name = UploadNames.accepted(originalName);
		if (size > maxBytes) {
			throw new UploadRefusedException("'" + UploadNames.shown(originalName) + "' is " + size + " bytes; at most "
					+ maxBytes + " are accepted");
		}
		String relative = source.inboxFolder() + "/" + name;
		if (!FileSystems.getDefault().getPathMatcher("glob:" + source.inbox()).matches(Path.of(relative))) {
			throw new UploadRefusedException("'" + name + "' would not be read by source " + source.id()
					+ " (its inbox is " + source.inbox() + ")");
		}
		String token = UUID.randomUUID().toString();
		Path held = directory.resolve(token).resolve(source.id()).resolve(name);
		try {
			OwnerOnlyFiles.folder(directory);
			OwnerOnlyFiles.folder(held.getParent().getParent());
			OwnerOnlyFiles.folder(held.getParent());
			long copied = OwnerOnlyFiles.write(content, held);
			if (copied > maxBytes) {
				discard(token);
				throw new UploadRefusedException(
						"'" + UploadNames.shown(originalName) + "' is larger than " + maxBytes + " bytes");
			}
			return new Upload(token, source, name, held, copied);
		}
		catch (IOException ex) {
			// A full disk (or any write failure) refuses this upload and leaves no part
			// of
			// it behind; the inbox and the warehouse were never touched.
			discard(token);
			throw new UploadRefusedException("cannot keep '" + UploadNames.shown(originalName)
					+ "' in the upload folder " + directory + ": " + reason(ex) + "; nothing was changed", ex);
		}
	}

	private static String reason(IOException ex) {
		return ex instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : ex.toString();
	}

	Optional<Upload> find(String token) {
		if (token == null || !TOKEN.matcher(token).matches()) {
			return Optional.empty();
		}
		Path folder = directory.resolve(token);
		if (!Files.isDirectory(folder)) {
			return Optional.empty();
		}
		try (Stream<Path> files = Files.walk(folder, 2)) {
			return files.filter(Files::isRegularFile)
				.findFirst()
				.flatMap(file -> catalog.source(file.getParent().getFileName().toString())
					.map(source -> new Upload(token, source, file.getFileName().toString(), file, size(file))));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the upload folder " + folder, ex);
		}
	}

	/**
	 * Puts the upload into its source's inbox folder; refuses to replace a file already
	 * there, also one that appeared since the preview.
	 */
	Path accept(Upload upload) {
		return accept(upload, () -> {
		});
	}

	/**
	 * The same, running {@code meanwhile} once the copy waits beside its target: the
	 * moment another file of the same name may arrive.
	 */
	Path accept(Upload upload, Runnable meanwhile) {
		Path target = inbox.resolve(upload.inboxPath()).normalize();
		// The name is sanitised already; this guards the guard.
		if (!target.startsWith(inbox.resolve(upload.source().inboxFolder()).normalize()) || !target.startsWith(inbox)) {
			throw new UploadRefusedException("'" + upload.fileName() + "' would leave the inbox folder");
		}
		if (Files.exists(target)) {
			throw taken(upload);
		}
		// A dot-file, which the inbox gatherer skips: a run never sees a partial copy.
		Path temporary = target.resolveSibling("." + upload.token() + ".upload");
		try {
			Files.createDirectories(target.getParent());
			// Copied, not moved: the upload folder may be on another file system, and the
			// upload stays until the file is in place. The copy gets the inbox's usual
			// permissions, not the upload's 0600.
			try (OutputStream out = Files.newOutputStream(temporary)) {
				Files.copy(upload.file(), out);
			}
			meanwhile.run();
			InboxPlacement.placeNew(temporary, target);
		}
		catch (FileAlreadyExistsException ex) {
			// arrived since the check above: the link refused to replace it
			throw taken(upload);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot put the upload into " + target, ex);
		}
		finally {
			deleteQuietly(temporary);
		}
		discard(upload.token());
		return target;
	}

	private static UploadRefusedException taken(Upload upload) {
		return new UploadRefusedException("inbox/" + upload.inboxPath()
				+ " exists already; rename the corrected file (e.g. add _v2 before the extension) and upload it again");
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// A dot-file the gatherer skips; the next accept of this token replaces it.
		}
	}

	/**
	 * Uploads nobody accepted or discarded within a day (the operator closed the preview)
	 * are removed when the next one arrives, so the upload directory does not grow
	 * without end.
	 */
	void discardAbandoned() {
		if (!Files.isDirectory(directory)) {
			return;
		}
		FileTime cutoff = FileTime.from(Instant.now().minus(HELD_FOR));
		try (Stream<Path> folders = Files.list(directory)) {
			for (Path folder : folders.toList()) {
				String token = folder.getFileName().toString();
				if (TOKEN.matcher(token).matches() && Files.getLastModifiedTime(folder).compareTo(cutoff) < 0) {
					discard(token);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot look through the upload directory " + directory, ex);
		}
	}

	void discard(String token) {
		if (token == null || !TOKEN.matcher(token).matches()) {
			return;
		}
		Path folder = directory.resolve(token);
		if (!Files.exists(folder)) {
			return;
		}
		try (Stream<Path> walk = Files.walk(folder)) {
			for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot delete the upload folder " + folder, ex);
		}
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * An upload the console will not take: a wrong type, too large, outside its source,
	 * or a name taken.
	 */
	static class UploadRefusedException extends RuntimeException {

		UploadRefusedException(String message) {
			super(message);
		}

		UploadRefusedException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
