package org.tally.answer;

import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.job.Job;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tally.answer.internal.AnswerProperties;
import org.tally.answer.internal.DepartmentAnswers;
import org.tally.answer.internal.MailLog;
import org.tally.catalog.Catalog;

/**
 * Puts the departments' answer on the end of every run from here, so that the pipeline
 * need not know of it: registering on the built job is what .listener() does.
 */
@Configuration(proxyBeanMethods = false)
class AnswerConfiguration {

	@Bean
	DepartmentAnswers departmentAnswers(AnswerProperties properties, DepartmentRejects rejects,
			MarkedCopies markedCopies, MailLog mails, Catalog catalog, ObjectProvider<FileSenders> senders) {
		return new DepartmentAnswers(properties, rejects, markedCopies, mails, catalog, senders);
	}

	@Bean
	SmartInitializingSingleton departmentAnswersOnJobs(ObjectProvider<Job> jobs, DepartmentAnswers answers) {
		return () -> jobs.orderedStream()
			.filter(AbstractJob.class::isInstance)
			.map(AbstractJob.class::cast)
			.forEach(job -> job.registerJobExecutionListener(answers));
	}

}
