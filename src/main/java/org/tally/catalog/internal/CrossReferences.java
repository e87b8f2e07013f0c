package org.tally.catalog.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tally.catalog.Catalog;
import org.tally.catalog.CatalogException;
import org.tally.catalog.CheckDefinition;
import org.tally.catalog.ColumnDefinition;
import org.tally.catalog.DatasetDefinition;
import org.tally.catalog.DerivedFigure;
import org.tally.catalog.FigureDefinition;

/**
 * Checks that what the catalog's files name exists: datasets referenced by columns (with
 * no cycle), by checks and by figures, and the columns they use.
 */
final class CrossReferences {

	private CrossReferences() {
	}

	static void check(Catalog catalog) {
		Path directory = catalog.directory();
		Path datasetsDir = directory.resolve("datasets");
		for (DatasetDefinition dataset : catalog.datasets().values()) {
			for (ColumnDefinition column : dataset.columns()) {
				if (column.vocabulary() != null && !catalog.vocabularies().containsKey(column.vocabulary())) {
					throw new CatalogException(datasetsDir + "/" + dataset.name() + ".yml: vocabulary '"
							+ column.vocabulary() + "' is not in vocabularies.yml");
				}
				validateReference(catalog, datasetsDir.resolve(dataset.name() + ".yml"), dataset, column);
			}
		}
		requireAcyclicReferences(catalog, datasetsDir);
		Path checksFile = directory.resolve("reconciliation.yml");
		Set<String> checkIds = new HashSet<>();
		for (CheckDefinition check : catalog.checks()) {
			CatalogLoader.requireText(checksFile, "checks.id", check.id());
			if (!checkIds.add(check.id())) {
				throw new CatalogException(checksFile + ": check '" + check.id() + "' is declared twice");
			}
			if (check.dataset() != null && !catalog.datasets().containsKey(check.dataset())) {
				throw new CatalogException(
						checksFile + ": check '" + check.id() + "' names unknown dataset '" + check.dataset() + "'");
			}
			if (!Set.of("fail", "warn").contains(check.severity())) {
				throw new CatalogException(checksFile + ": check '" + check.id() + "' severity must be fail or warn");
			}
		}
		Path figuresFile = directory.resolve("figures.yml");
		for (FigureDefinition figure : catalog.figures()) {
			CatalogLoader.requireIdentifier(figuresFile, "figures.id", figure.id());
			DatasetDefinition dataset = catalog.datasets().get(figure.dataset());
			if (dataset == null) {
				throw new CatalogException(figuresFile + ": figure '" + figure.id() + "' names unknown dataset '"
						+ figure.dataset() + "'");
			}
			if (figure.measure() == null) {
				throw new CatalogException(
						figuresFile + ": figure '" + figure.id() + "' needs a measure (sum, count, count_distinct)");
			}
			if (figure.measure() != FigureDefinition.Measure.COUNT && dataset.column(figure.column()).isEmpty()) {
				throw new CatalogException(figuresFile + ": figure '" + figure.id() + "' column '" + figure.column()
						+ "' is not in dataset '" + dataset.name() + "'");
			}
			figure.where().keySet().forEach(column -> {
				if (dataset.column(column).isEmpty()) {
					throw new CatalogException(
							figuresFile + ": figure '" + figure.id() + "' filters on unknown column '" + column + "'");
				}
			});
			for (String check : figure.checks()) {
				if (!checkIds.contains(check)) {
					throw new CatalogException(
							figuresFile + ": figure '" + figure.id() + "' depends on unknown check '" + check + "'");
				}
			}
			if (!Set.of("CNY", "COUNT").contains(figure.unit())) {
				throw new CatalogException(figuresFile + ": figure '" + figure.id() + "' unit must be CNY or COUNT");
			}
		}
		Set<String> figureIds = new HashSet<>();
		catalog.figures().forEach(f -> figureIds.add(f.id()));
		for (DerivedFigure derived : catalog.derived()) {
			CatalogLoader.requireIdentifier(figuresFile, "derived.id", derived.id());
			if (derived.kind() == null || derived.words().isEmpty()) {
				throw new CatalogException(figuresFile + ": derived figure '" + derived.id()
						+ "' needs a kind (rate, average) and the words a text uses for it");
			}
			for (String part : new String[] { derived.numerator(), derived.denominator() }) {
				if (!figureIds.contains(part)) {
					throw new CatalogException(figuresFile + ": derived figure '" + derived.id()
							+ "' names unknown figure '" + part + "' (declared: " + figureIds + ")");
				}
			}
			if (!figureIds.add(derived.id())) {
				throw new CatalogException(figuresFile + ": figure '" + derived.id() + "' is declared twice");
			}
		}
	}

	/**
	 * A reference names a key column of another dataset, so "is this code known" has one
	 * answer per period.
	 */
	private static void validateReference(Catalog catalog, Path file, DatasetDefinition dataset,
			ColumnDefinition column) {
		if (column.reference().isEmpty()) {
			return;
		}
		ColumnDefinition.Reference reference = column.reference().get();
		String where = file + ": column '" + column.name() + "' references '" + column.references() + "'";
		if (reference.column().isEmpty()) {
			throw new CatalogException(
					where + ", which is not of the form dataset.column (e.g. projects.project_code)");
		}
		DatasetDefinition target = catalog.datasets().get(reference.dataset());
		if (target == null) {
			throw new CatalogException(where + ", but dataset '" + reference.dataset() + "' is not declared (declared: "
					+ catalog.datasets().keySet() + ")");
		}
		if (target.name().equals(dataset.name())) {
			throw new CatalogException(where + ": a dataset cannot reference itself");
		}
		ColumnDefinition targetColumn = target.column(reference.column())
			.orElseThrow(() -> new CatalogException(
					where + ", but dataset '" + target.name() + "' has no column '" + reference.column() + "'"));
		if (!target.key().equals(List.of(targetColumn.name()))) {
			throw new CatalogException(where + ", but '" + reference.column() + "' is not the key of dataset '"
					+ target.name() + "' (key: " + target.key() + ")");
		}
		if (column.type() != targetColumn.type()) {
			throw new CatalogException(
					where + ", but its type " + column.type() + " differs from " + targetColumn.type());
		}
	}

	/** Referenced datasets are read first in a run; a cycle would leave no first. */
	private static void requireAcyclicReferences(Catalog catalog, Path datasetsDir) {
		Set<String> done = new HashSet<>();
		for (String name : catalog.datasets().keySet().stream().sorted().toList()) {
			visit(catalog, datasetsDir, name, new ArrayList<>(), done);
		}
	}

	private static void visit(Catalog catalog, Path datasetsDir, String name, List<String> path, Set<String> done) {
		if (done.contains(name)) {
			return;
		}
		if (path.contains(name)) {
			List<String> cycle = new ArrayList<>(path.subList(path.indexOf(name), path.size()));
			cycle.add(name);
			throw new CatalogException(
					datasetsDir + ": dataset references form a cycle: " + String.join(" -> ", cycle));
		}
		path.add(name);
		for (ColumnDefinition column : catalog.datasets().get(name).columns()) {
			if (column.reference().isPresent()) {
				visit(catalog, datasetsDir, column.reference().get().dataset(), path, done);
			}
		}
		path.remove(path.size() - 1);
		done.add(name);
	}

}
