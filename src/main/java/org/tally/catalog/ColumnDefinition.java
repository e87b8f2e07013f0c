package org.tally.catalog;

import java.util.Optional;

/**
 * One column of a dataset: its SQL name, type, whether a row needs it, its vocabulary for
 * enums, and optionally {@code references} ("dataset.column"): a value must exist in the
 * current rows of that dataset for the same reporting period.
 */
public record ColumnDefinition(String name, ColumnType type, boolean required, String vocabulary, String label,
		String references) {

	public ColumnDefinition(String name, ColumnType type, boolean required, String vocabulary, String label) {
		this(name, type, required, vocabulary, label, null);
	}

	/**
	 * The dataset and column this column's values must be found in, when it declares a
	 * reference.
	 */
	public Optional<Reference> reference() {
		if (references == null || references.isBlank()) {
			return Optional.empty();
		}
		int dot = references.indexOf('.');
		return Optional.of(dot < 0 ? new Reference(references.strip(), "")
				: new Reference(references.substring(0, dot).strip(), references.substring(dot + 1).strip()));
	}

	/** A "dataset.column" a referring column's values are checked against. */
	public record Reference(String dataset, String column) {

		@Override
		public String toString() {
			return dataset + "." + column;
		}
	}
}
