package org.tally.figures;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tally.catalog.Catalog;
import org.tally.catalog.DatasetDefinition;
import org.tally.catalog.FigureDefinition;
import org.tally.figures.internal.FigureQuery;

/**
 * Committed and completed investment by county as the press may see them: each series is
 * the breakdown of a verified figure (the one summing that column of the project ledger),
 * computed from the rows of the loads its last verified version for the period was
 * computed from. The bars add up to the figures the press quotes and trace to their
 * cells; a later unverified version, or a load made current since, changes nothing here.
 * Counties come in the order of the county dimension (config/reporting.yml, as
 * reporting.county lists it), so every chart and table of them agrees with the official
 * list.
 */
@Component
public class InvestmentByCounty {

	static final String PROJECTS = "projects";
	static final String COUNTY = "county";
	static final String COMMITTED = "committed_investment";
	static final String COMPLETED = "completed_investment";

	/** One county's committed and completed investment, in yuan. */
	public record County(String county, BigDecimal committed, BigDecimal completed) {
	}

	/**
	 * A verified figure version a series is computed from (its id in
	 * publish.figure_version), with the figure's label from figures.yml to name the
	 * series.
	 */
	public record Basis(String figureId, String label, LocalDate asOf, int version, long runId, long versionId) {
	}

	/** One period's breakdown and the two verified versions it is the breakdown of. */
	public record Period(LocalDate asOf, Basis committed, Basis completed, List<County> counties) {

		public Period {
			counties = List.copyOf(counties);
		}
	}

	private final JdbcClient jdbc;

	private final Catalog catalog;

	InvestmentByCounty(JdbcClient jdbc, Catalog catalog) {
		this.jdbc = jdbc;
		this.catalog = catalog;
	}

	/**
	 * Every period for which both figures have a verified version, oldest first; empty
	 * when the catalog declares no such figures.
	 */
	public List<Period> periods() {
		return periods(null);
	}

	/** The breakdown for one period, if both figures have a verified version for it. */
	public Optional<Period> period(LocalDate asOf) {
		return periods(asOf).stream().findFirst();
	}

	private List<Period> periods(LocalDate asOf) {
		Optional<FigureDefinition> committed = summing(COMMITTED);
		Optional<FigureDefinition> completed = summing(COMPLETED);
		if (committed.isEmpty() || completed.isEmpty()) {
			return List.of();
		}
		Map<LocalDate, Basis> committedVersions = lastVerified(committed.get(), asOf);
		Map<LocalDate, Basis> completedVersions = lastVerified(completed.get(), asOf);
		List<Period> periods = new ArrayList<>();
		committedVersions.forEach((period, committedBasis) -> {
			Basis completedBasis = completedVersions.get(period);
			if (completedBasis != null) {
				periods.add(new Period(period, committedBasis, completedBasis,
						counties(committed.get(), committedBasis, completed.get(), completedBasis)));
			}
		});
		return periods;
	}

	/**
	 * The figure of the project ledger that sums {@code column} over all its rows, if
	 * figures.yml declares one (the first, if several).
	 */
	private Optional<FigureDefinition> summing(String column) {
		DatasetDefinition projects = catalog.datasets().get(PROJECTS);
		if (projects == null || projects.column(COUNTY).isEmpty()) {
			return Optional.empty();
		}
		return catalog.figures()
			.stream()
			.filter(f -> f.dataset().equals(PROJECTS) && f.measure() == FigureDefinition.Measure.SUM
					&& column.equals(f.column()) && f.where().isEmpty())
			.findFirst();
	}

	/**
	 * Per period (all, or {@code asOf} only), the figure's latest verified snapshot, as
	 * the press view picks it.
	 */
	private Map<LocalDate, Basis> lastVerified(FigureDefinition figure, LocalDate asOf) {
		Map<LocalDate, Basis> versions = new TreeMap<>();
		jdbc.sql("""
				SELECT DISTINCT ON (as_of) as_of, version, run_id, id FROM publish.figure_version
				WHERE figure_id = ? AND status = 'verified' AND (CAST(? AS date) IS NULL OR as_of = ?)
				ORDER BY as_of, id DESC""")
			.params(figure.id(), asOf, asOf)
			.query((rs, n) -> new Basis(figure.id(), figure.label(), rs.getObject(1, LocalDate.class), rs.getInt(2),
					rs.getLong(3), rs.getLong(4)))
			.list()
			.forEach(basis -> versions.put(basis.asOf(), basis));
		return versions;
	}

	private List<County> counties(FigureDefinition committed, Basis committedBasis, FigureDefinition completed,
			Basis completedBasis) {
		FigureQuery c = FigureQuery.ofVersion(committed, "warehouse", committedBasis.versionId());
		FigureQuery d = FigureQuery.ofVersion(completed, "warehouse", completedBasis.versionId());
		List<Object> params = new ArrayList<>(c.params());
		params.addAll(d.params());
		// a county the dimension does not list (yet) goes last rather than disappearing
		return jdbc
			.sql("SELECT b.county, b.committed, b.completed FROM (SELECT coalesce(c.county, d.county),"
					+ " coalesce(c.amount, 0), coalesce(d.amount, 0) FROM (" + c.breakdownSql(COUNTY)
					+ ") AS c (county, amount) FULL JOIN (" + d.breakdownSql(COUNTY)
					+ ") AS d (county, amount) ON d.county = c.county) AS b (county, committed, completed)"
					+ " LEFT JOIN reporting.county r ON r.name = b.county ORDER BY r.sort_order NULLS LAST, b.county")
			.params(params)
			.query((rs, n) -> new County(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3)))
			.list();
	}

}
