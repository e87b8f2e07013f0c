package org.tally.seeds;

import static org.tally.seeds.Catalog.EDUCATION;
import static org.tally.seeds.Catalog.HEALTH;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Decides every value of the sample inbox from one {@link Random}, so that the published
 * figures (140 projects, 87 started, 600余亿元, 约110亿元, 64 results, 1.03亿元) hold exactly for
 * any seed.
 */
final class SampleInboxPlanner {

	static final int PROJECTS = 140;
	static final int MID_YEAR_PROJECTS = 118;
	static final int STARTED = 87;
	static final int COMPLETED = 16;
	static final int MID_YEAR_STARTED = 61;
	static final BigDecimal COMMITTED_TOTAL = new BigDecimal("6023745.00");
	static final BigDecimal COMPLETED_TOTAL = new BigDecimal("1098563.25");
	static final int EDUCATION_ITEMS = 30;
	static final int MID_YEAR_EDUCATION_ITEMS = 22;
	static final int HEALTH_ROWS = 20;
	static final int MID_YEAR_HEALTH_ROWS = 15;
	static final int SCIENCE_ITEMS = 64;
	static final int MID_YEAR_SCIENCE_ITEMS = 45;
	static final BigDecimal SCIENCE_TOTAL = new BigDecimal("103046800.00");

	private static final int STARTED_IN_SECOND_HALF = 4;

	private static final int COMPLETED_BY_MID_YEAR = 9;

	private static final int FUNDED_OUTSIDE_EDUCATION_AND_HEALTH = 10;

	private static final int ZERO_FUND_ROWS = 6;

	private static final BigDecimal CENT = new BigDecimal("0.01");

	private static final BigDecimal HUNDRED_YUAN = new BigDecimal("100.00");

	private static final BigDecimal PERCENT = new BigDecimal("100");

	private final Random random;

	SampleInboxPlanner(Random random) {
		this.random = random;
	}

	/** The two periods' inboxes: mid-year first. */
	record Plan(PeriodInbox midYear, PeriodInbox yearEnd) {
	}

	private static final class Project {

		int index;

		String code;

		String name;

		String county;

		String field;

		Catalog.Partner partner;

		BigDecimal committed;

		Status endStatus = Status.SIGNED;

		Status midStatus = Status.SIGNED;

		String endStatusText;

		String midStatusText;

		LocalDate startDate;

		boolean dateAsText;

		BigDecimal endCompleted;

		BigDecimal midCompleted;

		BigDecimal fundArranged;

		BigDecimal endFundPaid;

		BigDecimal midFundPaid;

		boolean endCommittedText;

		boolean endCompletedText;

		boolean midCommittedText;

		boolean midCompletedText;

		LedgerRow row(Period period) {
			boolean end = period == Period.YEAR_END;
			Status status = end ? endStatus : midStatus;
			return new LedgerRow(code, name, county, field, partner.name(), partner.nature(), committed, status,
					end ? endStatusText : midStatusText, status.started() ? startDate : null,
					status.started() && dateAsText, end ? endCompleted : midCompleted, fundArranged,
					end ? endFundPaid : midFundPaid, end ? endCommittedText : midCommittedText,
					end ? endCompletedText : midCompletedText);
		}

	}

	Plan plan() {
		List<Project> projects = planProjects();
		List<EducationItem> endEducation = new ArrayList<>();
		List<EducationItem> midEducation = new ArrayList<>();
		planEducation(projects, endEducation, midEducation);
		List<HealthRow> endHealth = new ArrayList<>();
		List<HealthRow> midHealth = new ArrayList<>();
		planHealth(projects, endHealth, midHealth);
		List<ScienceItem> science = planScience();

		List<LedgerRow> endLedger = projects.stream().map(p -> p.row(Period.YEAR_END)).toList();
		List<LedgerRow> midLedger = projects.subList(0, MID_YEAR_PROJECTS)
			.stream()
			.map(p -> p.row(Period.MID_YEAR))
			.toList();
		return new Plan(
				new PeriodInbox(Period.MID_YEAR, midLedger, midLedger.size() / 2, midEducation, midHealth,
						science.subList(0, MID_YEAR_SCIENCE_ITEMS)),
				new PeriodInbox(Period.YEAR_END, endLedger, endLedger.size() / 2, endEducation, endHealth, science));
	}

