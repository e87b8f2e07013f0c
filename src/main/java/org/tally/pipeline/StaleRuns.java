package org.tally.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * Finds the executions left STARTED by processes that died and marks them FAILED, so that
 * they can be restarted.
 */
@Component
class StaleRuns {

	private static final Logger log = LoggerFactory.getLogger(StaleRuns.class);

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final RunOwners owners;

	StaleRuns(JobOperator jobOperator, JobRepository jobRepository, RunOwners owners) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.owners = owners;
	}

	List<StaleRun> recover(boolean holdingLock) {
		List<StaleRun> recovered = new ArrayList<>();
		for (JobExecution execution : running()) {
			Optional<String> death = owners.deathOf(execution.getId(), holdingLock);
			if (death.isPresent()) {
				markFailed(execution, death.get());
				recovered.add(new StaleRun(execution.getJobInstance().getInstanceId(), execution.getId(), death.get()));
			}
		}
		return recovered;
	}

	void markFailed(JobExecution stale, String why) {
		JobExecution execution = jobRepository.getJobExecution(stale.getId());
		String reason = "recovered by " + owners.host() + ":" + owners.pid() + ": " + why;
		log.warn("run={} execution={} left {} by a dead process; marking it FAILED: {}",
				execution.getJobInstance().getInstanceId(), execution.getId(), execution.getStatus(), why);
		execution.setExitStatus(ExitStatus.FAILED.addExitDescription(reason));
		for (StepExecution step : execution.getStepExecutions()) {
			if (step.getStatus().isRunning()) {
				step.setExitStatus(ExitStatus.FAILED.addExitDescription(reason));
			}
		}
		jobOperator.recover(execution);
	}

	/** The executions still marked running, oldest first. */
	List<JobExecution> running() {
		return jobRepository.findRunningJobExecutions(NightlyConsolidationJobConfiguration.JOB_NAME)
			.stream()
			.sorted(Comparator.comparingLong(JobExecution::getId))
			.toList();
	}

}
