package org.tally.ingest;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tally.catalog.Catalog;
import org.tally.catalog.SourceDefinition;
import org.tally.normalize.ReportingPeriods;

/**
 * Gathers the inbox: every file a source's glob matches is identified by SHA-256 and
 * registered for this run, unless the same content was loaded before (then it is a
 * duplicate).
 */
@Component
public class SourceFileGatherer {

	private static final Logger log = LoggerFactory.getLogger(SourceFileGatherer.class);

	/**
	 * The registry's sha256 of a file that could not be read: no real content hashes to
	 * it.
	 */
	static final String UNREAD_SHA256 = "0".repeat(64);

	private final Catalog catalog;

	private final LoadRegistry registry;

	private final IngestProperties properties;

	SourceFileGatherer(Catalog catalog, LoadRegistry registry, IngestProperties properties) {
		this.catalog = catalog;
		this.registry = registry;
		this.properties = properties;
	}

	public GatherSummary gather(long runId) {
		return gather(runId, Set.of());
	}

	/**
	 * Gathers only the sources whose id or department is in {@code only}; all of them
	 * when it is empty.
	 */
	public GatherSummary gather(long runId, Set<String> only) {
		Path inbox = properties.inbox().toAbsolutePath().normalize();
		if (!Files.isDirectory(inbox)) {
			throw new InboxException("the inbox " + inbox + " does not exist or is not a directory");
		}
		Map<Path, List<SourceDefinition>> claims = claimedFiles(inbox);
		if (!only.isEmpty()) {
			claims.values()
				.removeIf(sources -> sources.stream()
					.noneMatch(s -> only.contains(s.id()) || only.contains(s.department())));
		}
		int newFiles = 0;
		int duplicates = 0;
		int quarantined = 0;
		for (Map.Entry<Path, List<SourceDefinition>> entry : claims.entrySet()) {
			Path file = entry.getKey();
			SourceDefinition source = entry.getValue().get(0);
			String relative = inbox.relativize(file).toString();
			// One file that cannot be read (a FIFO, a directory named like a workbook, a
			// link out of the
			// inbox, a read error) is quarantined with its reason; the other files of the
			// inbox still load.
			String unreadable = unreadable(inbox, file);
			long bytes = 0;
			String hash = UNREAD_SHA256;
			if (unreadable == null) {
				try {
					bytes = Files.size(file);
					hash = sha256(file);
				}
				catch (InboxException ex) {
					unreadable = "cannot be read: " + rootMessage(ex);
				}
				catch (IOException ex) {
					unreadable = "cannot be read: " + ex;
				}
			}
			if (unreadable != null) {
				String why = unreadable;
				registry.register(runId, source.id(), source.department(), source.dataset(), relative,
						file.getFileName().toString(), UNREAD_SHA256, bytes, LoadStatus.QUARANTINED, why, null);
				log.warn("run={} file={} quarantined: {}", runId, relative, why);
				quarantined++;
				continue;
			}
			long size = bytes;
			String sha = hash;
			if (entry.getValue().size() > 1) {
				String reason = "matches more than one source: "
						+ entry.getValue().stream().map(SourceDefinition::id).toList()
						+ "; make the inbox globs disjoint";
				registry.register(runId, source.id(), source.department(), source.dataset(), relative,
						file.getFileName().toString(), sha, size, LoadStatus.QUARANTINED, reason, null);
				log.warn("run={} file={} quarantined: {}", runId, relative, reason);
				quarantined++;
				continue;
			}
			// Decided by the name alone, so before the content check: otherwise a
			// correctly named copy
			// of the same bytes would count as its duplicate and be lost with it.
			if (source.period().from() == SourceDefinition.PeriodFrom.FILENAME
					&& ReportingPeriods.find(file.getFileName().toString()).isEmpty()) {
				registry.register(runId, source.id(), source.department(), source.dataset(), relative,
						file.getFileName().toString(), sha, size, LoadStatus.QUARANTINED,
						SourceRowReader.NO_PERIOD_IN_FILE_NAME, null);
				log.warn("run={} file={} quarantined: {}", runId, relative, SourceRowReader.NO_PERIOD_IN_FILE_NAME);
				quarantined++;
				continue;
			}
			Optional<Long> earlier = registry.loadedWithContent(sha).or(() -> registry.registeredInRun(runId, sha));
			if (earlier.isPresent()) {
				registry.register(runId, source.id(), source.department(), source.dataset(), relative,
						file.getFileName().toString(), sha, size, LoadStatus.DUPLICATE,
						"same content as load " + earlier.get(), earlier.get());
				log.info("run={} file={} duplicate of load {}", runId, relative, earlier.get());
				duplicates++;
				continue;
			}
			registry.abandonUnfinished(sha, runId);
			registry.register(runId, source.id(), source.department(), source.dataset(), relative,
					file.getFileName().toString(), sha, size, LoadStatus.PENDING, null, null);
			log.info("run={} file={} new ({} bytes, source {})", runId, relative, size, source.id());
			newFiles++;
		}
		return new GatherSummary(claims.size(), newFiles, duplicates, quarantined);
	}