	// ---------------------------------------------------------------- ledger

	private List<Project> planProjects() {
		List<String> fields = new ArrayList<>(expand(Catalog.MID_YEAR_FIELD_COUNTS));
		Collections.shuffle(fields, random);
		List<String> secondHalfFields = new ArrayList<>(expand(Catalog.SECOND_HALF_FIELD_COUNTS));
		Collections.shuffle(secondHalfFields, random);
		fields.addAll(secondHalfFields);

		// Every county has a project by mid-year already, so both ledgers cover all
		// twelve.
		List<String> counties = new ArrayList<>(Catalog.COUNTIES);
		while (counties.size() < MID_YEAR_PROJECTS) {
			counties.add(county());
		}
		Collections.shuffle(counties, random);
		while (counties.size() < PROJECTS) {
			counties.add(county());
		}

		List<Project> projects = new ArrayList<>();
		Set<String> names = new HashSet<>();
		List<BigDecimal> weights = new ArrayList<>();
		for (int i = 0; i < PROJECTS; i++) {
			Project p = new Project();
			p.index = i;
			p.code = String.format(Locale.ROOT, "JC2023-%04d", i + 1);
			p.field = fields.get(i);
			p.county = counties.get(i);
			p.name = uniqueName(p.county, p.field, names);
			p.partner = pick(Catalog.PARTNERS.get(p.field));
			int weight = 3000 + random.nextInt(57000);
			weights.add(BigDecimal.valueOf(random.nextInt(100) < 12 ? weight * 4L : weight));
			projects.add(p);
		}
		List<BigDecimal> committed = Allocation.split(COMMITTED_TOTAL, CENT, weights);
		for (Project p : projects) {
			p.committed = committed.get(p.index);
		}

		planStatuses(projects);
		planCompletion(projects);
		planFunds(projects);
		planTextAmounts(projects);
		return projects;
	}

	private void planStatuses(List<Project> projects) {
		List<Integer> old = range(0, MID_YEAR_PROJECTS);
		List<Integer> fresh = range(MID_YEAR_PROJECTS, PROJECTS);
		List<Integer> startedOld = choose(old, STARTED - STARTED_IN_SECOND_HALF);
		List<Integer> startedFresh = choose(fresh, STARTED_IN_SECOND_HALF);
		List<Integer> midStarted = choose(startedOld, MID_YEAR_STARTED);
		List<Integer> completedEnd = choose(midStarted, COMPLETED);
		List<Integer> completedMid = choose(completedEnd, COMPLETED_BY_MID_YEAR);

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
		for (Project p : projects) {
			p.endStatusText = p.endStatus.label();
			p.midStatusText = p.midStatus.label();
		}
		List<Integer> endSynonyms = choose(indicesWhere(projects, p -> p.endStatus == Status.STARTED), 5);
		for (int k = 0; k < endSynonyms.size(); k++) {
			projects.get(endSynonyms.get(k)).endStatusText = k < 3 ? "在建" : "已开工";
		}
		List<Integer> midSynonyms = choose(
				indicesWhere(projects.subList(0, MID_YEAR_PROJECTS), p -> p.midStatus == Status.STARTED), 3);
		for (int k = 0; k < midSynonyms.size(); k++) {
			projects.get(midSynonyms.get(k)).midStatusText = k < 2 ? "在建" : "已开工";
		}

		LocalDate firstSigning = LocalDate.of(2022, 6, 1);
		LocalDate secondHalf = LocalDate.of(2024, 7, 1);
		for (Project p : projects) {
			if (p.endStatus == Status.COMPLETED) {
				p.startDate = firstSigning.plusDays(random.nextInt(400));
			}
			else if (p.midStatus.started()) {
				p.startDate = LocalDate.of(2022, 9, 1).plusDays(random.nextInt(650));
			}
			else if (p.endStatus.started()) {
				p.startDate = secondHalf.plusDays(random.nextInt(170));
			}
		}
		for (int i : choose(midStarted, 2)) {
			projects.get(i).dateAsText = true;
		}
	}

