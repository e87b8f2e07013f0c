package org.tally.reconcile.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tally.catalog.CheckDefinition;
import org.tally.catalog.SourceDefinition;
import org.tally.reconcile.CheckOutcome;

/**
 * Every required source has a current load for the period: the listed sources, else those
 * feeding {@code dataset}, else all. A missing one is evidence with its latest file of
 * the period and why it failed.
 */
final class CompletenessCheck extends WarehouseCheck {

	private final List<SourceDefinition> sources;

	CompletenessCheck(CheckDeclaration declaration, JdbcClient jdbc) {
		super(declaration, jdbc);
		CheckDefinition check = declaration.definition();
		if (!check.sources().isEmpty()) {
			this.sources = check.sources()
				.stream()
				.map(id -> declaration.catalog()
					.source(id)
					.orElseThrow(() -> declaration.invalid("source '" + id + "' is not declared in sources/ (declared: "
							+ declaration.catalog().sources().stream().map(SourceDefinition::id).toList() + ")")))
				.toList();
		}
		else if (check.dataset() != null) {
			this.sources = declaration.catalog().sourcesOf(declaration.dataset(check.dataset()).name());
		}
		else {
			this.sources = declaration.catalog().sources();
		}
	}

	@Override
	public CheckOutcome run(LocalDate period) {
		List<CheckOutcome.Evidence> evidence = new ArrayList<>();
		List<String> missing = new ArrayList<>();
		for (SourceDefinition source : sources) {
			boolean current = jdbc
				.sql("SELECT count(*) > 0 FROM registry.load WHERE is_current AND source_id = ? AND period = ?")
				.params(source.id(), period)
				.query(Boolean.class)
				.single();
			if (current) {
				continue;
			}
			missing.add(source.id());
			CheckOutcome.Evidence latest = jdbc.sql("""
					SELECT file_name, sheet, status, reason FROM registry.load
					WHERE source_id = ? AND (period = ? OR period IS NULL) AND status NOT IN ('duplicate')
					ORDER BY id DESC LIMIT 1""")
				.params(source.id(), period)
				.query((rs, n) -> new CheckOutcome.Evidence(rs.getString(1), rs.getString(2), null, null, null, null,
						"no current load of " + source.id() + " (" + source.departmentName() + ") for " + period
								+ "; its latest file is " + rs.getString(3)
								+ (rs.getString(4) == null ? "" : ": " + rs.getString(4))))
				.optional()
				.orElse(new CheckOutcome.Evidence(null, null, null, null, null, null,
						"no current load of " + source.id() + " (" + source.departmentName() + ") for " + period
								+ "; no file of it was seen"));
			evidence.add(latest);
		}
		String message = missing.isEmpty() ? sources.size() + " sources all have a current load for " + period
				: missing.size() + " of " + sources.size() + " sources have no current load for " + period + ": "
						+ String.join(", ", missing);
		return declaration.outcome(period, missing.isEmpty(), BigDecimal.valueOf(sources.size()),
				BigDecimal.valueOf(sources.size() - missing.size()), message, evidence);
	}

}
