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
		CheckDeclaration declaration = new CheckDeclaration(catalog, definition);
		String type = declaration.require("type", definition.type());
		return switch (type) {
			case "totals" -> new TotalsCheck(declaration, jdbc);
			case "compare" -> new CompareCheck(declaration, jdbc);
			case "references" -> new ReferencesCheck(declaration, jdbc);
			case "row" -> new RowRuleCheck(declaration, jdbc);
			case "unique" -> new UniqueCheck(declaration, jdbc);
			case "non_decreasing" -> new NonDecreasingCheck(declaration, jdbc);
			case "completeness" -> new CompletenessCheck(declaration, jdbc);
			case "sql" -> new SqlCheck(declaration, sqlCheckDatabase);
			default -> throw declaration.invalid("type '" + type
					+ "' is not one of totals, compare, references, row, unique, non_decreasing, completeness, sql");
		};
	}

}