	private void planCompletion(List<Project> projects) {
		List<Project> started = projects.stream().filter(p -> p.endStatus.started()).toList();
		List<BigDecimal> weights = new ArrayList<>();
		for (Project p : started) {
			int percent;
			if (p.endStatus == Status.COMPLETED) {
				percent = 80 + random.nextInt(21);
			}
			else if (p.midStatus.started()) {
				percent = 10 + random.nextInt(41);
			}
			else {
				percent = 2 + random.nextInt(11);
			}
			weights.add(p.committed.multiply(BigDecimal.valueOf(percent)));
		}
		List<BigDecimal> caps = started.stream().map(p -> p.committed).toList();
		List<BigDecimal> completed = Allocation.split(COMPLETED_TOTAL, CENT, weights, caps);
		for (int k = 0; k < started.size(); k++) {
			Project p = started.get(k);
			p.endCompleted = completed.get(k);
			if (p.midStatus == Status.COMPLETED) {
				p.midCompleted = p.endCompleted;
			}
			else if (p.midStatus.started()) {
				p.midCompleted = positive(share(p.endCompleted, 35 + random.nextInt(51)));
			}
		}
	}

	private void planFunds(List<Project> projects) {
		List<Integer> others = indicesWhere(projects, p -> !p.field.equals(EDUCATION) && !p.field.equals(HEALTH));
		Set<Integer> fundedOthers = new HashSet<>(choose(others, FUNDED_OUTSIDE_EDUCATION_AND_HEALTH));
		for (Project p : projects) {
			boolean funded = fundedOthers.contains(p.index) || p.field.equals(EDUCATION) || p.field.equals(HEALTH);
			if (!funded) {
				continue;
			}
			p.fundArranged = switch (p.field) {
				case EDUCATION -> amount(20, 800);
				case HEALTH -> amount(80, 2500);
				default -> amount(100, 3000);
			};
			int paidPercent = random.nextInt(100) < 15 ? 100 : 50 + random.nextInt(50);
			p.endFundPaid = share(p.fundArranged, paidPercent);
			if (p.index < MID_YEAR_PROJECTS) {
				p.midFundPaid = share(p.endFundPaid, 30 + random.nextInt(61));
			}
		}
		// Some clerks type 0 where others leave the cell empty.
		List<Integer> unfunded = indicesWhere(projects.subList(0, MID_YEAR_PROJECTS), p -> p.fundArranged == null);
		for (int i : choose(unfunded, ZERO_FUND_ROWS)) {
			Project p = projects.get(i);
			p.fundArranged = BigDecimal.ZERO.setScale(2);
			p.endFundPaid = p.fundArranged;
			p.midFundPaid = p.fundArranged;
		}
	}

	private void planTextAmounts(List<Project> projects) {
		BigDecimal thousand = new BigDecimal("1000");
		for (int i : choose(indicesWhere(projects, p -> p.committed.compareTo(thousand) >= 0), 3)) {
			projects.get(i).endCommittedText = true;
		}
		for (int i : choose(
				indicesWhere(projects, p -> p.endCompleted != null && p.endCompleted.compareTo(thousand) >= 0), 2)) {
			projects.get(i).endCompletedText = true;
		}
		List<Project> old = projects.subList(0, MID_YEAR_PROJECTS);
		for (int i : choose(indicesWhere(old, p -> p.committed.compareTo(thousand) >= 0), 2)) {
			projects.get(i).midCommittedText = true;
		}
		for (int i : choose(indicesWhere(old, p -> p.midCompleted != null && p.midCompleted.compareTo(thousand) >= 0),
				1)) {
			projects.get(i).midCompletedText = true;
		}
	}

