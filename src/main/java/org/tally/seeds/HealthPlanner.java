package org.tally.seeds;

import static org.tally.seeds.SampleNames.HEALTH;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Plans the health commission's rows: one for each health project of the ledger, with its
 * funds, and uncoded hospital pairs up to 20 (15 by mid-year), some amounts written with
 * thousands separators.
 */
final class HealthPlanner {

	static final int HEALTH_ROWS = 20;

	static final int MID_YEAR_HEALTH_ROWS = 15;

	private static final BigDecimal THOUSAND = new BigDecimal("1000");

	private final Draws draws;

	HealthPlanner(Draws draws) {
		this.draws = draws;
	}

	SampleInboxPlanner.ByPeriod<HealthRow> plan(List<PlannedProject> projects) {
		// Uncoded rows are only told apart by the hospital pair, so keep pairs unique.
		List<HealthRow> rows = draws.lines(projects, HEALTH, HEALTH_ROWS,
				p -> new HealthRow(p.code, draws.pick(SampleNames.BEIJING_HOSPITALS),
						p.county + draws.pick(SampleNames.CHANGZHI_HOSPITAL_KINDS), p.county, 5 + draws.nextInt(116),
						300 + draws.nextInt(19701), p.fundArranged, p.endFundPaid, false, false),
				this::uncodedRow, h -> h.beijingHospital() + "|" + h.changzhiHospital());
		List<HealthRow> midRows = draws.midYearLines(rows, HealthRow::code, MID_YEAR_HEALTH_ROWS, h -> {
			BigDecimal arrived = draws.midYearArrived(h.code(), h.fundArrived(), projects);
			return new HealthRow(h.code(), h.beijingHospital(), h.changzhiHospital(), h.county(),
					draws.midYearPart(h.expertVisits()), draws.midYearPart(h.patientsTreated()), h.fund(), arrived,
					false, false);
		});
		List<HealthRow> end = withGrouping(rows, 4);
		List<HealthRow> mid = withGrouping(midRows, 3);
		return new SampleInboxPlanner.ByPeriod<>(mid, end);
	}

	/** A hospital pair without a ledger project. */
	private HealthRow uncodedRow() {
		String county = draws.county();
		BigDecimal fund = draws.amount(20, 600);
		return new HealthRow("", draws.pick(SampleNames.BEIJING_HOSPITALS),
				county + draws.pick(SampleNames.CHANGZHI_HOSPITAL_KINDS), county, 3 + draws.nextInt(60),
				200 + draws.nextInt(8001), fund, Draws.share(fund, 60 + draws.nextInt(41)), false, false);
	}

	/**
	 * Marks up to {@code count} amounts of at least 1000 to be written with thousands
	 * separators.
	 */
	private List<HealthRow> withGrouping(List<HealthRow> rows, int count) {
		List<Integer> candidates = new ArrayList<>();
		for (int k = 0; k < rows.size(); k++) {
			if (rows.get(k).fund().compareTo(THOUSAND) >= 0) {
				candidates.add(2 * k);
			}
			if (rows.get(k).fundArrived().compareTo(THOUSAND) >= 0) {
				candidates.add(2 * k + 1);
			}
		}
		Set<Integer> grouped = new HashSet<>(draws.choose(candidates, Math.min(count, candidates.size())));
		List<HealthRow> out = new ArrayList<>();
		for (int k = 0; k < rows.size(); k++) {
			HealthRow h = rows.get(k);
			out.add(new HealthRow(h.code(), h.beijingHospital(), h.changzhiHospital(), h.county(), h.expertVisits(),
					h.patientsTreated(), h.fund(), h.fundArrived(), grouped.contains(2 * k),
					grouped.contains(2 * k + 1)));
		}
		return out;
	}

}
