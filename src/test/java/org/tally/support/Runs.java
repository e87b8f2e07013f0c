package org.tally.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.tally.pipeline.RunLauncher;
import org.tally.pipeline.RunRefusedException;
import org.tally.pipeline.RunReport;
import org.tally.pipeline.RunRequest;

/**
 * Starts nightly runs in tests and reads query results as plain text rows for compact
 * assertions.
 */
public final class Runs {

	private Runs() {
	}

	/** Runs the nightly job once; fails the test unless the run completes. */
	public static long completedRun(JobOperatorTestUtils jobs, String trigger) {
		try {
			JobExecution run = jobs
				.startJob(new JobParametersBuilder().addString("trigger", "test:" + trigger + ":" + System.nanoTime())
					.toJobParameters());
			if (run.getStatus() != BatchStatus.COMPLETED) {
				throw new AssertionError(
						"run " + trigger + " ended " + run.getStatus() + ": " + run.getAllFailureExceptions());
			}
			return run.getJobInstance().getInstanceId();
		}
		catch (AssertionError ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new AssertionError("run " + trigger + " could not start", ex);
		}
	}

	/**
	 * Launches a run through the launcher in this thread; fails the test unless the run
	 * completes.
	 */
	public static RunReport launchedRun(RunLauncher runs, String trigger) throws RunRefusedException {
		RunReport report = runs
			.launch(new RunRequest(null, "test:" + trigger + ":" + System.nanoTime(), List.of(), "test"),
					RunLauncher.IN_THIS_THREAD)
			.await();
		assertThat(report.completed()).as("run " + trigger + " completed").isTrue();
		return report;
	}

	/** Every row of a query, each as its columns' text (SQL NULL as null). */
	public static List<List<String>> rows(TestWarehouse warehouse, String sql, Object... params) {
		return warehouse.jdbc().sql(sql).params(params).query((rs, n) -> {
			List<String> row = new ArrayList<>();
			for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
				row.add(rs.getString(c));
			}
			return row;
		}).list();
	}

}
