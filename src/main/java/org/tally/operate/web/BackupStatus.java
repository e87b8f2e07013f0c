package org.tally.operate.web;

import java.time.Duration;
import org.springframework.stereotype.Component;
import org.tally.backup.LastBackup;
import org.tally.backup.ScheduledBackups;

/**
 * The runs page's line on the last backup: its file, size and age, flagged when older
 * than tally.backup.warn-after (two days) or when there is none. Read for that page only,
 * not for every request the runs controller answers (each read lists the backup folder).
 */
@Component
class BackupStatus {

	private final ScheduledBackups backups;

	BackupStatus(ScheduledBackups backups) {
		this.backups = backups;
	}

	/** What the page shows; {@code stale} when no backup is there or the last is old. */
	record Line(String file, String size, String age, boolean stale) {
	}

	Line lastBackup() {
		return backups.last()
			.map(last -> new Line(last.file().getFileName().toString(), size(last.bytes()), age(last.age()),
					last.stale()))
			.orElse(new Line(null, null, null, true));
	}

	private static String size(long bytes) {
		return bytes < 1 << 20 ? String.format("%,d KB", (bytes + 1023) / 1024)
				: String.format("%.1f MB", bytes / 1048576.0);
	}

	private static String age(Duration age) {
		if (age.toDays() > 0) {
			return age.toDays() + " d " + age.toHoursPart() + " h";
		}
		return age.toHours() > 0 ? age.toHours() + " h " + age.toMinutesPart() + " min" : age.toMinutes() + " min";
	}

}
