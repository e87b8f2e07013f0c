package org.tally.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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
	void givenAMailBlock_itsMailboxAndSendersAreRead() {
		replace("sources/health-activities.yml", "period: { from: filename }",
				"period: { from: filename }\nmail: { mailbox: reporting, senders: [clerk@wjw.changzhi.gov.cn, \"@wjw.gov.cn\"] }");

		assertThat(CatalogLoader.load(config).source("health-activities").orElseThrow().mail())
			.isEqualTo(new SourceDefinition.Mail("reporting", List.of("clerk@wjw.changzhi.gov.cn", "@wjw.gov.cn")));
	}

	@ParameterizedTest(name = "given {0}, it is refused naming {1} and the fault")
	@MethodSource("brokenEdits")
	void givenABrokenEdit_itIsRefusedNamingTheFileAndTheFault(String edit, String file, String from, String to,
			String fault) {
		replace(file, from, to);

		assertThatThrownBy(() -> CatalogLoader.load(config)).isInstanceOf(CatalogException.class)
			.hasMessageContaining(Path.of(file).getFileName().toString())
			.hasMessageContaining(fault);
	}

	static Stream<Arguments> brokenEdits() {
		return Stream.of(
				Arguments.of("a source feeding an undeclared dataset", "sources/health-activities.yml",
						"dataset: health_activities", "dataset: hospitals", "dataset 'hospitals' is not declared"),
				Arguments.of("a dataset name that is not a safe identifier", "datasets/tech_transfers.yml",
						"name: tech_transfers", "name: \"tech; DROP TABLE x\"",
						"must be lower-case letters, digits and underscores"),
				Arguments.of("a dataset name too long for its derived identifiers", "datasets/tech_transfers.yml",
						"name: tech_transfers", "name: tech_transfers_" + "x".repeat(34),
						"has 49 characters; at most 48"),
				Arguments.of("a required column without header aliases", "sources/finance-projects.yml",
						"  project_code:         { aliases: [项目编号, 项目代码, 编号] }\n", "",
						"required column 'project_code'"),
				Arguments.of("a mail sender that is neither an address nor a domain", "sources/health-activities.yml",
						"period: { from: filename }",
						"period: { from: filename }\nmail: { mailbox: reporting, senders: [卫健委] }",
						"'mail.senders' entry '卫健委' is neither an address"),
				Arguments.of("an unknown key (refused rather than ignored)", "sources/finance-projects.yml",
						"maxRejectRate: 0.05", "maxRejectRatio: 0.05", "maxRejectRatio"),
				Arguments.of("a figure depending on an undeclared check", "figures.yml",
						"checks: [tech_transfers_totals]\n    aliases: [科技成果, 成果转化",
						"checks: [no_such_check]\n    aliases: [科技成果, 成果转化", "unknown check 'no_such_check'"),
				Arguments.of("a derived figure of an undeclared figure", "figures.yml", "numerator: started_projects",
						"numerator: no_such_figure",
						"derived figure 'start_rate' names unknown figure 'no_such_figure'"));
	}

	@Test
	void givenTheShippedConfiguration_theDerivedRatesAndAveragesAreRead() {
		assertThat(CatalogLoader.load(config).derived()).extracting(DerivedFigure::id)
			.containsExactly("start_rate", "completion_rate", "committed_per_project", "contract_value_per_transfer");
	}

}
