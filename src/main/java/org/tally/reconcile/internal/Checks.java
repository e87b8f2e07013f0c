package org.tally.reconcile.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.tally.catalog.Catalog;
import org.tally.catalog.CheckDefinition;
import org.tally.database.SqlCheckDatabase;

/**
 * Builds the check a definition declares; an inconsistent definition fails here, at
 * start-up.
 */
public final class Checks {

	private Checks() {
	}

	public static Check of(CheckDefinition definition, Catalog catalog, JdbcClient jdbc,
			SqlCheckDatabase sqlCheckDatabase) {
		Definitions defs = new Definitions(catalog, definition);
		String type = defs.require("type", definition.type());
		return switch (type) {
			case "totals" -> new TotalsCheck(defs, jdbc);
			case "compare" -> new CompareCheck(defs, jdbc);
			case "references" -> new ReferencesCheck(defs, jdbc);
			case "row" -> new RowRuleCheck(defs, jdbc);
			case "unique" -> new UniqueCheck(defs, jdbc);
			case "non_decreasing" -> new NonDecreasingCheck(defs, jdbc);
			case "completeness" -> new CompletenessCheck(defs, jdbc);
			case "sql" -> new SqlCheck(defs, sqlCheckDatabase);
			default -> throw defs.invalid("type '" + type
					+ "' is not one of totals, compare, references, row, unique, non_decreasing, completeness, sql");
		};
	}

}
