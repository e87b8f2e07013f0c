package org.tally.reconcile.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Scans that several checks of one reconciliation share, for one reconcile call: the row rules over
 * the same dataset and filter are counted in one scan of its current rows instead of one each. It
 * lives as long as the call that made it, so nothing is cached between runs.
 */
public final class SharedScans {

	private final JdbcClient jdbc;
	private final List<RowRuleCheck> rules;
	private final Map<Scope, Map<RowRuleCheck, long[]>> ruleCounts = new HashMap<>();

	public SharedScans(JdbcClient jdbc, List<Check> checks) {
		this.jdbc = jdbc;
		this.rules = checks.stream().filter(RowRuleCheck.class::isInstance).map(RowRuleCheck.class::cast).toList();
	}

	/** Rows checked and rows breaking the rule, from the scan shared by the rules of the same scope. */
	long[] ruleCounts(RowRuleCheck check, LocalDate period) {
		Scope scope = new Scope(check.dataset().name(), check.where(), period);
		long[] counts = ruleCounts.computeIfAbsent(scope, s -> countTogether(rules.stream()
			.filter(r -> new Scope(r.dataset().name(), r.where(), period).equals(s))
			.toList(), period)).get(check);
		return counts != null ? counts : countTogether(List.of(check), period).get(check);
	}

	private Map<RowRuleCheck, long[]> countTogether(List<RowRuleCheck> together, LocalDate period) {
		if (together.isEmpty()) {
			return Map.of();
		}
		RowRuleCheck first = together.get(0);
		Query query = new Query().append("SELECT count(*)");
		for (RowRuleCheck rule : together) {
			query.append(", ");
			rule.appendBreaking(query, period);
		}
		first.appendScope(query, period);
		List<Long> counts = jdbc.sql(query.sql()).params(query.params()).query((rs, n) -> {
			List<Long> values = new ArrayList<>();
			for (int i = 1; i <= together.size() + 1; i++) {
				values.add(rs.getLong(i));
			}
			return values;
		}).single();
		Map<RowRuleCheck, long[]> byRule = new HashMap<>();
		for (int i = 0; i < together.size(); i++) {
			byRule.put(together.get(i), new long[] { counts.get(0), counts.get(i + 1) });
		}
		return byRule;
	}

	private record Scope(String dataset, List<Condition> where, LocalDate period) {
	}
}
