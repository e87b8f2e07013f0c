package org.tally.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tally.backup.BackupReport;
import org.tally.backup.ScheduledBackups;

/**
 * Quartz's side of jobs/backup.yml, kept thin: writes an archive into the backup folder
 * and prunes the old ones. A failure is notified by {@link ScheduledBackups} and handed
 * to Quartz, not logged again here.
 */
@DisallowConcurrentExecution
class ScheduledBackupJob extends ScheduleFire {

	private static final Logger log = LoggerFactory.getLogger(ScheduledBackupJob.class);

	private final ScheduledBackups backups;

	ScheduledBackupJob(ScheduledBackups backups) {
		this.backups = backups;
	}

	@Override
	void fire(String schedule, JobExecutionContext context) throws JobExecutionException {
		BackupReport report;
		try {
			report = backups.backUpAndPrune();
		}
		catch (RuntimeException ex) {
			throw new JobExecutionException("schedule=" + schedule + ": backup failed: " + ex.getMessage(), ex, false);
		}
		log.info("schedule={} backup={} bytes={}", schedule, report.file(), report.bytes());
	}

}
