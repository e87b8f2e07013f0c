package org.tally.pipeline;

import java.time.Duration;
import java.time.LocalDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * Records which process owns each execution; puts the run id and step name into the MDC
 * around each job and step, and clears them after.
 */
@Component
class RunContextListener implements JobExecutionListener, StepExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(RunContextListener.class);

	private final RunOwners owners;

	RunContextListener(RunOwners owners) {
		this.owners = owners;
	}

	@Override
	public void beforeJob(JobExecution execution) {
		MDC.put("run", String.valueOf(execution.getJobInstance().getInstanceId()));
		owners.claim(execution);
		log.info("run={} started ({}), parameters {}", execution.getJobInstance().getInstanceId(),
				execution.getJobInstance().getJobName(), execution.getJobParameters());
	}

	@Override
	public void afterJob(JobExecution execution) {
		log.info("run={} finished: {}", execution.getJobInstance().getInstanceId(), execution.getStatus());
		MDC.remove("run");
		MDC.remove("step");
	}

	@Override
	public void beforeStep(StepExecution step) {
		MDC.put("run", String.valueOf(step.getJobExecution().getJobInstance().getInstanceId()));
		MDC.put("step", step.getStepName());
		log.info("run={} step {} started", step.getJobExecution().getJobInstance().getInstanceId(), step.getStepName());
	}

	@Override
	public ExitStatus afterStep(StepExecution step) {
		Duration took = step.getStartTime() == null ? Duration.ZERO
				: Duration.between(step.getStartTime(), LocalDateTime.now());
		log.info("run={} step {} {} in {} ms: read {}, written {}, skipped {}",
				step.getJobExecution().getJobInstance().getInstanceId(), step.getStepName(), step.getStatus(),
				took.toMillis(), step.getReadCount(), step.getWriteCount(), step.getSkipCount());
		MDC.remove("step");
		return step.getExitStatus();
	}

}
