package org.tally.seeds;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Plans the science bureau's technology-transfer contracts: 64 by year-end, the first 45
 * signed by mid-year, 1.03亿元 in all.
 */
final class SciencePlanner {

	static final int SCIENCE_ITEMS = 64;

	static final int MID_YEAR_SCIENCE_ITEMS = 45;

	static final BigDecimal SCIENCE_TOTAL = new BigDecimal("103046800.00");

	private static final BigDecimal HUNDRED_YUAN = new BigDecimal("100.00");

	private final Draws draws;

	SciencePlanner(Draws draws) {
		this.draws = draws;
	}

	SampleInboxPlanner.ByPeriod<ScienceItem> plan() {
		Set<String> titles = new HashSet<>();
		while (titles.size() < SCIENCE_ITEMS) {
			titles.add(draws.pick(SampleNames.SCIENCE_SUBJECTS) + draws.pick(SampleNames.SCIENCE_SUFFIXES));
		}
		// A HashSet's order is not something to build a seed on.
		List<String> ordered = new ArrayList<>(titles);
		Collections.sort(ordered);
		draws.shuffle(ordered);

		List<LocalDate> dates = new ArrayList<>();
		LocalDate january = LocalDate.of(2024, 1, 2);
		for (int k = 0; k < MID_YEAR_SCIENCE_ITEMS; k++) {
			dates.add(january.plusDays(draws.nextInt(178)));
		}
		LocalDate july = LocalDate.of(2024, 7, 1);
		List<LocalDate> secondHalf = new ArrayList<>();
		for (int k = MID_YEAR_SCIENCE_ITEMS; k < SCIENCE_ITEMS; k++) {
			secondHalf.add(july.plusDays(draws.nextInt(180)));
		}
		Collections.sort(dates);
		Collections.sort(secondHalf);
		dates.addAll(secondHalf);

		List<BigDecimal> weights = new ArrayList<>();
		for (int k = 0; k < SCIENCE_ITEMS; k++) {
			// A wide weight range keeps two contracts from landing on the same amount.
			int w = 5_000 + draws.nextInt(95_001);
			weights.add(BigDecimal.valueOf(draws.nextInt(100) < 10 ? w * 5L : w));
		}
		List<BigDecimal> amounts = Allocation.split(SCIENCE_TOTAL, HUNDRED_YUAN, weights);

		List<ScienceItem> items = new ArrayList<>();
		for (int k = 0; k < SCIENCE_ITEMS; k++) {
			items.add(new ScienceItem(String.format(Locale.ROOT, "KJ2024-%03d", k + 1), ordered.get(k),
					draws.pick(SampleNames.BEIJING_INSTITUTIONS), draws.pick(SampleNames.CHANGZHI_RECIPIENTS),
					SampleNames.TRADITIONAL_COUNTIES.get(draws.county()), amounts.get(k), dates.get(k)));
		}
		return new SampleInboxPlanner.ByPeriod<>(items.subList(0, MID_YEAR_SCIENCE_ITEMS), items);
	}

}
