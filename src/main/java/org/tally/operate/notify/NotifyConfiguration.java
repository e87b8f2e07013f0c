package org.tally.operate.notify;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.tally.figures.FigurePublisher;
import org.tally.figures.PressFigures;
import org.tally.ingest.LoadRegistry;
import org.tally.pipeline.JobListeners;

/**
 * Wires the run notifier onto the jobs from here, so the pipeline (which the operate
 * module depends on) need not know of notifications: registering on the built job is what
 * .listener() does.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotifyProperties.class)
class NotifyConfiguration {

	@Bean
	RunNotifier runNotifier(NotifyProperties properties, LoadRegistry registry, FigurePublisher publisher,
			PressFigures press, @Value("${tally.web.base-url:http://localhost:8080}") String baseUrl,
			ObjectProvider<JavaMailSender> mail) {
		return new RunNotifier(properties, new RunEvents(registry, publisher, press, baseUrl), mail);
	}

	@Bean
	static BeanPostProcessor runNotifierOnJobs(ObjectProvider<RunNotifier> notifier) {
		return JobListeners.onEveryJob(notifier);
	}

}
