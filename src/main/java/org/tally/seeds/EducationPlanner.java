package org.tally.seeds;

import static org.tally.seeds.SampleNames.EDUCATION;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Plans the education bureau's lines: one for each education project of the ledger, with
 * its funds, and uncoded school partnerships up to 30 (22 by mid-year).
 */
final class EducationPlanner {

	static final int EDUCATION_ITEMS = 30;

	static final int MID_YEAR_EDUCATION_ITEMS = 22;

	private final Draws draws;

	EducationPlanner(Draws draws) {
		this.draws = draws;
	}

	SampleInboxPlanner.ByPeriod<EducationItem> plan(List<PlannedProject> projects) {
		List<PlannedProject> coded = projects.stream().filter(p -> p.field.equals(EDUCATION)).toList();
		List<EducationItem> items = new ArrayList<>();
		Set<String> identities = new HashSet<>();
		for (PlannedProject p : coded) {
			EducationItem item = new EducationItem(p.code, p.name.replaceFirst("项目$", ""),
					draws.pick(SampleNames.BEIJING_SCHOOLS), p.county + draws.pick(SampleNames.CHANGZHI_SCHOOL_KINDS),
					p.county, 20 + draws.nextInt(381), 200 + draws.nextInt(4801), p.fundArranged, p.endFundPaid, false);
			identities.add(item.identity());
			items.add(item);
		}
		while (items.size() < EDUCATION_ITEMS) {
			String county = draws.county();
			BigDecimal fund = draws.amount(10, 300);
			EducationItem item = new EducationItem("", draws.pick(SampleNames.EDUCATION_MATTERS),
					draws.pick(SampleNames.BEIJING_SCHOOLS), county + draws.pick(SampleNames.CHANGZHI_SCHOOL_KINDS),
					county, 10 + draws.nextInt(291), 100 + draws.nextInt(3901), fund,
					Draws.share(fund, 60 + draws.nextInt(41)), false);
			if (identities.add(item.identity())) {
				items.add(item);
			}
		}
		draws.shuffle(items);

		List<Integer> eligible = Draws.midYearEligible(items.stream().map(EducationItem::code).toList());
		List<EducationItem> midItems = new ArrayList<>();
		for (int k : draws.choose(eligible, MID_YEAR_EDUCATION_ITEMS)) {
			EducationItem e = items.get(k);
			BigDecimal arrived = draws.midYearArrived(e.code(), e.fundArrived(), projects);
			midItems.add(new EducationItem(e.code(), e.matter(), e.beijingSchool(), e.changzhiSchool(), e.county(),
					draws.midYearPart(e.teachersTrained()), draws.midYearPart(e.studentsBenefited()), e.fundArranged(),
					arrived, false));
		}
		List<EducationItem> end = withTeachersAsText(items, draws.nextInt(items.size()));
		List<EducationItem> mid = withTeachersAsText(midItems, draws.nextInt(midItems.size()));
		return new SampleInboxPlanner.ByPeriod<>(mid, end);
	}

	private static List<EducationItem> withTeachersAsText(List<EducationItem> items, int position) {
		List<EducationItem> out = new ArrayList<>(items);
		EducationItem e = out.get(position);
		out.set(position, new EducationItem(e.code(), e.matter(), e.beijingSchool(), e.changzhiSchool(), e.county(),
				e.teachersTrained(), e.studentsBenefited(), e.fundArranged(), e.fundArrived(), true));
		return out;
	}

}
