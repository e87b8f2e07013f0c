package org.tally.answer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tally.answer.internal.AnswerProperties;
import org.tally.answer.internal.DepartmentAnswers;
import org.tally.answer.internal.MailLog;
import org.tally.catalog.Catalog;
import org.tally.mailbox.MailMessageRecord;
import org.tally.mailbox.MailRegistry;
import org.tally.pipeline.JobListeners;

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

	/** A file that came by mail is answered to its sender when no contact is named. */
	@Bean
	FileSenders mailedFileSenders(MailRegistry mailbox) {
		return file -> mailbox.origin(file.sha256()).map(MailMessageRecord::sender);
	}

	@Bean
	static BeanPostProcessor departmentAnswersOnJobs(ObjectProvider<DepartmentAnswers> answers) {
		return JobListeners.onEveryJob(answers);
	}

}
