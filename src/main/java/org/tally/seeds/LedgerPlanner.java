package org.tally.seeds;

import static org.tally.seeds.SampleNames.EDUCATION;
import static org.tally.seeds.SampleNames.HEALTH;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Plans the finance bureau's project ledger: 140 projects by year-end (118 by mid-year),
 * 87 started, 16 completed, 600余亿元 committed and 约110亿元 completed, to the cent.
 */
final class LedgerPlanner {

	static final int PROJECTS = 140;

	static final int MID_YEAR_PROJECTS = 118;

	static final int STARTED = 87;

	static final int COMPLETED = 16;

	static final int MID_YEAR_STARTED = 61;

	static final BigDecimal COMMITTED_TOTAL = new BigDecimal("6023745.00");

	static final BigDecimal COMPLETED_TOTAL = new BigDecimal("1098563.25");

	private static final int STARTED_IN_SECOND_HALF = 4;

	private static final int COMPLETED_BY_MID_YEAR = 9;

	private static final int FUNDED_OUTSIDE_EDUCATION_AND_HEALTH = 10;

	private static final int ZERO_FUND_ROWS = 6;

	/**
	 * Projects per field among the 118 signed by mid-year, in {@link SampleNames#FIELDS}
	 * order.
	 */
	private static final List<Integer> MID_YEAR_FIELD_COUNTS = List.of(26, 12, 13, 11, 14, 15, 13, 14);

	/**
	 * Projects per field among the 22 signed in the second half, in
	 * {@link SampleNames#FIELDS} order.
	 */
	private static final List<Integer> SECOND_HALF_FIELD_COUNTS = List.of(5, 3, 3, 3, 2, 2, 2, 2);

	private static final BigDecimal THOUSAND = new BigDecimal("1000");

	private final Draws draws;

	LedgerPlanner(Draws draws) {
		this.draws = draws;
	}

	List<PlannedProject> plan() {
		List<String> fields = new ArrayList<>(expand(MID_YEAR_FIELD_COUNTS));
		draws.shuffle(fields);
		List<String> secondHalfFields = new ArrayList<>(expand(SECOND_HALF_FIELD_COUNTS));
		draws.shuffle(secondHalfFields);
		fields.addAll(secondHalfFields);

		// Every county has a project by mid-year already, so both ledgers cover all
		// twelve.
		List<String> counties = new ArrayList<>(SampleNames.COUNTIES);
		while (counties.size() < MID_YEAR_PROJECTS) {
			counties.add(draws.county());
		}
		draws.shuffle(counties);
		while (counties.size() < PROJECTS) {
			counties.add(draws.county());
		}

		List<PlannedProject> projects = new ArrayList<>();
		Set<String> names = new HashSet<>();
		List<BigDecimal> weights = new ArrayList<>();
		for (int i = 0; i < PROJECTS; i++) {
			PlannedProject p = new PlannedProject();
			p.index = i;
			p.code = String.format(Locale.ROOT, "JC2023-%04d", i + 1);
			p.field = fields.get(i);
			p.county = counties.get(i);
			p.name = uniqueName(p.county, p.field, names);
			p.partner = draws.pick(SampleNames.PARTNERS.get(p.field));
			int weight = 3000 + draws.nextInt(57000);
			weights.add(BigDecimal.valueOf(draws.nextInt(100) < 12 ? weight * 4L : weight));
			projects.add(p);
		}
		List<BigDecimal> committed = Allocation.split(COMMITTED_TOTAL, Draws.CENT, weights);
		for (PlannedProject p : projects) {
			p.committed = committed.get(p.index);
		}

		planStatuses(projects);
		planCompletion(projects);
		planFunds(projects);
		planTextAmounts(projects);
		return projects;
	}

	private void planStatuses(List<PlannedProject> projects) {
		List<Integer> old = Draws.range(0, MID_YEAR_PROJECTS);
		List<Integer> fresh = Draws.range(MID_YEAR_PROJECTS, PROJECTS);
		List<Integer> startedOld = draws.choose(old, STARTED - STARTED_IN_SECOND_HALF);
		List<Integer> startedFresh = draws.choose(fresh, STARTED_IN_SECOND_HALF);
		List<Integer> midStarted = draws.choose(startedOld, MID_YEAR_STARTED);
		List<Integer> completedEnd = draws.choose(midStarted, COMPLETED);
		List<Integer> completedMid = draws.choose(completedEnd, COMPLETED_BY_MID_YEAR);

		for (int i : startedOld) {
			projects.get(i).endStatus = Status.STARTED;
		}
		for (int i : startedFresh) {
			projects.get(i).endStatus = Status.STARTED;
		}
		for (int i : midStarted) {
			projects.get(i).midStatus = Status.STARTED;
		}
		for (int i : completedEnd) {
			projects.get(i).endStatus = Status.COMPLETED;
		}
		for (int i : completedMid) {
			projects.get(i).midStatus = Status.COMPLETED;
		}
		for (PlannedProject p : projects) {
			p.endStatusText = p.endStatus.label();
			p.midStatusText = p.midStatus.label();
		}
		List<Integer> endSynonyms = draws.choose(indicesWhere(projects, p -> p.endStatus == Status.STARTED), 5);
		for (int k = 0; k < endSynonyms.size(); k++) {
			projects.get(endSynonyms.get(k)).endStatusText = k < 3 ? "在建" : "已开工";
		}
		List<Integer> midSynonyms = draws
			.choose(indicesWhere(projects.subList(0, MID_YEAR_PROJECTS), p -> p.midStatus == Status.STARTED), 3);
		for (int k = 0; k < midSynonyms.size(); k++) {
			projects.get(midSynonyms.get(k)).midStatusText = k < 2 ? "在建" : "已开工";
		}

		LocalDate firstSigning = LocalDate.of(2022, 6, 1);
		LocalDate secondHalf = LocalDate.of(2024, 7, 1);
		for (PlannedProject p : projects) {
			if (p.endStatus == Status.COMPLETED) {
				p.startDate = firstSigning.plusDays(draws.nextInt(400));
			}
			else if (p.midStatus.started()) {
				p.startDate = LocalDate.of(2022, 9, 1).plusDays(draws.nextInt(650));
			}
			else if (p.endStatus.started()) {
				p.startDate = secondHalf.plusDays(draws.nextInt(170));
			}
		}
		for (int i : draws.choose(midStarted, 2)) {
			projects.get(i).dateAsText = true;
		}
	}

