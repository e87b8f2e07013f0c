package org.tally.seeds;

import java.util.List;
import java.util.Random;

/**
 * Decides every value of the sample inbox from one {@link Random}, so that the published
 * figures (140 projects, 87 started, 600余亿元, 约110亿元, 64 results, 1.03亿元) hold exactly for
 * any seed. Each department has its planner; they draw in turn, ledger first, since the
 * education and health lines carry the ledger projects' funds.
 */
final class SampleInboxPlanner {

	private final Draws draws;

	SampleInboxPlanner(Random random) {
		this.draws = new Draws(random);
	}

	/** The two periods' inboxes: mid-year first. */
	record Plan(PeriodInbox midYear, PeriodInbox yearEnd) {
	}

	/** One department's lines for each period. */
	record ByPeriod<T>(List<T> midYear, List<T> yearEnd) {
	}

	Plan plan() {
		List<PlannedProject> projects = new LedgerPlanner(draws).plan();
		ByPeriod<EducationItem> education = new EducationPlanner(draws).plan(projects);
		ByPeriod<HealthRow> health = new HealthPlanner(draws).plan(projects);
		ByPeriod<ScienceItem> science = new SciencePlanner(draws).plan();

		List<LedgerRow> endLedger = projects.stream().map(p -> p.row(Period.YEAR_END)).toList();
		List<LedgerRow> midLedger = projects.subList(0, LedgerPlanner.MID_YEAR_PROJECTS)
			.stream()
			.map(p -> p.row(Period.MID_YEAR))
			.toList();
		return new Plan(
				new PeriodInbox(Period.MID_YEAR, midLedger, midLedger.size() / 2, education.midYear(), health.midYear(),
						science.midYear()),
				new PeriodInbox(Period.YEAR_END, endLedger, endLedger.size() / 2, education.yearEnd(), health.yearEnd(),
						science.yearEnd()));
	}

}
