package org.tally.catalog;

import java.util.List;
import java.util.Optional;

/**
 * A dataset: the rows of one kind that sources feed, stored as warehouse.&lt;name&gt;.
 */
public record DatasetDefinition(String name, String label, List<String> key, List<ColumnDefinition> columns) {

	public DatasetDefinition {
		key = key == null ? List.of() : List.copyOf(key);
		columns = List.copyOf(columns);
	}

	public Optional<ColumnDefinition> column(String columnName) {
		return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
	}
}
