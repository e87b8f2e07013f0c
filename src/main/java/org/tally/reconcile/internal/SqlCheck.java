package org.tally.reconcile.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.tally.database.SqlCheckDatabase;
import org.tally.reconcile.CheckOutcome;

/**
 * The escape hatch: a SELECT with the named parameter {@code :as_of}, run under the
 * checks' own read-only role in a transaction that is rolled back, under a statement
 * timeout; it passes when it returns no rows, and each row is evidence (columns named
 * file, sheet, cell and column fill those fields, the others the note).
 */
final class SqlCheck extends DeclaredCheck {

	private static final Pattern LEADING_COMMENTS = Pattern.compile("\\A(\\s+|--[^\\n]*(\\n|\\z)|/\\*.*?\\*/)*",
			Pattern.DOTALL);

	private static final int DEFAULT_TIMEOUT_SECONDS = 30;

	private final SqlCheckDatabase database;

	private final String sql;

	private final long timeoutMillis;

	SqlCheck(CheckDeclaration declaration, SqlCheckDatabase database) {
		super(declaration);
		this.database = database;
		database.unavailableReason().ifPresent(reason -> {
			throw declaration.invalid(reason);
		});
		String text = declaration.require("sql", declaration.definition().sql()).strip();
		if (text.endsWith(";")) {
			text = text.substring(0, text.length() - 1).strip();
		}
		String body = LEADING_COMMENTS.matcher(text).replaceFirst("").toLowerCase(Locale.ROOT);
		if (!(body.startsWith("select") || body.startsWith("with")) || text.contains(";")) {
			throw declaration.invalid("'sql' must be one SELECT (or WITH … SELECT) statement");
		}
		this.sql = text;
		int seconds = declaration.definition().timeoutSeconds() == null ? DEFAULT_TIMEOUT_SECONDS
				: declaration.definition().timeoutSeconds();
		if (seconds <= 0) {
			throw declaration.invalid("'timeoutSeconds' must be positive");
		}
		this.timeoutMillis = seconds * 1000L;
	}

	private CheckOutcome couldNotRun(LocalDate period, String reason) {
		return declaration.outcome(period, false, null, null, "the query could not run: " + reason, List.of());
	}

	@Override
	public CheckOutcome run(LocalDate period) {
		List<Map<String, String>> rows;
		try {
			rows = database.readOnly(timeoutMillis, connection -> {
				JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
				// Streamed with a fetch size (we are in a transaction): every row is
				// counted, only the evidence is kept, so a query matching millions of
				// rows cannot fill the heap.
				List<Map<String, String>> kept = new ArrayList<>();
				long[] count = { 0 };
				jdbc.sql(sql).withFetchSize(1000).param("as_of", period).query((ResultSet rs) -> {
					if (count[0]++ < Query.MAX_EVIDENCE) {
						ResultSetMetaData meta = rs.getMetaData();
						Map<String, String> row = new LinkedHashMap<>();
						for (int i = 1; i <= meta.getColumnCount(); i++) {
							row.put(meta.getColumnLabel(i), rs.getString(i));
						}
						kept.add(row);
					}
				});
				if (!kept.isEmpty()) {
					kept.get(0).put("offending_rows", String.valueOf(count[0]));
				}
				return kept;
			});
		}
		catch (DataAccessException ex) {
			// A failing query is a failed check, not a failed run; the reason is the
			// database's.
			return couldNotRun(period, ex.getMostSpecificCause().getMessage());
		}
		catch (SQLException ex) {
			return couldNotRun(period, ex.getMessage());
		}
		long offending = rows.isEmpty() ? 0 : Long.parseLong(rows.get(0).get("offending_rows"));
		List<CheckOutcome.Evidence> evidence = new ArrayList<>();
		for (Map<String, String> row : rows) {
			Map<String, String> rest = new LinkedHashMap<>(row);
			rest.remove("offending_rows");
			String file = rest.remove("file");
			String sheet = rest.remove("sheet");
			String cell = rest.remove("cell");
			String column = rest.remove("column");
			List<String> note = new ArrayList<>();
			rest.forEach((k, v) -> note.add(k + "=" + v));
			evidence.add(new CheckOutcome.Evidence(file, sheet, cell, column, null, null, String.join(", ", note)));
		}
		String message = rows.isEmpty() ? "the query returned no rows"
				: "the query returned "
						+ offending + " rows; first " + (evidence.get(0).file() == null ? "" : evidence.get(0).file()
								+ " [" + evidence.get(0).sheet() + "] " + evidence.get(0).cell() + ": ")
						+ evidence.get(0).note();
		return declaration.outcome(period, rows.isEmpty(), BigDecimal.ZERO, BigDecimal.valueOf(offending), message,
				evidence);
	}

}
