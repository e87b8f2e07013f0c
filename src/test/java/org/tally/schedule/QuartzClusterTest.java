package org.tally.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TimeZone;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.CronScheduleBuilder;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;
import org.tally.support.TallyTest;

/**
 * Given two clustered schedulers (two nodes: different instance ids, one job store on the
 * same PostgreSQL, the production Quartz settings), a trigger fires exactly once, and a
 * cron trigger that missed many nights fires once at start-up, not once per missed night.
 */
@TallyTest
class QuartzClusterTest {

	private static final String CLUSTER = "tally-cluster-test";

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	private final List<SchedulerFactoryBean> nodes = new ArrayList<>();

	@BeforeEach
	void emptyStore() {
		jdbc.sql("DROP TABLE IF EXISTS ops_test_fire").update();
		jdbc.sql(
				"CREATE TABLE ops_test_fire (id bigserial PRIMARY KEY, job text, node text, recovering boolean, original bigint,"
						+ " at timestamptz DEFAULT now())")
			.update();
		for (String table : List.of("qrtz_fired_triggers", "qrtz_cron_triggers", "qrtz_simple_triggers",
				"qrtz_triggers", "qrtz_job_details", "qrtz_scheduler_state", "qrtz_locks",
				"qrtz_paused_trigger_grps")) {
			jdbc.sql("DELETE FROM " + table + " WHERE sched_name = ?").param(CLUSTER).update();
		}
	}

	@AfterEach
	void stopNodes() throws SchedulerException {
		for (SchedulerFactoryBean node : nodes) {
			node.destroy();
		}
	}

	@Test
	void givenTwoNodes_aTriggerFiresExactlyOnce() throws Exception {
		JobDetail job = JobBuilder.newJob(RecordingJob.class)
			.withIdentity("once", "test")
			.requestRecovery(true)
			.build();
		twoNodesStartedWith(job,
				TriggerBuilder.newTrigger()
					.withIdentity("once", "test")
					.startAt(Date.from(Instant.now().plusSeconds(2)))
					.withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
					.build());
		awaitFires("once", 1, Duration.ofSeconds(20));
		awaitNothingLeftToFire("once", Duration.ofSeconds(20));

		assertThat(fires("once")).isEqualTo(1);
		assertThat(jdbc.sql("SELECT count(*) FROM qrtz_scheduler_state WHERE sched_name = ?")
			.param(CLUSTER)
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void givenACronTriggerThatMissedTenNights_itFiresOnceAtStartUp() throws Exception {
		JobDetail job = JobBuilder.newJob(RecordingJob.class).withIdentity("nightly", "test").build();
		Scheduler a = twoNodesStartedWith(job,
				TriggerBuilder.newTrigger()
					.withIdentity("nightly", "test")
					.startAt(Date.from(Instant.now().minus(Duration.ofDays(10))))
					.withSchedule(CronScheduleBuilder.cronSchedule("0 30 2 * * ?")
						.inTimeZone(TimeZone.getTimeZone("Asia/Shanghai"))
						.withMisfireHandlingInstructionFireAndProceed())
					.build());
		awaitFires("nightly", 1, Duration.ofSeconds(20));
		awaitNextFireAhead("nightly", Duration.ofSeconds(20));

		assertThat(fires("nightly")).isEqualTo(1);
		Date next = a.getTrigger(new TriggerKey("nightly", "test")).getNextFireTime();
		assertThat(next.toInstant()).isAfter(Instant.now());
	}

	@Test
	void givenTheNodeRunningAJobDies_theOtherNodeRefiresItAsARecoveryWithTheOriginalFireTime() throws Exception {
		Scheduler a = node("node-a");
		JobDetail job = JobBuilder.newJob(SlowJob.class).withIdentity("slow", "test").requestRecovery(true).build();
		Instant scheduled = Instant.now().plusSeconds(1);
		a.scheduleJob(job,
				TriggerBuilder.newTrigger().withIdentity("slow", "test").startAt(Date.from(scheduled)).build());
		a.start();
		awaitFires("slow", 1, Duration.ofSeconds(20));

		// Node A stops checking in while its job is still running: as far as the cluster
		// can tell, it died.
		a.shutdown(false);
		Scheduler b = node("node-b");
		b.start();
		awaitFires("slow", 2, Duration.ofSeconds(40));

		assertThat(jdbc.sql(
				"SELECT node || ' ' || recovering || ' ' || original FROM ops_test_fire WHERE job = 'slow' ORDER BY id")
			.query(String.class)
			.list())
			.containsExactly("node-a false " + scheduled.toEpochMilli(), "node-b true " + scheduled.toEpochMilli());
	}

	/** Node A schedules the job, then it and node B start; returns node A. */
	private Scheduler twoNodesStartedWith(JobDetail job, Trigger trigger) throws Exception {
		Scheduler a = node("node-a");
		Scheduler b = node("node-b");
		a.scheduleJob(job, trigger);
		a.start();
		b.start();
		return a;
	}

	private Scheduler node(String instanceId) throws Exception {
		SchedulerFactoryBean factory = new SchedulerFactoryBean();
		factory.setDataSource(dataSource);
		factory.setSchedulerName(CLUSTER);
		factory.setBeanName(CLUSTER + "-" + instanceId);
		factory.setAutoStartup(false);
		factory.setSchedulerContextAsMap(Map.of("jdbc", jdbc));
		Properties properties = new Properties();
		properties.put("org.quartz.scheduler.instanceId", instanceId);
		properties.put("org.quartz.jobStore.isClustered", "true");
		properties.put("org.quartz.jobStore.clusterCheckinInterval", "1000");
		properties.put("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
		properties.put("org.quartz.threadPool.threadCount", "2");
		factory.setQuartzProperties(properties);
		factory.afterPropertiesSet();
		nodes.add(factory);
		return factory.getScheduler();
	}

	private long fires(String job) {
		return jdbc.sql("SELECT count(*) FROM ops_test_fire WHERE job = ?").param(job).query(Long.class).single();
	}

	private void awaitFires(String job, long count, Duration timeout) {
		await().atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() -> fires(job) >= count);
	}

	/**
	 * A one-shot trigger that fired is gone from the store, and no execution of it is in
	 * flight on any node: a wrong second fire would have been recorded by then.
	 */
	private void awaitNothingLeftToFire(String trigger, Duration timeout) {
		await().atMost(timeout)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> count("qrtz_triggers", trigger) == 0 && count("qrtz_fired_triggers", trigger) == 0);
	}

	/**
	 * No execution of the trigger is in flight and its next fire time lies ahead: a
	 * catch-up fire for each missed night would have kept it in the past until the last
	 * one.
	 */
	private void awaitNextFireAhead(String trigger, Duration timeout) {
		await().atMost(timeout)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> count("qrtz_fired_triggers", trigger) == 0 && jdbc.sql(
					"SELECT count(*) FROM qrtz_triggers WHERE sched_name = ? AND trigger_name = ? AND next_fire_time > ?")
				.params(CLUSTER, trigger, System.currentTimeMillis())
				.query(Long.class)
				.single() == 1);
	}

