package org.tally.reporting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tally.catalog.Catalog;
import org.tally.reporting.internal.DatasetViews;
import org.tally.reporting.internal.ReportingSettings;
import org.tally.reporting.internal.SummaryTables;

/**
 * The summaries config/reporting.yml declares, so that a chart over millions of rows
 * reads a few hundred: each load is aggregated once, when it is promoted, inside the
 * promotion's transaction, and reporting.&lt;name&gt; adds up the current loads.
 */
final class ReportingSummaries {

	private static final Logger log = LoggerFactory.getLogger(ReportingSummaries.class);

	private final JdbcClient jdbc;

	private final Catalog catalog;

	private final List<ReportingSettings.Summary> summaries;

	ReportingSummaries(JdbcClient jdbc, Catalog catalog, List<ReportingSettings.Summary> summaries) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.summaries = summaries;
	}

	/**
	 * Creates each summary's table and view where missing, anew when its columns changed.
	 * After the dataset tables exist. It reads no registry table, so that a run's start
	 * never waits on the loads; a new or rebuilt summary is filled by the run's
	 * promotion.
	 */
	void prepare() {
		for (ReportingSettings.Summary summary : summaries) {
			List<String> existing = DatasetViews.existingColumns(jdbc, "warehouse", summary.name() + "_summary", 'r');
			if (!existing.isEmpty() && !existing.equals(SummaryTables.tableColumns(summary))) {
				jdbc.sql("DROP VIEW IF EXISTS " + SummaryTables.view(summary)).update();
				jdbc.sql("DROP TABLE " + SummaryTables.table(summary)).update();
				log.info("Dropped summary {}: its columns changed to {}", summary.name(),
						SummaryTables.tableColumns(summary));
			}
			if (existing.isEmpty() || !existing.equals(SummaryTables.tableColumns(summary))) {
				jdbc.sql(SummaryTables.createTable(summary, catalog.dataset(summary.dataset()))).update();
				jdbc.sql(SummaryTables.createIndex(summary)).update();
			}
			// Creating the view locks registry.load (it joins it): only when it is
			// missing or
			// its columns changed, as the dataset views, so that a run's start never
			// waits on
			// the loads.
			if (!DatasetViews.existingColumns(jdbc, "reporting", summary.name(), 'v')
				.equals(SummaryTables.viewColumns(summary))) {
				jdbc.sql("DROP VIEW IF EXISTS " + SummaryTables.view(summary)).update();
				jdbc.sql(SummaryTables.createView(summary)).update();
				comments(summary).forEach(statement -> jdbc.sql(statement).update());
			}
		}
	}

	/** Aggregates every current load a summary lacks; the promotion calls it last. */
	void summarize() {
		for (ReportingSettings.Summary summary : summaries) {
			int groups = jdbc.sql(SummaryTables.summarizeMissing(summary)).param(summary.dataset()).update();
			if (groups > 0) {
				log.debug("summary={} {} new groups", summary.name(), groups);
			}
		}
	}

	/**
	 * The view's and its columns' COMMENTs (the dataset's labels), identifiers and labels
	 * quoted by the server (%I, %L).
	 */
	private List<String> comments(ReportingSettings.Summary summary) {
		Map<String, String> labels = DatasetViews.labels(catalog.dataset(summary.dataset()));
		List<String> columns = new ArrayList<>();
		List<String> texts = new ArrayList<>();
		columns.add(null);
		texts.add(summary.label() == null || summary.label().isBlank() ? summary.name() : summary.label().strip());
		columns.add("period");
		texts.add(labels.get("period"));
		for (String column : summary.by()) {
			columns.add(column);
			texts.add(labels.get(column));
		}
		columns.add("rows");
		texts.add("行数");
		for (String column : summary.sum()) {
			columns.add(column);
			texts.add(labels.get(column) + "合计");
		}
		String[] views = new String[columns.size()];
		Arrays.fill(views, summary.name());
		return jdbc.sql(DatasetViews.commentsQuery())
			.params(views, columns.toArray(String[]::new), texts.toArray(String[]::new))
			.query(String.class)
			.list();
	}

}
