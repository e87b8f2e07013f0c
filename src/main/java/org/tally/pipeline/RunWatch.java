package org.tally.pipeline;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;
import org.tally.ingest.FileRecord;
import org.tally.ingest.LoadRegistry;
import org.tally.ingest.LoadStatus;
import org.tally.ingest.ReadProgress;

/**
 * What someone watching a run sees, read from the job repository and the load registry
 * only: so the console follows a run that another process (the command line, another
 * node) runs just as well as its own. The file being read comes from the ingest step's
 * execution context, saved with every chunk the step commits: no write of its own, and at
 * most one chunk behind.
 */
@Component
public class RunWatch {

	private static final String INGEST_STEP = "ingestSourceFilesStep";

	/** How long after its end a run that still holds the run lock counts as finishing. */
	private static final Duration FINISHING = Duration.ofMinutes(1);

	private final JobRepository jobRepository;

	private final LoadRegistry registry;

	private final RunLock lock;

	RunWatch(JobRepository jobRepository, LoadRegistry registry, RunLock lock) {
		this.jobRepository = jobRepository;
		this.registry = registry;
		this.lock = lock;
	}

	/** The run's progress; empty when there is no such run. */
	public Optional<RunProgress> progress(long runId) {
		JobInstance instance = jobRepository.getJobInstance(runId);
		if (instance == null || !NightlyConsolidationJobConfiguration.JOB_NAME.equals(instance.getJobName())) {
			return Optional.empty();
		}
		JobExecution last = jobRepository.getLastJobExecution(instance);
		if (last == null) {
			return Optional.empty();
		}
		// Read again by id: with each step's execution context.
		JobExecution execution = jobRepository.getJobExecution(last.getId());
		List<StepExecution> steps = execution.getStepExecutions()
			.stream()
			.sorted(Comparator.comparingLong(StepExecution::getId))
			.toList();
		boolean running = execution.getStatus().isRunning();
		String step = running ? steps.stream()
			.filter(s -> s.getStatus().isRunning())
			.reduce((first, second) -> second)
			.map(StepExecution::getStepName)
			.orElse(null) : null;
		Optional<ReadProgress> reading = steps.stream()
			.filter(s -> running && s.getStatus().isRunning() && INGEST_STEP.equals(s.getStepName()))
			.findFirst()
			.flatMap(s -> ReadProgress.of(s.getExecutionContext()));
		boolean finishing = !running && execution.getEndTime() != null
				&& execution.getEndTime().isAfter(LocalDateTime.now().minus(FINISHING)) && lock.held();
		return Optional.of(new RunProgress(runId, execution.getStatus().name(), running, finishing, step,
				steps.stream()
					.map(s -> new RunProgress.Step(s.getStepName(), s.getStatus().name(), s.getReadCount(),
							s.getWriteCount(), s.getSkipCount(), s.getProcessSkipCount()))
					.toList(),
				registry.files(runId).stream().map(f -> file(f, reading)).toList()));
	}

	private static RunProgress.File file(FileRecord file, Optional<ReadProgress> reading) {
		Optional<ReadProgress> now = reading.filter(r -> r.filePath().equals(file.filePath()));
		if (now.isPresent() && file.status() == LoadStatus.PENDING) {
			ReadProgress read = now.get();
			return new RunProgress.File(file.filePath(), file.sourceId(), "reading", file.sizeBytes(), read.rows(),
					read.percent() < 0 ? null : Math.floor(read.percent() * 10) / 10, Math.round(read.rowsPerSecond()),
					read.remaining().map(left -> left.toSeconds()).orElse(null));
		}
		Double percent = switch (file.status()) {
			case PENDING -> 0.0;
			case STAGED, LOADED, SUPERSEDED, REJECTED -> 100.0;
			case DUPLICATE, QUARANTINED, ABANDONED -> null;
		};
		return new RunProgress.File(file.filePath(), file.sourceId(), file.status().sql(), file.sizeBytes(),
				file.rowsRead() == null ? null : file.rowsRead().longValue(), percent, null, null);
	}

}
