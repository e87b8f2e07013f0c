package org.tally.seeds;

import static org.tally.seeds.SampleNames.EDUCATION;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

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
		List<EducationItem> items = draws.lines(projects, EDUCATION, EDUCATION_ITEMS,
				p -> new EducationItem(p.code, p.name.replaceFirst("项目$", ""), draws.pick(SampleNames.BEIJING_SCHOOLS),
						p.county + draws.pick(SampleNames.CHANGZHI_SCHOOL_KINDS), p.county, 20 + draws.nextInt(381),
						200 + draws.nextInt(4801), p.fundArranged, p.endFundPaid, false),
				this::uncodedItem, EducationItem::identity);
		List<EducationItem> midItems = draws.midYearLines(items, EducationItem::code, MID_YEAR_EDUCATION_ITEMS, e -> {
			BigDecimal arrived = draws.midYearArrived(e.code(), e.fundArrived(), projects);
			return new EducationItem(e.code(), e.matter(), e.beijingSchool(), e.changzhiSchool(), e.county(),
					draws.midYearPart(e.teachersTrained()), draws.midYearPart(e.studentsBenefited()), e.fundArranged(),
					arrived, false);
		});
		List<EducationItem> end = withTeachersAsText(items, draws.nextInt(items.size()));
		List<EducationItem> mid = withTeachersAsText(midItems, draws.nextInt(midItems.size()));
		return new SampleInboxPlanner.ByPeriod<>(mid, end);
	}

	/** A school partnership without a ledger project. */
	private EducationItem uncodedItem() {
		String county = draws.county();
		BigDecimal fund = draws.amount(10, 300);
		return new EducationItem("", draws.pick(SampleNames.EDUCATION_MATTERS), draws.pick(SampleNames.BEIJING_SCHOOLS),
				county + draws.pick(SampleNames.CHANGZHI_SCHOOL_KINDS), county, 10 + draws.nextInt(291),
				100 + draws.nextInt(3901), fund, Draws.share(fund, 60 + draws.nextInt(41)), false);
	}

	private static List<EducationItem> withTeachersAsText(List<EducationItem> items, int position) {
		List<EducationItem> out = new ArrayList<>(items);
		EducationItem e = out.get(position);
		out.set(position, new EducationItem(e.code(), e.matter(), e.beijingSchool(), e.changzhiSchool(), e.county(),
				e.teachersTrained(), e.studentsBenefited(), e.fundArranged(), e.fundArrived(), true));
		return out;
	}

}
