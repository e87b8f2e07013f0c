package org.tally.support;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tally.figures.PressFigures;

/** Resets and inspects the warehouse of the integration tests. */
public final class TestWarehouse {

	private final JdbcClient jdbc;

	private final PressFigures press;

	TestWarehouse(JdbcClient jdbc, PressFigures press) {
		this.jdbc = jdbc;
		this.press = press;
	}

	/**
	 * Empties Tally's and Spring Batch's tables: every test starts from a fresh
	 * installation.
	 */
	public void reset() {
		List<String> tables = jdbc.sql("""
				SELECT quote_ident(schemaname) || '.' || quote_ident(tablename) FROM pg_tables
				WHERE schemaname IN ('registry', 'staging', 'warehouse', 'recon', 'publish')
				   OR (schemaname = 'public' AND tablename LIKE 'batch\\_%')""").query(String.class).list();
		if (!tables.isEmpty()) {
			jdbc.sql("TRUNCATE " + String.join(", ", tables) + " RESTART IDENTITY CASCADE").update();
		}
		// a writer beside the publisher, like a restore: the press view must not wait
		// for its refresh to see the empty warehouse
		press.forget();
	}

	/**
	 * Removes a dataset a test declared for itself: its reporting view, its tables and
	 * its loads.
	 */
	public void dropDataset(String dataset) {
		// A table name cannot be a bind parameter: take only a plain lower-case name.
		if (!dataset.matches("[a-z_]+")) {
			throw new IllegalArgumentException("not a test dataset name: " + dataset);
		}
		jdbc.sql("DROP VIEW IF EXISTS reporting." + dataset).update();
		jdbc.sql("DROP TABLE IF EXISTS staging." + dataset + ", warehouse." + dataset).update();
		jdbc.sql("DELETE FROM registry.load WHERE dataset = ?").param(dataset).update();
	}

	public long count(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(Long.class).single();
	}

	public BigDecimal decimal(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(BigDecimal.class).single();
	}

	public List<String> strings(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(String.class).list();
	}

	/** Every row's columns as text, in the query's order. */
	public List<List<String>> rows(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query((rs, n) -> {
			List<String> row = new ArrayList<>();
			for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
				row.add(rs.getString(i));
			}
			return row;
		}).list();
	}

	public JdbcClient jdbc() {
		return jdbc;
	}

}