	/**
	 * Inbox files by the sources whose globs match them; oldest first, so a later
	 * correction wins.
	 */
	private Map<Path, List<SourceDefinition>> claimedFiles(Path inbox) {
		List<Path> files;
		try (Stream<Path> walk = Files.walk(inbox)) {
			// Not only regular files: a FIFO or a directory named like a workbook is
			// quarantined with a
			// reason rather than silently skipped (a FIFO is never opened: reading it
			// would block).
			files = walk.filter(f -> !f.equals(inbox))
				.filter(f -> Files.isRegularFile(f) || !Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS)
						|| looksLikeAFile(f))
				.filter(f -> !f.getFileName().toString().startsWith("."))
				.filter(f -> !f.getFileName().toString().startsWith("~$")) // Office lock
																			// files
				.sorted(Comparator.comparing(SourceFileGatherer::modified).thenComparing(Path::toString))
				.toList();
		}
		catch (IOException ex) {
			throw new InboxException("cannot list the inbox " + inbox + ": " + ex.getMessage(), ex);
		}
		Map<Path, List<SourceDefinition>> claims = new LinkedHashMap<>();
		for (SourceDefinition source : catalog.sources()) {
			PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + source.inbox());
			for (Path file : files) {
				if (matcher.matches(inbox.relativize(file))) {
					claims.computeIfAbsent(file, f -> new ArrayList<>()).add(source);
				}
			}
		}
		// A file no source claims is left alone (a readme, a department's scratch copy):
		// it is not
		// registered or quarantined, since no source says how to read it; the log names
		// it.
		files.stream()
			.filter(f -> !claims.containsKey(f))
			.forEach(f -> log.warn("file={} matches no source's inbox pattern: ignored", inbox.relativize(f)));
		List<Path> order = files.stream().filter(claims::containsKey).toList();
		Map<Path, List<SourceDefinition>> ordered = new LinkedHashMap<>();
		order.forEach(f -> ordered.put(f, claims.get(f)));
		return ordered;
	}

	/**
	 * A directory whose name has a spreadsheet extension: a source's glob may match it.
	 */
	private static boolean looksLikeAFile(Path path) {
		String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
		return name.endsWith(".xlsx") || name.endsWith(".xls") || name.endsWith(".csv");
	}

	/**
	 * Why {@code file} must not be read, or null when it is a regular file inside the
	 * inbox.
	 */
	private static String unreadable(Path inbox, Path file) {
		if (Files.isSymbolicLink(file)) {
			try {
				Path target = file.toRealPath();
				if (!target.startsWith(inbox.toRealPath())) {
					return "a link to a file outside the inbox (" + target + "): refused, not read";
				}
			}
			catch (IOException ex) {
				return "a link whose target does not exist";
			}
		}
		if (Files.isDirectory(file)) {
			return "a directory, not a file";
		}
		if (!Files.isRegularFile(file)) {
			return "not a regular file (a pipe, socket or device): not read";
		}
		return null;
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return root.toString();
	}

	private static FileTime modified(Path file) {
		try {
			return Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS);
		}
		catch (IOException ex) {
			// Vanished between the listing and now: sorted first, then quarantined as
			// unreadable.
			return FileTime.fromMillis(0);
		}
	}

	static String sha256(Path file) {
		try {
			return FileDigests.sha256(file);
		}
		catch (IOException ex) {
			throw new InboxException("cannot read " + file + ": " + ex.getMessage(), ex);
		}
	}

}
