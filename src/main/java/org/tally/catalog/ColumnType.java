package org.tally.catalog;

/**
 * What a dataset column holds, and so how its cells are read and which SQL type stores
 * it.
 */
public enum ColumnType {

	/** Free text. */
	TEXT("text"),
	/** An identifier kept digit for digit: never read through a number. */
	CODE("text"),
	/** A whole count (people, items). */
	INTEGER("bigint"),
	/** A plain decimal quantity without unit. */
	DECIMAL("numeric"),
	/** An amount of money, converted to yuan once when read. */
	MONEY("numeric(20,2)"),
	/** A calendar date. */
	DATE("date"),
	/** One canonical value of a vocabulary (statuses, counties). */
	ENUM("text");

	private final String sqlType;

	ColumnType(String sqlType) {
		this.sqlType = sqlType;
	}

	public String sqlType() {
		return sqlType;
	}

}
