package org.tally.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tally.backup.BackupReport;
import org.tally.backup.ScheduledBackups;

/**
 * Quartz's side of jobs/backup.yml, kept thin: writes an archive into the backup folder
 * and prunes the old ones; a failure has already been notified when it gets here.
 */
@DisallowConcurrentExecution
class ScheduledBackupJob implements Job {

	private static final Logger log = LoggerFactory.getLogger(ScheduledBackupJob.class);

	private final ScheduledBackups backups;

	ScheduledBackupJob(ScheduledBackups backups) {
		this.backups = backups;
	}

	@Override
	public void execute(JobExecutionContext context) throws JobExecutionException {
		String schedule = context.getMergedJobDataMap().getString(ScheduledConsolidationJob.SCHEDULE);
		try {
			BackupReport report = backups.backUpAndPrune();
			log.info("schedule={} backup={} bytes={}", schedule, report.file(), report.bytes());
		}
		catch (RuntimeException ex) {
			log.error("schedule={} backup failed: {}", schedule, ex.getMessage(), ex);
			throw new JobExecutionException("schedule=" + schedule + ": backup failed: " + ex.getMessage(), ex, false);
		}
	}

}
