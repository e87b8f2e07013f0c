package org.tally.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The backups kept in {@code tally.backup.dir}: a new archive there (`tally backup`
 * without --out, jobs/backup.yml), the last {@code keep} of them kept, and the newest one
 * for the console.
 */
@Component
public class ScheduledBackups {

	static final String PREFIX = "tally-backup-";

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

	private static final Logger log = LoggerFactory.getLogger(ScheduledBackups.class);

	private final Backups backups;

	private final BackupProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock = Clock.systemDefaultZone();

	ScheduledBackups(Backups backups, BackupProperties properties, ApplicationEventPublisher events) {
		this.backups = backups;
		this.properties = properties;
		this.events = events;
	}

	/** Where an archive written now goes, unless --out says otherwise. */
	public Path nextArchive() {
		return properties.dir().resolve(PREFIX + STAMP.format(LocalDateTime.now(clock)) + ".zip");
	}

	/**
	 * Writes an archive into the folder and prunes the oldest past {@code keep}; a
	 * failure is published as {@link BackupFailed} and rethrown.
	 */
	public BackupReport backUpAndPrune() {
		try {
			BackupReport report = backups.backUp(nextArchive());
			prune();
			return report;
		}
		catch (RuntimeException ex) {
			events.publishEvent(new BackupFailed(properties.dir(), ex.getMessage(), Instant.now(clock)));
			throw ex;
		}
	}

	/** The newest finished archive of the folder, if any. */
	public Optional<LastBackup> last() {
		return archives().stream().findFirst().map(this::describe);
	}

	private LastBackup describe(Path file) {
		try {
			Instant written = Files.getLastModifiedTime(file).toInstant();
			Duration age = Duration.between(written, Instant.now(clock));
			return new LastBackup(file, Files.size(file), written, age, age.compareTo(properties.warnAfter()) > 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + file, ex);
		}
	}

	private void prune() {
		List<Path> archives = archives();
		for (Path old : archives.subList(Math.min(Math.max(properties.keep(), 1), archives.size()), archives.size())) {
			try {
				Files.deleteIfExists(old);
				log.info("backup={} removed: more than {} archives in {}", old, properties.keep(), properties.dir());
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot remove the old backup " + old, ex);
			}
		}
	}

	/** Finished archives, newest first (their names sort by time). */
	private List<Path> archives() {
		if (!Files.isDirectory(properties.dir())) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(properties.dir())) {
			return files.filter(f -> f.getFileName().toString().startsWith(PREFIX))
				.filter(f -> f.getFileName().toString().endsWith(".zip"))
				.sorted(Comparator.comparing((Path f) -> f.getFileName().toString()).reversed())
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot list the backups in " + properties.dir(), ex);
		}
	}

}