	private String uniqueName(String county, String field, Set<String> taken) {
		String subject = pick(Catalog.PROJECT_SUBJECTS.get(field));
		List<String> phases = List.of("", "二期", "三期", "四期", "五期", "六期", "七期", "八期", "九期");
		for (String phase : phases) {
			String name = county + subject + phase + "项目";
			if (taken.add(name)) {
				return name;
			}
		}
		throw new IllegalStateException("ran out of phases for " + county + subject);
	}

	// ---------------------------------------------------------------- education

	private void planEducation(List<Project> projects, List<EducationItem> end, List<EducationItem> mid) {
		List<Project> coded = projects.stream().filter(p -> p.field.equals(EDUCATION)).toList();
		List<EducationItem> items = new ArrayList<>();
		Set<String> identities = new HashSet<>();
		for (Project p : coded) {
			EducationItem item = new EducationItem(p.code, p.name.replaceFirst("项目$", ""),
					pick(Catalog.BEIJING_SCHOOLS), p.county + pick(Catalog.CHANGZHI_SCHOOL_KINDS), p.county,
					20 + random.nextInt(381), 200 + random.nextInt(4801), p.fundArranged, p.endFundPaid, false);
			identities.add(item.identity());
			items.add(item);
		}
		while (items.size() < EDUCATION_ITEMS) {
			String county = county();
			BigDecimal fund = amount(10, 300);
			EducationItem item = new EducationItem("", pick(Catalog.EDUCATION_MATTERS), pick(Catalog.BEIJING_SCHOOLS),
					county + pick(Catalog.CHANGZHI_SCHOOL_KINDS), county, 10 + random.nextInt(291),
					100 + random.nextInt(3901), fund, share(fund, 60 + random.nextInt(41)), false);
			if (identities.add(item.identity())) {
				items.add(item);
			}
		}
		Collections.shuffle(items, random);

		List<Integer> eligible = range(0, items.size()).stream()
			.filter(k -> items.get(k).code().isEmpty() || codeIndex(items.get(k).code()) < MID_YEAR_PROJECTS)
			.toList();
		List<Integer> midPositions = choose(eligible, MID_YEAR_EDUCATION_ITEMS);
		List<EducationItem> midItems = new ArrayList<>();
		for (int k : midPositions) {
			EducationItem e = items.get(k);
			BigDecimal arrived = e.code().isEmpty() ? share(e.fundArrived(), 30 + random.nextInt(61))
					: projects.get(codeIndex(e.code())).midFundPaid;
			midItems.add(new EducationItem(e.code(), e.matter(), e.beijingSchool(), e.changzhiSchool(), e.county(),
					Math.max(1, e.teachersTrained() * (40 + random.nextInt(41)) / 100),
					Math.max(1, e.studentsBenefited() * (40 + random.nextInt(41)) / 100), e.fundArranged(), arrived,
					false));
		}
		end.addAll(withTeachersAsText(items, random.nextInt(items.size())));
		mid.addAll(withTeachersAsText(midItems, random.nextInt(midItems.size())));
	}

	private static List<EducationItem> withTeachersAsText(List<EducationItem> items, int position) {
		List<EducationItem> out = new ArrayList<>(items);
		EducationItem e = out.get(position);
		out.set(position, new EducationItem(e.code(), e.matter(), e.beijingSchool(), e.changzhiSchool(), e.county(),
				e.teachersTrained(), e.studentsBenefited(), e.fundArranged(), e.fundArrived(), true));
		return out;
	}

	// ---------------------------------------------------------------- health

