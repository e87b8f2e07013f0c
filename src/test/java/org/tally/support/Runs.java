package org.tally.support;

import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.test.JobOperatorTestUtils;

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
