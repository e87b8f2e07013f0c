package org.tally.pipeline;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When the latest run of the whole inbox completed, whichever process ran it: what a
 * monitoring system compares with the clock to tell a night without a successful run. A
 * department rerun (a run limited to some sources) does not count: it leaves the others'
 * files unread.
 */
@Component
public class LastSuccessfulRun {

	private final JdbcClient jdbc;

	LastSuccessfulRun(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The end of the latest completed run of every source; empty before the first. */
	public Optional<Instant> endedAt() {
		// Spring Batch writes its times as the JVM's local time without a zone
		return jdbc.sql("""
				SELECT e.end_time FROM batch_job_execution e
				JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
				WHERE i.job_name = ? AND e.status = 'COMPLETED'
				  AND NOT EXISTS (SELECT 1 FROM batch_job_execution_params p
				                  WHERE p.job_execution_id = e.job_execution_id AND p.parameter_name = ?)
				ORDER BY e.end_time DESC LIMIT 1""")
			.params(NightlyConsolidationJobConfiguration.JOB_NAME, RunLauncher.SOURCES_PARAMETER)
			.query((rs, n) -> rs.getObject(1, LocalDateTime.class))
			.optional()
			.map(end -> end.atZone(ZoneId.systemDefault()).toInstant());
	}

}
