package org.tally.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.tally.catalog.internal.CatalogLoader;
import org.tally.support.EditableConfigTest;

/**
 * The project's config/ loads; a broken edit fails naming the file and the key at fault.
 */
class CatalogLoaderTest extends EditableConfigTest {

	@Test
	void givenTheProjectConfiguration_itLoadsWithItsFourDepartmentsAndSevenFigures() {
		Catalog catalog = CatalogLoader.load(config);

		assertThat(catalog.sources()).extracting(SourceDefinition::department)
			.containsExactlyInAnyOrder("finance", "education", "health", "science");
		assertThat(catalog.figures()).extracting(FigureDefinition::id)
			.containsExactly("committed_investment", "project_count", "started_projects", "completed_investment",
					"tech_transfers", "tech_contract_value", "counties_covered");
		assertThat(catalog.vocabularies().get("counties")).hasSize(12);
	}

	@Test
	void givenASourceFeedingAnUndeclaredDataset_itIsRefusedNamingTheFile() throws IOException {
		replace("sources/health-activities.yml", "dataset: health_activities", "dataset: hospitals");

		assertThatThrownBy(() -> CatalogLoader.load(config)).isInstanceOf(CatalogException.class)
			.hasMessageContaining("health-activities.yml")
			.hasMessageContaining("dataset 'hospitals' is not declared");
	}

	@Test
	void givenADatasetNameThatIsNotASafeIdentifier_itIsRefused() throws IOException {
		replace("datasets/tech_transfers.yml", "name: tech_transfers", "name: \"tech; DROP TABLE x\"");

		assertThatThrownBy(() -> CatalogLoader.load(config)).isInstanceOf(CatalogException.class)
			.hasMessageContaining("tech_transfers.yml")
			.hasMessageContaining("must be lower-case letters, digits and underscores");
	}

	@Test
	void givenADatasetNameTooLongForItsDerivedIdentifiers_itIsRefusedNamingTheFile() throws IOException {
		String name = "tech_transfers_" + "x".repeat(34);
		replace("datasets/tech_transfers.yml", "name: tech_transfers", "name: " + name);

		assertThatThrownBy(() -> CatalogLoader.load(config)).isInstanceOf(CatalogException.class)
			.hasMessageContaining("tech_transfers.yml")
			.hasMessageContaining("has 49 characters; at most 48");
	}

	@Test
	void givenARequiredColumnWithoutHeaderAliases_itIsRefusedNamingTheColumn() throws IOException {
		replace("sources/finance-projects.yml", "  project_code:         { aliases: [项目编号, 项目代码, 编号] }\n", "");

		assertThatThrownBy(() -> CatalogLoader.load(config)).isInstanceOf(CatalogException.class)
			.hasMessageContaining("finance-projects.yml")
			.hasMessageContaining("required column 'project_code'");
	}

	@Test
	void givenAnUnknownKey_itIsRefusedRatherThanIgnored() throws IOException {
		replace("sources/finance-projects.yml", "maxRejectRate: 0.05", "maxRejectRatio: 0.05");

		assertThatThrownBy(() -> CatalogLoader.load(config)).isInstanceOf(CatalogException.class)
			.hasMessageContaining("finance-projects.yml")
			.hasMessageContaining("maxRejectRatio");
	}

	@Test
	void givenAFigureDependingOnAnUndeclaredCheck_itIsRefused() throws IOException {
		replace("figures.yml", "checks: [tech_transfers_totals]\n    aliases: [科技成果, 成果转化",
				"checks: [no_such_check]\n    aliases: [科技成果, 成果转化");

		assertThatThrownBy(() -> CatalogLoader.load(config)).isInstanceOf(CatalogException.class)
			.hasMessageContaining("figures.yml")
			.hasMessageContaining("unknown check 'no_such_check'");
	}

	@Test
	void givenADerivedFigureOfAnUndeclaredFigure_itIsRefused() {
		replace("figures.yml", "numerator: started_projects", "numerator: no_such_figure");

		assertThatThrownBy(() -> CatalogLoader.load(config)).isInstanceOf(CatalogException.class)
			.hasMessageContaining("figures.yml")
			.hasMessageContaining("derived figure 'start_rate' names unknown figure 'no_such_figure'");
	}

	@Test
	void givenTheShippedConfiguration_theDerivedRatesAndAveragesAreRead() {
		assertThat(CatalogLoader.load(config).derived()).extracting(DerivedFigure::id)
			.containsExactly("start_rate", "completion_rate", "committed_per_project", "contract_value_per_transfer");
	}

}
