package org.tally.pipeline;

import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Puts a listener on the end of every run from the module that owns it, so that the
 * pipeline need not know of it: registering on the built job is what .listener() does.
 */
public final class JobListeners {

	private JobListeners() {
	}

	/**
	 * A bean post-processor that registers {@code listener} on each job as the job is
	 * built. The listener is made only then: a context that never builds a job (a lazily
	 * initialised read-only command) makes neither.
	 */
	public static BeanPostProcessor onEveryJob(ObjectProvider<? extends JobExecutionListener> listener) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof AbstractJob job) {
					job.registerJobExecutionListener(listener.getObject());
				}
				return bean;
			}
		};
	}

}
