package org.tally.support;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Resets and inspects the warehouse of the integration tests. */
public final class TestWarehouse {

	private final JdbcClient jdbc;

	TestWarehouse(JdbcClient jdbc) {
		this.jdbc = jdbc;
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

	public JdbcClient jdbc() {
		return jdbc;
	}

}
