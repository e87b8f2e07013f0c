package org.tally.operate.cli;

import java.nio.file.Path;
import org.springframework.context.ConfigurableApplicationContext;
import org.tally.backup.BackupReport;
import org.tally.backup.Backups;
import org.tally.backup.ScheduledBackups;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * `tally backup`: an online, consistent archive of the embedded warehouse; an external
 * PostgreSQL is the operator's to back up.
 */
@Command(name = "backup",
		description = "Writes a consistent backup of the embedded warehouse (every schema, one snapshot) while runs go on; "
				+ "by default into tally.backup.dir/tally-backup-<date>-<time>.zip.")
class BackupCommand extends ContextCommand {

	@Mixin
	OutOption out;

	@Override
	int call(ConfigurableApplicationContext context) {
		Backups backups = context.getBean(Backups.class);
		if (backups.external()) {
			throw new CommandRefusedException("the warehouse is an external PostgreSQL; back it up with its "
					+ "operator's backups (pg_dump, or the managed service's snapshots), see docs/operations.md#backups");
		}
		Path file = out.orElse(context.getBean(ScheduledBackups.class)::nextArchive);
		BackupReport report = backups.backUp(file);
		out().printf("Backed up %d tables, %d rows (Flyway version %s) into %s (%,d bytes)%n",
				report.manifest().tables().size(), report.manifest().rows(), report.manifest().flywayVersion(),
				report.file(), report.bytes());
		out().flush();
		return ExitCode.OK.code();
	}

}
