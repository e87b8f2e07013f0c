package org.tally.figures;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How many figures stand verified and unverified now, each in its latest version for the
 * latest period it was published for, and how many of the unverified lost a verification
 * their version before had (the rule of the figure-unverified notification). One query,
 * cheap enough to answer every scrape of a monitoring system.
 */
@Component
public class FigureStatuses {

	private final JdbcClient jdbc;

	FigureStatuses(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The figures counted by status; all zero before the first publication. */
	public Counts now() {
		return jdbc.sql("""
				WITH latest AS (
				  SELECT DISTINCT ON (figure_id) figure_id, as_of, version, status FROM publish.figure_version
				  ORDER BY figure_id, as_of DESC, id DESC)
				SELECT count(*) FILTER (WHERE f.status = 'verified'),
				       count(*) FILTER (WHERE f.status <> 'verified'),
				       count(*) FILTER (WHERE f.status <> 'verified' AND EXISTS (
				         SELECT 1 FROM publish.figure_version p
				         WHERE p.figure_id = f.figure_id AND p.as_of = f.as_of AND p.version = f.version - 1
				           AND p.status = 'verified'))
				FROM latest f""").query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
	}

	/**
	 * Figures verified, unverified, and unverified after a verified version (a subset of
	 * the unverified).
	 */
	public record Counts(long verified, long unverified, long lostVerification) {
	}

}
