package org.tally.catalog;

import java.util.regex.Pattern;

/**
 * Identifiers Tally derives from config (dataset and column names) are validated when the
 * catalog loads and quoted again here whenever they reach SQL; values never do, they are
 * bound parameters.
 */
public final class SqlIdentifier {

	static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,62}");

	/**
	 * The longest dataset name: the longest identifier derived from one,
	 * {@code <dataset>_load_id_fkey}, must fit PostgreSQL's 63 bytes, with room for
	 * suffixes to come.
	 */
	public static final int MAX_DATASET_NAME = 48;

	private SqlIdentifier() {
	}

	public static boolean valid(String name) {
		return name != null && IDENTIFIER.matcher(name).matches();
	}

	/**
	 * The identifier in double quotes, or an exception when it is not one Tally would
	 * have accepted.
	 */
	public static String quote(String name) {
		if (!valid(name)) {
			throw new IllegalArgumentException("not a valid SQL identifier: '" + name + "'");
		}
		return '"' + name + '"';
	}

}
