package org.tally.figures.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tally.catalog.FigureDefinition;
import org.tally.catalog.FigureDefinition.Measure;

/**
 * Given figures over datasets, the plan reads each dataset once, except that a second
 * column counted distinct gets a scan of its own; the SQL binds every filter value and
 * the period in text order.
 */
class FigureScanPlanTest {

	static final LocalDate PERIOD = LocalDate.of(2024, 12, 31);

	@Test
	void givenFiguresOfTwoDatasets_eachDatasetIsScannedOnceInDeclarationOrder() {
		List<FigureScan> scans = FigureScan.plan(List.of(figure("a", "projects", Measure.SUM, "committed_investment"),
				figure("b", "tech_transfers", Measure.COUNT, null),
				figure("c", "projects", Measure.COUNT_DISTINCT, "county"),
				figure("d", "projects", Measure.COUNT, null)));

		assertThat(scans).extracting(s -> s.figures().stream().map(FigureDefinition::id).toList())
			.containsExactly(List.of("a", "c", "d"), List.of("b"));
	}

	@Test
	void givenTwoColumnsCountedDistinct_theSecondGetsAScanOfItsOwn() {
		List<FigureScan> scans = FigureScan.plan(List.of(figure("a", "projects", Measure.COUNT_DISTINCT, "county"),
				figure("b", "projects", Measure.COUNT_DISTINCT, "partner"),
				figure("c", "projects", Measure.COUNT, null),
				figure("d", "projects", Measure.COUNT_DISTINCT, "county")));

		assertThat(scans).extracting(s -> s.figures().stream().map(FigureDefinition::id).toList())
			.containsExactly(List.of("a", "c", "d"), List.of("b"));
		assertThat(scans.get(0).sql("warehouse", PERIOD).text()).contains("w.\"county\" AS d")
			.doesNotContain("partner");
		assertThat(scans.get(1).sql("warehouse", PERIOD).text()).contains("w.\"partner\" AS d");
	}

	@Test
	void givenAFilteredSum_itsValuesAreBoundBeforeThePeriodAsTheTextReadsThem() {
		FigureDefinition started = new FigureDefinition("s", "s", "s", "projects", Measure.SUM, "committed_investment",
				Map.of("status", List.of("开工", "竣工")), "CNY", null, null, List.of(), List.of());
		FigureScan.Sql sql = FigureScan.plan(List.of(started)).get(0).sql("warehouse", PERIOD);

		assertThat(sql.text()).contains("count(*) FILTER (WHERE w.\"status\" = ANY (?)) AS n0",
				"sum(w.\"committed_investment\") FILTER (WHERE w.\"status\" = ANY (?)) AS v0");
		assertThat(sql.params()).hasSize(3).last().isEqualTo(PERIOD);
		assertThat((String[]) sql.params().get(0)).containsExactly("开工", "竣工");
	}

	private static FigureDefinition figure(String id, String dataset, Measure measure, String column) {
		return new FigureDefinition(id, id, id, dataset, measure, column, Map.of(), "COUNT", null, null, List.of(),
				List.of());
	}

}
