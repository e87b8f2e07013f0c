package org.tally.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.tally.catalog.Catalog;
import org.tally.catalog.CatalogException;
import org.tally.catalog.ColumnDefinition;
import org.tally.support.EditableConfigTest;

/**
 * A column's {@code references: dataset.column} is checked when the configuration loads.
 */
class ColumnReferencesTest extends EditableConfigTest {

	@Test
	void givenTheProjectConfig_educationAndHealthCodesReferenceTheLedger() {
		Catalog catalog = CatalogLoader.load(config);

		assertThat(catalog.dataset("education_activities").column("project_code").flatMap(ColumnDefinition::reference))
			.hasValue(new ColumnDefinition.Reference("projects", "project_code"));
		assertThat(catalog.dataset("health_activities").column("project_code").flatMap(ColumnDefinition::reference))
			.hasValue(new ColumnDefinition.Reference("projects", "project_code"));
		assertThat(catalog.dataset("projects").column("project_code").flatMap(ColumnDefinition::reference)).isEmpty();
	}

	@Test
	void givenAReferenceToAnUndeclaredDataset_loadingFailsNamingFileAndColumn() {
		reference("health_activities", "ledger.project_code");

		assertThatThrownBy(() -> CatalogLoader.load(config)).isInstanceOf(CatalogException.class)
			.hasMessageContaining(
					"health_activities.yml: column 'project_code' references 'ledger.project_code', but dataset 'ledger' is not declared");
	}

	@Test
	void givenAReferenceToAnUnknownColumn_loadingFails() {
		reference("health_activities", "projects.code");

		assertThatThrownBy(() -> CatalogLoader.load(config)).isInstanceOf(CatalogException.class)
			.hasMessageContaining("but dataset 'projects' has no column 'code'");
	}

	@Test
	void givenAReferenceToAColumnThatIsNotTheKey_loadingFails() {
		reference("health_activities", "projects.project_name");

		assertThatThrownBy(() -> CatalogLoader.load(config)).isInstanceOf(CatalogException.class)
			.hasMessageContaining("but 'project_name' is not the key of dataset 'projects' (key: [project_code])");
	}

	@Test
	void givenAReferenceWithoutAColumn_loadingFails() {
		reference("health_activities", "projects");

		assertThatThrownBy(() -> CatalogLoader.load(config)).isInstanceOf(CatalogException.class)
			.hasMessageContaining("which is not of the form dataset.column");
	}

	@Test
	void givenTwoDatasetsReferencingEachOther_loadingFailsNamingTheCycle() {
		edit("projects", "label: 项目编号 }", "label: 项目编号, references: tech_transfers.result_code }");
		edit("tech_transfers", "label: 成果编号 }", "label: 成果编号, references: projects.project_code }");

		assertThatThrownBy(() -> CatalogLoader.load(config)).isInstanceOf(CatalogException.class)
			.hasMessageEndingWith("dataset references form a cycle: projects -> tech_transfers -> projects");
	}

	private void reference(String dataset, String target) {
		edit(dataset, "references: projects.project_code", "references: " + target);
	}

	private void edit(String dataset, String from, String to) {
		replace("datasets/" + dataset + ".yml", from, to);
	}

}
