package org.tally.pipeline;

import java.time.LocalDate;
import java.util.List;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * A run to start: the period to publish (null: every period with data), the trigger that
 * names the run (the same trigger is the same run), the sources or departments to gather
 * (empty: all) and who asked (cli:user@host, web:user@address, schedule:nightly).
 */
public record RunRequest(LocalDate asOf, String trigger, List<String> sources, String startedBy) {

	public RunRequest {
		if (trigger == null || trigger.isBlank()) {
			throw new IllegalArgumentException("a run needs a trigger naming it");
		}
		sources = sources == null ? List.of() : List.copyOf(sources);
		startedBy = startedBy == null || startedBy.isBlank() ? "unknown" : startedBy;
	}

	/** The job parameters that identify this run (trigger, as-of) and carry the rest. */
	JobParameters jobParameters() {
		JobParametersBuilder parameters = new JobParametersBuilder().addString("trigger", trigger());
		if (asOf() != null) {
			parameters.addLocalDate("asOf", asOf());
		}
		if (!sources().isEmpty()) {
			parameters.addString(RunLauncher.SOURCES_PARAMETER, String.join(",", sources()), false);
		}
		parameters.addString("startedBy", startedBy(), false);
		return parameters.toJobParameters();
	}

}
