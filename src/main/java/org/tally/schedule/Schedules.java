package org.tally.schedule;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import javax.sql.DataSource;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.tally.schedule.internal.ScheduleFiles;

/**
 * The schedules of jobs/*.yml in the clustered Quartz store: installs them, pauses and
 * resumes them. Works with a started scheduler (tally serve) or an unstarted one (the
 * other commands).
 */
@Component
@EnableConfigurationProperties(ScheduleProperties.class)
public class Schedules {

	static final String GROUP = "tally";

	/** Serialises the nodes' changes to the store's schedules ("tallysch"). */
	private static final long STORE_LOCK = 0x7461_6c6c_7973_6368L;

	private static final Logger log = LoggerFactory.getLogger(Schedules.class);

	private final Scheduler scheduler;

	private final ScheduleProperties properties;

	private final DataSource dataSource;

	Schedules(Scheduler scheduler, ScheduleProperties properties, DataSource dataSource) {
		this.scheduler = scheduler;
		this.properties = properties;
		this.dataSource = dataSource;
	}

	public List<ScheduleDefinition> definitions() {
		return ScheduleFiles.read(properties.dir());
	}

	/**
	 * Makes the store match the files: new schedules are added, changed ones rescheduled
	 * (staying paused if they were), removed ones deleted. An unchanged trigger is left
	 * alone, so a night missed while no node ran is still seen as a misfire and fired
	 * once. Under a lock of the database held by one node at a time: Quartz's own lock (a
	 * row of qrtz_locks) is released as each of its statements commits, so two nodes
	 * starting at once both found no job and both inserted it.
	 */
	public void synchronize() {
		List<ScheduleDefinition> definitions = definitions();
		oneNodeAtATime(() -> synchronize(definitions));
	}

