package org.tally.operate.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.context.ConfigurableApplicationContext;
import org.tally.backup.BackupManifest;
import org.tally.backup.Backups;
import org.tally.backup.RestoreReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;

/**
 * `tally restore FILE --data-dir DIR`: a backup into a new, empty data directory, checked
 * against its manifest and then by `verify-integrity`.
 */
@Command(name = "restore",
		description = "Restores a backup into an empty data directory, checks it against its manifest, then runs verify-integrity.")
class RestoreCommand extends BaseCommand {

	@Mixin
	LocationOptions locations;

	@Mixin
	FormatOption format;

	@Parameters(paramLabel = "FILE", description = "the archive `tally backup` wrote")
	Path archive;

	@Override
	public Integer call() throws Exception {
		if (locations.dataDir == null) {
			throw new ParameterException(spec.commandLine(),
					"--data-dir DIR is required: the empty (or new) directory to restore into");
		}
		if (!Files.isRegularFile(archive)) {
			throw new NoSuchFileException(archive.toString());
		}
		if (!empty(locations.dataDir)) {
			throw refused(locations.dataDir + " is not empty; restore into an empty or new data directory");
		}
		BackupManifest manifest = BackupManifest.read(archive);
		if (Backups.newerThanCode(manifest)) {
			throw refused(archive + " was taken at Flyway version " + manifest.flywayVersion()
					+ ", newer than this Tally's " + Backups.codeFlywayVersion() + ": restore it with Tally "
					+ manifest.tallyVersion() + " or later");
		}
		// Flyway stops at the archive's version, so that its rows fit the tables; the
		// restore then migrates on to this code's.
		try (ConfigurableApplicationContext context = CommandContexts.start(locations,
				Map.of("spring.flyway.target", manifest.flywayVersion()))) {
			Backups backups = context.getBean(Backups.class);
			if (backups.external()) {
				throw refused("the warehouse is configured as an external PostgreSQL (tally.db.url): `tally restore` "
						+ "restores into the embedded one; restore an external database with its own tools");
			}
			RestoreReport report = backups.restore(archive);
			out().printf("Restored %d tables, %d rows (taken %s, Tally %s, Flyway version %s) into %s%n",
					manifest.tables().size(), report.rows(), manifest.takenAt(), manifest.tallyVersion(),
					manifest.flywayVersion(), locations.dataDir);
			out().printf("Manifest verified: every table's row count and SHA-256 agree%n");
			if (!report.createdFromManifest().isEmpty()) {
				out().printf("Created from the manifest (no migration or dataset declares them): %s%n",
						String.join(", ", report.createdFromManifest()));
			}
			if (report.laterMigrations() > 0) {
				out().printf("Applied %d later migrations of this Tally%n", report.laterMigrations());
			}
			out().flush();
			return VerifyIntegrityCommand.verify(context, format, out());
		}
	}

	private static CommandRefusedException refused(String why) {
		return new CommandRefusedException(why);
	}

	private static boolean empty(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return true;
		}
		try (Stream<Path> entries = Files.list(dir)) {
			return entries.findAny().isEmpty();
		}
	}

}
