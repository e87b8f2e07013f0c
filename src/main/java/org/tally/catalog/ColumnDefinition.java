package org.tally.catalog;

/** One column of a dataset: its SQL name, type, whether a row needs it, and its vocabulary for enums. */
public record ColumnDefinition(String name, ColumnType type, boolean required, String vocabulary, String label) {
}
