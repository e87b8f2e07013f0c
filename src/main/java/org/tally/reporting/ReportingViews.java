package org.tally.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tally.catalog.Catalog;
import org.tally.catalog.DatasetDefinition;
import org.tally.reporting.internal.DatasetViews;
import org.tally.reporting.internal.Dimensions;
import org.tally.reporting.internal.ReportingSettings;
import org.tally.reporting.internal.ReportingSettingsLoader;

/**
 * Derives reporting.&lt;dataset&gt; from the dataset declarations, as the dataset tables
 * are derived: a new dataset gets its view, a new column joins its view, and a view whose
 * columns no longer match is created anew. Also writes the dimensions' rows from config.
 * The declared summaries (per-load aggregates) are created beside the views. Runs inside
 * the caller's transaction (the preparation of the dataset tables), so that readers see
 * the old views or the new ones, never none.
 */
@Component
public class ReportingViews {

	private static final Logger log = LoggerFactory.getLogger(ReportingViews.class);

	private final JdbcClient jdbc;

	private final Catalog catalog;

	private final ReportingSettings settings;

	private final ReportingSummaries summaries;

	/**
	 * Reads config/reporting.yml beside the catalog; a bad edit, or a dataset whose view
	 * could not exist, fails here, at start-up.
	 */
	public ReportingViews(JdbcClient jdbc, Catalog catalog) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.settings = ReportingSettingsLoader.load(catalog);
		this.summaries = new ReportingSummaries(jdbc, catalog, settings.summaries());
	}

	/** After warehouse.&lt;dataset&gt; exists with every declared column. */
	public void refresh() {
		for (DatasetDefinition dataset : catalog.datasets().values()) {
			refresh(dataset);
		}
		Dimensions.write(jdbc, catalog, settings);
		summaries.prepare();
	}

	/**
	 * Aggregates the loads just made current into the declared summaries, inside the
	 * promotion's transaction, so that readers see a summary and its rows change
	 * together.
	 */
	public void summarizePromoted() {
		summaries.summarize();
	}

	private void refresh(DatasetDefinition dataset) {
		List<String> existing = DatasetViews.existingColumns(jdbc, "reporting", dataset.name(), 'v');
		List<String> wanted = DatasetViews.columns(dataset);
		if (existing.isEmpty()) {
			jdbc.sql(DatasetViews.create(dataset, false)).update();
			log.info("Created view {} for dataset {}", DatasetViews.qualifiedName(dataset), dataset.name());
		}
		else if (!existing.equals(wanted)) {
			if (wanted.subList(0, Math.min(existing.size(), wanted.size())).equals(existing)) {
				jdbc.sql(DatasetViews.create(dataset, true)).update();
			}
			else {
				// Columns dropped or reordered: CREATE OR REPLACE cannot; readers keep
				// their
				// SELECT through the default privileges of the schema.
				jdbc.sql("DROP VIEW " + DatasetViews.qualifiedName(dataset)).update();
				jdbc.sql(DatasetViews.create(dataset, false)).update();
			}
			log.info("Rebuilt view {} for dataset {}: columns {}", DatasetViews.qualifiedName(dataset), dataset.name(),
					wanted);
		}
		comment(dataset);
	}

	private void comment(DatasetDefinition dataset) {
		List<String> views = new ArrayList<>();
		List<String> columns = new ArrayList<>();
		List<String> texts = new ArrayList<>();
		views.add(dataset.name());
		columns.add(null);
		texts.add(dataset.label() == null || dataset.label().isBlank() ? dataset.name() : dataset.label().strip());
		for (Map.Entry<String, String> label : DatasetViews.labels(dataset).entrySet()) {
			views.add(dataset.name());
			columns.add(label.getKey());
			texts.add(label.getValue());
		}
		List<String> statements = jdbc.sql(DatasetViews.commentsQuery())
			.params(views.toArray(String[]::new), columns.toArray(String[]::new), texts.toArray(String[]::new))
			.query(String.class)
			.list();
		statements.forEach(statement -> jdbc.sql(statement).update());
	}

}
