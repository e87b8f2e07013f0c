package org.tally.operate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tally.figures.FigurePublisher;
import org.tally.pipeline.RunReport;
import org.tally.pipeline.RunSummary;
import org.tally.support.SeedInboxTest;
import org.tally.support.TallyTest;

/**
 * Given a consolidated inbox, a rerun of one period for one department is a new run that
 * gathers only its files and supersedes the period's figures.
 */
@TallyTest
class RerunTest extends SeedInboxTest {

	@Autowired
	Operations operations;

	@Autowired
	FigurePublisher figures;

	@Test
	void givenADepartmentRerun_onlyItsSourcesAreGatheredAndItsFiguresSupersede() throws Exception {
		Actor bob = newCliActor("bob", "desk-7");
		String name = bob.name();
		RunReport first = operations.runNow(null, bob);
		LocalDate end2024 = LocalDate.of(2024, 12, 31);

		RunReport rerun = operations.rerun(end2024, "finance", bob);

		assertThat(rerun.completed()).isTrue();
		assertThat(rerun.runId()).isNotEqualTo(first.runId());
		assertThat(rerun.files()).hasSize(2).allSatisfy(f -> assertThat(f.department()).isEqualTo("finance"));
		assertThat(figures.latest(end2024)).isNotEmpty()
			.allSatisfy(f -> assertThat(f.runId()).isEqualTo(rerun.runId()));
		RunSummary summary = operations.runs(1).get(0);
		assertThat(summary.runId()).isEqualTo(rerun.runId());
		assertThat(summary.asOf()).isEqualTo(end2024);
		assertThat(summary.sources()).containsExactly("finance");
		assertThat(summary.trigger()).startsWith("rerun:2024-12-31:finance:");
		assertThat(summary.startedBy()).isEqualTo("cli:" + name + "@desk-7");
		assertThat(summary.steps()).filteredOn(s -> s.name().equals("gatherSourceFilesStep"))
			.singleElement()
			.satisfies(s -> assertThat(s.read()).isEqualTo(2));
		assertThat(
				warehouse.strings("SELECT action || ' ' || outcome FROM ops.audit WHERE actor = ? ORDER BY id", name))
			.containsExactly("run ok", "rerun ok");
	}

}