	private void synchronize(List<ScheduleDefinition> definitions) {
		try {
			Set<JobKey> installed = scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP));
			for (ScheduleDefinition definition : definitions) {
				install(definition);
			}
			for (JobKey key : installed) {
				if (definitions.stream().noneMatch(d -> d.name().equals(key.getName()))) {
					scheduler.deleteJob(key);
					log.info("schedule={} removed: its file is gone from {}", key.getName(), properties.dir());
				}
			}
		}
		catch (SchedulerException ex) {
			throw new ScheduleException(null,
					"cannot install the schedules of " + properties.dir() + ": " + ex.getMessage(), ex);
		}
	}

	public void pause(String name) {
		change(name, "pause", scheduler::pauseJob);
	}

	public void resume(String name) {
		change(name, "resume", scheduler::resumeJob);
	}

	/**
	 * Changes an installed schedule's job, installing it first if no node has; one node
	 * at a time, like {@link #synchronize()}. The scheduler's failure names the change.
	 */
	private void change(String name, String verb, JobChange change) {
		oneNodeAtATime(() -> {
			ensureInstalled(name);
			try {
				change.apply(new JobKey(name, GROUP));
			}
			catch (SchedulerException ex) {
				throw new ScheduleException(name, "cannot " + verb + " schedule " + name + ": " + ex.getMessage(), ex);
			}
		});
	}

	/**
	 * Runs {@code work} holding a session lock of the database on a connection of its
	 * own. Not a transaction around Quartz's statements: the store takes its connections
	 * from a registry of its own, which need not hand out the transaction's.
	 */
	private void oneNodeAtATime(Runnable work) {
		try (Connection connection = dataSource.getConnection()) {
			advisory(connection, "SELECT pg_advisory_lock(?)");
			try {
				work.run();
			}
			finally {
				advisory(connection, "SELECT pg_advisory_unlock(?)");
			}
		}
		catch (SQLException ex) {
			throw new ScheduleException(null, "cannot lock the schedules' store: " + ex.getMessage(), ex);
		}
	}

	private static void advisory(Connection connection, String sql) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setLong(1, STORE_LOCK);
			statement.execute();
		}
	}

	/** Pausing or resuming a job of the store. */
	private interface JobChange {

		void apply(JobKey key) throws SchedulerException;

	}

	public List<ScheduleState> states() {
		List<ScheduleState> states = new ArrayList<>();
		try {
			for (TriggerKey key : scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(GROUP))) {
				Trigger trigger = scheduler.getTrigger(key);
				if (trigger instanceof CronTrigger cron) {
					states.add(new ScheduleState(key.getName(), cron.getCronExpression(), cron.getTimeZone().getID(),
							scheduler.getTriggerState(key).name(),
							cron.getNextFireTime() == null ? null : cron.getNextFireTime().toInstant(),
							cron.getPreviousFireTime() == null ? null : cron.getPreviousFireTime().toInstant()));
				}
			}
		}
		catch (SchedulerException ex) {
			throw new ScheduleException(null, "cannot read the schedules: " + ex.getMessage(), ex);
		}
		return states;
	}

	private void ensureInstalled(String name) {
		ScheduleDefinition definition = definitions().stream()
			.filter(d -> d.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new ScheduleException(name, "no schedule '" + name + "' in " + properties.dir()
					+ " (schedules: " + definitions().stream().map(ScheduleDefinition::name).toList() + ")", null));
		try {
			if (scheduler.getTrigger(new TriggerKey(name, GROUP)) == null) {
				install(definition);
			}
		}
		catch (SchedulerException ex) {
			throw new ScheduleException(name, "cannot install schedule " + name + ": " + ex.getMessage(), ex);
		}
	}

	private void install(ScheduleDefinition definition) throws SchedulerException {
		JobDetail job = job(definition);
		CronTrigger wanted = trigger(definition, job);
		scheduler.addJob(job, true);
		TriggerKey key = wanted.getKey();
		Trigger current = scheduler.getTrigger(key);
		if (current == null) {
			scheduler.scheduleJob(wanted);
			log.info("schedule={} installed: {} ({}), next {}", definition.name(), definition.cron(),
					definition.timeZone(), scheduler.getTrigger(key).getNextFireTime());
			return;
		}
		if (current instanceof CronTrigger cron && cron.getCronExpression().equals(wanted.getCronExpression())
				&& cron.getTimeZone().getID().equals(wanted.getTimeZone().getID())
				&& cron.getMisfireInstruction() == wanted.getMisfireInstruction()) {
			return;
		}
		boolean paused = scheduler.getTriggerState(key) == Trigger.TriggerState.PAUSED;
		scheduler.rescheduleJob(key, wanted);
		if (paused) {
			scheduler.pauseTrigger(key);
		}
		log.info("schedule={} changed: {} ({}){}", definition.name(), definition.cron(), definition.timeZone(),
				paused ? ", still paused" : "");
	}

	/** The job of jobs/backup.yml: `tally backup` into tally.backup.dir, nightly. */
	static final String BACKUP_JOB = "backupJob";

	static JobDetail job(ScheduleDefinition definition) {
		return JobBuilder
			.newJob(BACKUP_JOB.equals(definition.job()) ? ScheduledBackupJob.class : ScheduledConsolidationJob.class)
			.withIdentity(definition.name(), GROUP)
			.withDescription("starts " + definition.job() + " on schedule " + definition.name())
			.usingJobData(ScheduleFire.SCHEDULE, definition.name())
			.usingJobData(ScheduledConsolidationJob.ZONE, definition.timeZone().getId())
			.usingJobData(ScheduledConsolidationJob.SOURCES, String.join(",", definition.sources()))
			.storeDurably()
			// A node that dies mid-run: another node fires the job again with
			// isRecovering().
			.requestRecovery(true)
			.build();
	}

	static CronTrigger trigger(ScheduleDefinition definition, JobDetail job) {
		CronScheduleBuilder cron = CronScheduleBuilder.cronSchedule(definition.cron())
			.inTimeZone(TimeZone.getTimeZone(definition.timeZone()));
		cron = definition.misfire() == ScheduleDefinition.Misfire.SKIP ? cron.withMisfireHandlingInstructionDoNothing()
				: cron.withMisfireHandlingInstructionFireAndProceed();
		return TriggerBuilder.newTrigger()
			.withIdentity(definition.name(), GROUP)
			.forJob(job)
			.withSchedule(cron)
			.build();
	}

}
