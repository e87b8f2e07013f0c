package org.tally.reconcile.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.tally.catalog.Catalog;
import org.tally.catalog.CatalogException;
import org.tally.catalog.CheckDefinition;
import org.tally.catalog.ColumnDefinition;
import org.tally.catalog.DatasetDefinition;
import org.tally.reconcile.CheckOutcome;

/**
 * A check definition with the catalog it refers to: validation that names file and check,
 * and outcomes.
 */
record CheckDeclaration(Catalog catalog, CheckDefinition definition) {

	CatalogException invalid(String problem) {
		return new CatalogException(
				catalog.directory().resolve("reconciliation.yml") + ": check '" + definition.id() + "': " + problem);
	}

	String require(String key, String value) {
		if (value == null || value.isBlank()) {
			throw invalid("'" + key + "' is required for type " + definition.type());
		}
		return value;
	}

	<T> T require(String key, T value) {
		if (value == null) {
			throw invalid("'" + key + "' is required for type " + definition.type());
		}
		return value;
	}

	DatasetDefinition dataset(String name) {
		DatasetDefinition dataset = catalog.datasets().get(require("dataset", name));
		if (dataset == null) {
			throw invalid("dataset '" + name + "' is not declared (declared: " + catalog.datasets().keySet() + ")");
		}
		return dataset;
	}

	ColumnDefinition column(DatasetDefinition dataset, String name) {
		return dataset.column(require("column", name))
			.orElseThrow(() -> invalid("column '" + name + "' is not in dataset '" + dataset.name() + "'"));
	}

	List<Condition> conditions(DatasetDefinition dataset, List<CheckDefinition.Condition> declared) {
		return declared.stream().map(c -> Condition.of(this, dataset, c)).toList();
	}

	/**
	 * Within tolerance: absolute, or relative to the larger side when a relative
	 * tolerance is declared.
	 */
	boolean within(BigDecimal difference, BigDecimal a, BigDecimal b) {
		BigDecimal allowed = definition.tolerance();
		if (definition.relativeTolerance() != null) {
			BigDecimal relative = definition.relativeTolerance().multiply(a.abs().max(b.abs()));
			allowed = allowed.max(relative);
		}
		return difference.abs().compareTo(allowed) <= 0;
	}

	CheckOutcome outcome(LocalDate period, boolean passed, BigDecimal expected, BigDecimal actual, String message,
			List<CheckOutcome.Evidence> evidence) {
		BigDecimal difference = expected == null || actual == null ? null : expected.subtract(actual);
		return new CheckOutcome(definition.id(), definition.type(), definition.severity(), period, passed, expected,
				actual, difference, message, List.copyOf(evidence));
	}

}
