package org.tally.operate.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tally.backup.ScheduledBackups;
import org.tally.figures.FigureStatuses;
import org.tally.ingest.LoadRegistry;
import org.tally.pipeline.JobListeners;
import org.tally.pipeline.LastSuccessfulRun;
import org.tally.reconcile.Reconciler;

/**
 * Tally's metrics for `/actuator/prometheus` (docs/operations.md, "Metrics"): counted by
 * a listener wired onto the jobs from here, as the notifier is, so the pipeline need not
 * know of them. Only the web application serves them; a CLI command's counts would end
 * with its process unread.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class MetricsConfiguration {

	@Bean
	RunMetrics runMetrics(MeterRegistry registry, LoadRegistry loads, Reconciler reconciler) {
		return new RunMetrics(registry, loads, reconciler);
	}

	@Bean
	static BeanPostProcessor runMetricsOnJobs(ObjectProvider<RunMetrics> metrics) {
		return JobListeners.onEveryJob(metrics);
	}

	@Bean
	StateGauges stateGauges(LastSuccessfulRun lastRun, ScheduledBackups backups, FigureStatuses figures) {
		return new StateGauges(lastRun, backups, figures);
	}

}