	private void planHealth(List<Project> projects, List<HealthRow> end, List<HealthRow> mid) {
		List<Project> coded = projects.stream().filter(p -> p.field.equals(HEALTH)).toList();
		List<HealthRow> rows = new ArrayList<>();
		Set<String> pairs = new HashSet<>();
		for (Project p : coded) {
			HealthRow row = new HealthRow(p.code, pick(Catalog.BEIJING_HOSPITALS),
					p.county + pick(Catalog.CHANGZHI_HOSPITAL_KINDS), p.county, 5 + random.nextInt(116),
					300 + random.nextInt(19701), p.fundArranged, p.endFundPaid, false, false);
			pairs.add(row.beijingHospital() + "|" + row.changzhiHospital());
			rows.add(row);
		}
		while (rows.size() < HEALTH_ROWS) {
			String county = county();
			BigDecimal fund = amount(20, 600);
			HealthRow row = new HealthRow("", pick(Catalog.BEIJING_HOSPITALS),
					county + pick(Catalog.CHANGZHI_HOSPITAL_KINDS), county, 3 + random.nextInt(60),
					200 + random.nextInt(8001), fund, share(fund, 60 + random.nextInt(41)), false, false);
			// Uncoded rows are only told apart by the hospital pair, so keep pairs
			// unique.
			if (pairs.add(row.beijingHospital() + "|" + row.changzhiHospital())) {
				rows.add(row);
			}
		}
		Collections.shuffle(rows, random);
		List<Integer> eligible = range(0, rows.size()).stream()
			.filter(k -> rows.get(k).code().isEmpty() || codeIndex(rows.get(k).code()) < MID_YEAR_PROJECTS)
			.toList();
		List<HealthRow> midRows = new ArrayList<>();
		for (int k : choose(eligible, MID_YEAR_HEALTH_ROWS)) {
			HealthRow h = rows.get(k);
			BigDecimal arrived = h.code().isEmpty() ? share(h.fundArrived(), 30 + random.nextInt(61))
					: projects.get(codeIndex(h.code())).midFundPaid;
			midRows.add(new HealthRow(h.code(), h.beijingHospital(), h.changzhiHospital(), h.county(),
					Math.max(1, h.expertVisits() * (40 + random.nextInt(41)) / 100),
					Math.max(1, h.patientsTreated() * (40 + random.nextInt(41)) / 100), h.fund(), arrived, false,
					false));
		}
		end.addAll(withGrouping(rows, 4));
		mid.addAll(withGrouping(midRows, 3));
	}

	/**
	 * Marks up to {@code count} amounts of at least 1000 to be written with thousands
	 * separators.
	 */
	private List<HealthRow> withGrouping(List<HealthRow> rows, int count) {
		BigDecimal thousand = new BigDecimal("1000");
		List<Integer> candidates = new ArrayList<>();
		for (int k = 0; k < rows.size(); k++) {
			if (rows.get(k).fund().compareTo(thousand) >= 0) {
				candidates.add(2 * k);
			}
			if (rows.get(k).fundArrived().compareTo(thousand) >= 0) {
				candidates.add(2 * k + 1);
			}
		}
		Set<Integer> grouped = new HashSet<>(choose(candidates, Math.min(count, candidates.size())));
		List<HealthRow> out = new ArrayList<>();
		for (int k = 0; k < rows.size(); k++) {
			HealthRow h = rows.get(k);
			out.add(new HealthRow(h.code(), h.beijingHospital(), h.changzhiHospital(), h.county(), h.expertVisits(),
					h.patientsTreated(), h.fund(), h.fundArrived(), grouped.contains(2 * k),
					grouped.contains(2 * k + 1)));
		}
		return out;
	}

	// ---------------------------------------------------------------- science