	private void planCompletion(List<PlannedProject> projects) {
		List<PlannedProject> started = projects.stream().filter(p -> p.endStatus.started()).toList();
		List<BigDecimal> weights = new ArrayList<>();
		for (PlannedProject p : started) {
			int percent;
			if (p.endStatus == Status.COMPLETED) {
				percent = 80 + draws.nextInt(21);
			}
			else if (p.midStatus.started()) {
				percent = 10 + draws.nextInt(41);
			}
			else {
				percent = 2 + draws.nextInt(11);
			}
			weights.add(p.committed.multiply(BigDecimal.valueOf(percent)));
		}
		List<BigDecimal> caps = started.stream().map(p -> p.committed).toList();
		List<BigDecimal> completed = Allocation.split(COMPLETED_TOTAL, Draws.CENT, weights, caps);
		for (int k = 0; k < started.size(); k++) {
			PlannedProject p = started.get(k);
			p.endCompleted = completed.get(k);
			if (p.midStatus == Status.COMPLETED) {
				p.midCompleted = p.endCompleted;
			}
			else if (p.midStatus.started()) {
				p.midCompleted = positive(Draws.share(p.endCompleted, 35 + draws.nextInt(51)));
			}
		}
	}

	private void planFunds(List<PlannedProject> projects) {
		List<Integer> others = indicesWhere(projects, p -> !p.field.equals(EDUCATION) && !p.field.equals(HEALTH));
		Set<Integer> fundedOthers = new HashSet<>(draws.choose(others, FUNDED_OUTSIDE_EDUCATION_AND_HEALTH));
		for (PlannedProject p : projects) {
			boolean funded = fundedOthers.contains(p.index) || p.field.equals(EDUCATION) || p.field.equals(HEALTH);
			if (!funded) {
				continue;
			}
			p.fundArranged = switch (p.field) {
				case EDUCATION -> draws.amount(20, 800);
				case HEALTH -> draws.amount(80, 2500);
				default -> draws.amount(100, 3000);
			};
			int paidPercent = draws.nextInt(100) < 15 ? 100 : 50 + draws.nextInt(50);
			p.endFundPaid = Draws.share(p.fundArranged, paidPercent);
			if (p.index < MID_YEAR_PROJECTS) {
				p.midFundPaid = Draws.share(p.endFundPaid, 30 + draws.nextInt(61));
			}
		}
		// Some clerks type 0 where others leave the cell empty.
		List<Integer> unfunded = indicesWhere(projects.subList(0, MID_YEAR_PROJECTS), p -> p.fundArranged == null);
		for (int i : draws.choose(unfunded, ZERO_FUND_ROWS)) {
			PlannedProject p = projects.get(i);
			p.fundArranged = BigDecimal.ZERO.setScale(2);
			p.endFundPaid = p.fundArranged;
			p.midFundPaid = p.fundArranged;
		}
	}

	private void planTextAmounts(List<PlannedProject> projects) {
		for (int i : draws.choose(indicesWhere(projects, p -> p.committed.compareTo(THOUSAND) >= 0), 3)) {
			projects.get(i).endCommittedText = true;
		}
		for (int i : draws.choose(
				indicesWhere(projects, p -> p.endCompleted != null && p.endCompleted.compareTo(THOUSAND) >= 0), 2)) {
			projects.get(i).endCompletedText = true;
		}
		List<PlannedProject> old = projects.subList(0, MID_YEAR_PROJECTS);
		for (int i : draws.choose(indicesWhere(old, p -> p.committed.compareTo(THOUSAND) >= 0), 2)) {
			projects.get(i).midCommittedText = true;
		}
		for (int i : draws
			.choose(indicesWhere(old, p -> p.midCompleted != null && p.midCompleted.compareTo(THOUSAND) >= 0), 1)) {
			projects.get(i).midCompletedText = true;
		}
	}

	private String uniqueName(String county, String field, Set<String> taken) {
		String subject = draws.pick(SampleNames.PROJECT_SUBJECTS.get(field));
		List<String> phases = List.of("", "二期", "三期", "四期", "五期", "六期", "七期", "八期", "九期");
		for (String phase : phases) {
			String name = county + subject + phase + "项目";
			if (taken.add(name)) {
				return name;
			}
		}
		throw new IllegalStateException("ran out of phases for " + county + subject);
	}

	private static BigDecimal positive(BigDecimal amount) {
		return amount.signum() > 0 ? amount : Draws.CENT;
	}

	private static List<String> expand(List<Integer> counts) {
		List<String> out = new ArrayList<>();
		for (int f = 0; f < counts.size(); f++) {
			out.addAll(Collections.nCopies(counts.get(f), SampleNames.FIELDS.get(f)));
		}
		return out;
	}

	private static List<Integer> indicesWhere(List<PlannedProject> projects, Predicate<PlannedProject> test) {
		return projects.stream().filter(test).map(p -> p.index).toList();
	}

}
