package org.tally.figures;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tally.catalog.Catalog;
import org.tally.catalog.FigureDefinition;
import org.tally.figures.internal.FigureQuery;

/**
 * Recomputes every figure of the latest published run from the current rows with one
 * plain aggregate, independently of the publisher's per-file query, and compares with
 * what was stored.
 */
@Component
public class FigureAudit {

	private final JdbcClient jdbc;

	private final Catalog catalog;

	private final FigurePublisher publisher;

	FigureAudit(JdbcClient jdbc, Catalog catalog, FigurePublisher publisher) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.publisher = publisher;
	}

	/** One comparison: the stored value against the recomputation from the warehouse. */
	public record Comparison(String figureId, LocalDate asOf, BigDecimal stored, BigDecimal fromWarehouse) {

		public boolean agrees() {
			return stored != null && stored.compareTo(fromWarehouse) == 0;
		}
	}

	public List<Comparison> compareLatest() {
		List<Comparison> comparisons = new ArrayList<>();
		List<LocalDate> periods = jdbc.sql("""
				SELECT DISTINCT as_of FROM publish.figure_version
				WHERE run_id = (SELECT max(run_id) FROM publish.figure_version) ORDER BY as_of""")
			.query(LocalDate.class)
			.list();
		for (LocalDate asOf : periods) {
			for (FigureValue stored : publisher.latest(asOf)) {
				FigureDefinition definition = catalog.figures()
					.stream()
					.filter(f -> f.id().equals(stored.id()))
					.findFirst()
					.orElse(null);
				if (definition == null) {
					continue; // a figure since removed from config: nothing to recompute
								// it by
				}
				comparisons
					.add(new Comparison(stored.id(), asOf, stored.value(), value(definition, "warehouse", asOf)));
			}
		}
		return comparisons;
	}

	private BigDecimal value(FigureDefinition figure, String schema, LocalDate asOf) {
		FigureQuery query = FigureQuery.of(figure, schema, asOf);
		return jdbc.sql(query.valueSql()).params(query.params()).query(BigDecimal.class).single();
	}

}
