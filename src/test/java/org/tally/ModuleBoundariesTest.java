package org.tally;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.DiagramOptions;
import org.springframework.modulith.docs.Documenter.DiagramOptions.ElementsWithoutRelationships;
import org.springframework.modulith.docs.Documenter.Options;

/**
 * Each capability package uses only the public surface of the others, none depend in a
 * cycle, and the module diagram committed under docs/modules is the one these packages
 * make.
 */
class ModuleBoundariesTest {

	private static final Path COMMITTED = Path.of("docs/modules/components.puml");

	private static final Path GENERATED_FOLDER = Path.of("target/modules");

	private final ApplicationModules modules = ApplicationModules.of(TallyApplication.class);

	@Test
	void givenTheCapabilityPackages_eachUsesOnlyThePublicSurfaceOfTheOthersWithoutCycles() {
		this.modules.verify();
	}

	/**
	 * Documenter writes the same diagram in a different line order from run to run, so
	 * the lines are compared as sorted; a stale diagram fails with the command that
	 * refreshes it.
	 */
	@Test
	void givenTheCapabilityPackages_theCommittedDiagramIsTheOneDocumenterWrites() throws IOException {
		new Documenter(this.modules, Options.defaults().withOutputFolder(GENERATED_FOLDER.toString()))
			.writeModulesAsPlantUml(DiagramOptions.defaults()
				.withElementsWithoutRelationships(ElementsWithoutRelationships.VISIBLE)
				.withDefaultDisplayName((module) -> module.getIdentifier().toString()));
		Path generated = GENERATED_FOLDER.resolve(COMMITTED.getFileName());
		assertThat(sortedLines(COMMITTED))
			.as("%s is stale: cp %s %s and commit it, and update the README's module map", COMMITTED, generated,
					COMMITTED)
			.isEqualTo(sortedLines(generated));
	}

	private static List<String> sortedLines(Path file) throws IOException {
		return Files.exists(file) ? Files.readAllLines(file).stream().sorted().toList() : List.of();
	}

}
