package org.tally.catalog;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tally.catalog.internal.CatalogLoader;

/**
 * Everything Tally knows from {@code config/}: datasets, department sources,
 * vocabularies, reconciliation checks and headline figures, validated against each other
 * when loaded.
 */
public record Catalog(Path directory, Map<String, DatasetDefinition> datasets, List<SourceDefinition> sources,
		Map<String, Map<String, List<String>>> vocabularies, List<CheckDefinition> checks,
		List<FigureDefinition> figures, List<DerivedFigure> derived) {

	public Catalog {
		datasets = Map.copyOf(datasets);
		sources = List.copyOf(sources);
		vocabularies = Map.copyOf(vocabularies);
		checks = List.copyOf(checks);
		figures = List.copyOf(figures);
		derived = derived == null ? List.of() : List.copyOf(derived);
	}

	/** A catalog without derived figures. */
	public Catalog(Path directory, Map<String, DatasetDefinition> datasets, List<SourceDefinition> sources,
			Map<String, Map<String, List<String>>> vocabularies, List<CheckDefinition> checks,
			List<FigureDefinition> figures) {
		this(directory, datasets, sources, vocabularies, checks, figures, List.of());
	}

	/**
	 * Loads and cross-checks the configuration in {@code directory}, as the application
	 * does at start; for commands that need no database.
	 */
	public static Catalog load(Path directory) {
		return CatalogLoader.load(directory);
	}

	public DatasetDefinition dataset(String name) {
		DatasetDefinition dataset = datasets.get(name);
		if (dataset == null) {
			throw new CatalogException("no dataset '" + name + "' in " + directory.resolve("datasets"));
		}
		return dataset;
	}

	public Optional<SourceDefinition> source(String id) {
		return sources.stream().filter(s -> s.id().equals(id)).findFirst();
	}

	public Optional<CheckDefinition> check(String id) {
		return checks.stream().filter(c -> c.id().equals(id)).findFirst();
	}

	public List<SourceDefinition> sourcesOf(String dataset) {
		return sources.stream().filter(s -> s.dataset().equals(dataset)).toList();
	}
}
