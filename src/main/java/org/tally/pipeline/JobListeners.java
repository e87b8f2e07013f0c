package org.tally.pipeline;

import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Puts a listener on the end of every run from the module that owns it, so that the
 * pipeline need not know of it: registering on the built job is what .listener() does.
 */
public final class JobListeners {

	private JobListeners() {
	}

	/**
	 * A bean that, once every singleton exists, registers {@code listener} on each job.
	 */
	public static SmartInitializingSingleton onEveryJob(ObjectProvider<Job> jobs, JobExecutionListener listener) {
		return () -> jobs.orderedStream()
			.filter(AbstractJob.class::isInstance)
			.map(AbstractJob.class::cast)
			.forEach(job -> job.registerJobExecutionListener(listener));
	}

}
