package org.tally.operate.internal;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tally.operate.Actor;

/**
 * The operators' audit trail (ops.audit): who ran, reran, restarted, stopped or paused
 * what, when, from where.
 */
@Component
public class AuditLog {

	private final JdbcClient jdbc;

	AuditLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One audited operation and how it ended (ok, refused: why, failed: why). */
	public record Entry(long id, Instant at, String actor, String origin, String channel, String action, String target,
			String outcome, String detail) {
	}

	public void record(Actor actor, String action, String target, String outcome, String detail) {
		jdbc.sql("""
				INSERT INTO ops.audit (actor, origin, channel, action, target, outcome, detail)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(actor.name(), actor.origin(), actor.channel(), action, target, outcome, detail)
			.update();
	}

	public List<Entry> latest(int limit) {
		return jdbc.sql("""
				SELECT id, at, actor, origin, channel, action, target, outcome, detail
				FROM ops.audit ORDER BY id DESC LIMIT ?""")
			.param(limit)
			.query((rs, n) -> new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)))
			.list();
	}

}