	private List<ScienceItem> planScience() {
		Set<String> titles = new HashSet<>();
		while (titles.size() < SCIENCE_ITEMS) {
			titles.add(pick(Catalog.SCIENCE_SUBJECTS) + pick(Catalog.SCIENCE_SUFFIXES));
		}
		// A HashSet's order is not something to build a seed on.
		List<String> ordered = new ArrayList<>(titles);
		Collections.sort(ordered);
		Collections.shuffle(ordered, random);

		List<LocalDate> dates = new ArrayList<>();
		LocalDate january = LocalDate.of(2024, 1, 2);
		for (int k = 0; k < MID_YEAR_SCIENCE_ITEMS; k++) {
			dates.add(january.plusDays(random.nextInt(178)));
		}
		LocalDate july = LocalDate.of(2024, 7, 1);
		List<LocalDate> secondHalf = new ArrayList<>();
		for (int k = MID_YEAR_SCIENCE_ITEMS; k < SCIENCE_ITEMS; k++) {
			secondHalf.add(july.plusDays(random.nextInt(180)));
		}
		Collections.sort(dates);
		Collections.sort(secondHalf);
		dates.addAll(secondHalf);

		List<BigDecimal> weights = new ArrayList<>();
		for (int k = 0; k < SCIENCE_ITEMS; k++) {
			// A wide weight range keeps two contracts from landing on the same amount.
			int w = 5_000 + random.nextInt(95_001);
			weights.add(BigDecimal.valueOf(random.nextInt(100) < 10 ? w * 5L : w));
		}
		List<BigDecimal> amounts = Allocation.split(SCIENCE_TOTAL, HUNDRED_YUAN, weights);

		List<ScienceItem> items = new ArrayList<>();
		for (int k = 0; k < SCIENCE_ITEMS; k++) {
			items.add(new ScienceItem(String.format(Locale.ROOT, "KJ2024-%03d", k + 1), ordered.get(k),
					pick(Catalog.BEIJING_INSTITUTIONS), pick(Catalog.CHANGZHI_RECIPIENTS),
					Catalog.TRADITIONAL_COUNTIES.get(county()), amounts.get(k), dates.get(k)));
		}
		return items;
	}

	// ---------------------------------------------------------------- helpers

	private String county() {
		int total = Catalog.COUNTY_WEIGHTS.stream().mapToInt(Integer::intValue).sum();
		int r = random.nextInt(total);
		for (int k = 0; k < Catalog.COUNTIES.size(); k++) {
			r -= Catalog.COUNTY_WEIGHTS.get(k);
			if (r < 0) {
				return Catalog.COUNTIES.get(k);
			}
		}
		throw new IllegalStateException("county weights do not cover " + total);
	}

	private <T> T pick(List<T> from) {
		return from.get(random.nextInt(from.size()));
	}

	/** k distinct elements of from, in their original order. */
	private List<Integer> choose(List<Integer> from, int k) {
		if (from.size() < k) {
			throw new IllegalStateException("cannot choose " + k + " of " + from.size());
		}
		List<Integer> copy = new ArrayList<>(from);
		Collections.shuffle(copy, random);
		List<Integer> chosen = new ArrayList<>(copy.subList(0, k));
		Collections.sort(chosen);
		return chosen;
	}

	/** An amount in [low, high) with random cents. */
	private BigDecimal amount(int low, int high) {
		long cents = low * 100L + random.nextInt((high - low) * 100);
		return BigDecimal.valueOf(cents, 2);
	}

	private static BigDecimal share(BigDecimal amount, int percent) {
		return amount.multiply(BigDecimal.valueOf(percent)).divide(PERCENT, 2, RoundingMode.DOWN);
	}

	private static BigDecimal positive(BigDecimal amount) {
		return amount.signum() > 0 ? amount : CENT;
	}

	private static int codeIndex(String code) {
		return Integer.parseInt(code.substring(code.indexOf('-') + 1)) - 1;
	}

	private static List<String> expand(List<Integer> counts) {
		List<String> out = new ArrayList<>();
		for (int f = 0; f < counts.size(); f++) {
			out.addAll(Collections.nCopies(counts.get(f), Catalog.FIELDS.get(f)));
		}
		return out;
	}

	private static List<Integer> range(int from, int to) {
		return IntStream.range(from, to).boxed().collect(Collectors.toList());
	}

	private static List<Integer> indicesWhere(List<Project> projects, java.util.function.Predicate<Project> test) {
		return projects.stream().filter(test).map(p -> p.index).toList();
	}

}
