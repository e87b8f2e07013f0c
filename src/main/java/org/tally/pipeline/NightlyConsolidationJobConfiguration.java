package org.tally.pipeline;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.tally.catalog.Catalog;
import org.tally.figures.FigurePublisher;
import org.tally.ingest.IngestProgress;
import org.tally.ingest.IngestProperties;
import org.tally.ingest.LoadRegistry;
import org.tally.ingest.SourceFileGatherer;
import org.tally.mailbox.MailboxGatherer;
import org.tally.reconcile.Reconciler;
import org.tally.validate.RejectRecorder;
import org.tally.validate.RowRejectedException;
import org.tally.validate.RowValidator;
import org.tally.warehouse.DatasetTables;
import org.tally.warehouse.LoadPromoter;
import org.tally.warehouse.StagedRow;
import org.tally.warehouse.StagedRowEncoder;
import org.tally.warehouse.StagingWriter;

/**
 * The nightly consolidation, top to bottom: prepare the dataset tables, gather the inbox,
 * ingest every new file into staging (rejecting bad rows), promote the loads, reconcile,
 * publish figures.
 */
@Configuration(proxyBeanMethods = false)
class NightlyConsolidationJobConfiguration {

	static final String JOB_NAME = "nightlyConsolidationJob";

	@Bean
	Job nightlyConsolidationJob(JobRepository jobRepository, Step prepareDatasetTablesStep, Step gatherSourceFilesStep,
			Step ingestSourceFilesStep, Step promoteLoadsStep, Step reconcileChecksStep, Step publishFiguresStep,
			RunContextListener runContextListener) {
		return new JobBuilder(JOB_NAME, jobRepository).listener(runContextListener)
			.start(prepareDatasetTablesStep)
			.next(gatherSourceFilesStep)
			.next(ingestSourceFilesStep)
			.next(promoteLoadsStep)
			.next(reconcileChecksStep)
			.next(publishFiguresStep)
			.build();
	}

	@Bean
	Step prepareDatasetTablesStep(TaskletSteps steps, DatasetTables tables) {
		return steps.step("prepareDatasetTablesStep", (contribution, chunk) -> {
			tables.prepare();
			return RepeatStatus.FINISHED;
		});
	}

	@Bean
	Step gatherSourceFilesStep(TaskletSteps steps, SourceFileGatherer gatherer, MailboxGatherer mailboxes) {
		return steps.step("gatherSourceFilesStep", (contribution, chunk) -> {
			// The mailboxes first: what departments mailed is in their inbox folders by
			// the time the folders are read. Each message commits on its own, not with
			// this step.
			if (mailboxes.configured()) {
				mailboxes.gather(RunIds.of(chunk));
			}
			// Only the sources or departments asked for (a department rerun);
			// none named:
			// all of them.
			Object only = chunk.getStepContext().getJobParameters().get(RunLauncher.SOURCES_PARAMETER);
			var summary = gatherer.gather(RunIds.of(chunk),
					only == null ? Set.of() : Set.of(only.toString().split(",")));
			for (int i = 0; i < summary.filesSeen(); i++) {
				contribution.incrementReadCount();
			}
			contribution.incrementWriteCount(summary.newFiles());
			return RepeatStatus.FINISHED;
		});
	}

	/**
	 * Built for each run (job scope), so that its reader and processor are plain objects
	 * with the run in hand: as step-scoped beans each stood behind a proxy that cost a
	 * reflective call per row. Each row is checked and encoded for COPY on its file's
	 * reading thread, while its cells are still in cache.
	 */
	@Bean
	@JobScope
	Step ingestSourceFilesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			@Value("#{jobExecution.jobInstance.instanceId}") long runId, Catalog catalog, LoadRegistry registry,
			IngestProperties ingest, IngestProgress progress, JdbcClient jdbc, StagingWriter stagingWriter,
			RejectRecorder rejectRecorder, RunContextListener listener, LeaseCheckListener leaseCheck,
			PipelineProperties properties) {
		ValidatingRowReader reader = new ValidatingRowReader(runId, catalog, registry, ingest, progress,
				new RowValidator(catalog, jdbc), new StagedRowEncoder());
		RejectLogLines rejectLines = new RejectLogLines(runId, properties.rejectsLoggedPerFile());
		return new StepBuilder("ingestSourceFilesStep", jobRepository).<ValidatingRowReader.ReadRow, StagedRow>chunk(
				properties.chunkSize())
			.transactionManager(transactionManager)
			.reader(reader)
			.processor(ValidatingRowReader.ReadRow::outcome)
			.writer(stagingWriter)
			.faultTolerant()
			.skip(RowRejectedException.class)
			.skipLimit(properties.skipLimit())
			.skipListener(new SkipListener<ValidatingRowReader.ReadRow, StagedRow>() {
				@Override
				public void onSkipInProcess(ValidatingRowReader.ReadRow row, Throwable failure) {
					rejectRecorder.onSkipInProcess(row.source(), failure);
					rejectLines.rejected(row.source(), failure);
				}
			})
			.listener(listener)
			.listener(leaseCheck)
			.listener(rejectLines)
			.build();
	}

	@Bean
	Step promoteLoadsStep(TaskletSteps steps, LoadPromoter promoter) {
		return steps.step("promoteLoadsStep", (contribution, chunk) -> {
			var summary = promoter.promote(RunIds.of(chunk));
			contribution.incrementWriteCount(summary.rowsLoaded());
			return RepeatStatus.FINISHED;
		});
	}

	@Bean
	Step reconcileChecksStep(TaskletSteps steps, Reconciler reconciler, LoadRegistry registry) {
		return steps.step("reconcileChecksStep", (contribution, chunk) -> {
			var outcomes = reconciler.reconcile(RunIds.of(chunk),
					periods(chunk.getStepContext().getJobParameters().get("asOf"), registry));
			outcomes.forEach(outcome -> contribution.incrementReadCount());
			return RepeatStatus.FINISHED;
		});
	}

	@Bean
	Step publishFiguresStep(TaskletSteps steps, FigurePublisher publisher, Reconciler reconciler,
			LoadRegistry registry) {
		return steps.step("publishFiguresStep", (contribution, chunk) -> {
			long runId = RunIds.of(chunk);
			for (LocalDate period : periods(chunk.getStepContext().getJobParameters().get("asOf"), registry)) {
				int published = publisher.publish(runId, period, reconciler.outcomes(runId, period)).size();
				contribution.incrementWriteCount(published);
			}
			return RepeatStatus.FINISHED;
		});
	}

	@Bean
	StagingWriter stagingWriter(DataSource dataSource, JdbcClient jdbc, LoadRegistry registry) {
		return new StagingWriter(dataSource, jdbc, registry);
	}

	@Bean
	RejectRecorder rejectRecorder(JdbcClient jdbc) {
		return new RejectRecorder(jdbc);
	}

	/** Without an as-of date a run publishes every period that has current loads. */
	private static List<LocalDate> periods(Object asOf, LoadRegistry registry) {
		return asOf instanceof LocalDate date ? List.of(date) : registry.currentPeriods();
	}

	@Bean
	TaskletSteps taskletSteps(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			RunContextListener listener) {
		return new TaskletSteps(jobRepository, transactionManager, listener);
	}

	/**
	 * What the job's one-transaction steps are built with; each step bean adds only its
	 * name and its work.
	 */
	record TaskletSteps(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			RunContextListener listener) {

		Step step(String name, Tasklet tasklet) {
			return new StepBuilder(name, jobRepository).tasklet(tasklet, transactionManager).listener(listener).build();
		}

	}

}