	private long count(String quartzTable, String trigger) {
		return jdbc.sql("SELECT count(*) FROM " + quartzTable + " WHERE sched_name = ? AND trigger_name = ?")
			.params(CLUSTER, trigger)
			.query(Long.class)
			.single();
	}

	/**
	 * Records its fire (with the original fire time a recovery carries), then runs until
	 * interrupted.
	 */
	public static class SlowJob implements Job {

		@Override
		public void execute(JobExecutionContext context) {
			try {
				JdbcClient jdbc = (JdbcClient) context.getScheduler().getContext().get("jdbc");
				Instant original = ScheduledConsolidationJob.scheduledFireTime(context);
				jdbc.sql("INSERT INTO ops_test_fire (job, node, recovering, original) VALUES (?, ?, ?, ?)")
					.params("slow", context.getScheduler().getSchedulerInstanceId(), context.isRecovering(),
							original.toEpochMilli())
					.update();
				if (!context.isRecovering()) {
					Thread.sleep(60_000);
				}
			}
			catch (SchedulerException ex) {
				throw new IllegalStateException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

	/** Records each fire, with the node that fired it. */
	@DisallowConcurrentExecution
	public static class RecordingJob implements Job {

		@Override
		public void execute(JobExecutionContext context) {
			try {
				JdbcClient jdbc = (JdbcClient) context.getScheduler().getContext().get("jdbc");
				jdbc.sql("INSERT INTO ops_test_fire (job, node) VALUES (?, ?)")
					.params(context.getJobDetail().getKey().getName(), context.getScheduler().getSchedulerInstanceId())
					.update();
			}
			catch (SchedulerException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
