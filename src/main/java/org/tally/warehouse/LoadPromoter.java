package org.tally.warehouse;

import java.math.BigDecimal;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tally.catalog.Catalog;
import org.tally.catalog.ColumnDefinition;
import org.tally.catalog.DatasetDefinition;
import org.tally.catalog.SourceDefinition;
import org.tally.catalog.SqlIdentifier;
import org.tally.reporting.ReportingViews;
import org.tally.ingest.LoadRef;
import org.tally.ingest.LoadRegistry;

/**
 * Promotes a run's staged loads in one transaction, set-based in SQL: each load becomes
 * the current one for its source and period (superseding the previous), unless its reject
 * rate is above the source's limit, in which case the previous load stays current and its
 * staged rows go. The rows are already in warehouse.&lt;dataset&gt; (staged there,
 * invisible until current): promotion moves no rows, it flips which load is current, so a
 * million-row file promotes in the time of a few updates.
 */
@Component
public class LoadPromoter {

	private static final Logger log = LoggerFactory.getLogger(LoadPromoter.class);

	private final JdbcClient jdbc;

	private final Catalog catalog;

	private final LoadRegistry registry;

	private final ReportingViews reporting;

	LoadPromoter(JdbcClient jdbc, Catalog catalog, LoadRegistry registry, ReportingViews reporting) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.registry = registry;
		this.reporting = reporting;
	}

	@Transactional
	public PromotionSummary promote(long runId) {
		registry.discardQuarantined(runId);
		Set<String> promotedDatasets = new TreeSet<>();
		int promoted = 0;
		int rejected = 0;
		long rowsLoaded = 0;
		long rowsRejected = 0;
		List<LoadRef> staged = registry.staged(runId);
		staged.stream().map(LoadRef::dataset).distinct().forEach(this::summarizeNewRanges);
		for (LoadRef load : staged) {
			SourceDefinition source = catalog.source(load.sourceId()).orElseThrow();
			DatasetDefinition dataset = catalog.dataset(load.dataset());
			String table = "warehouse." + SqlIdentifier.quote(dataset.name());
			int repeats = rejectRepeatedKeys(load, dataset);
			// The ingest step counted the rows it staged; counting them again scans the
			// new range.
			OptionalLong counted = registry.rowsStaged(load.id());
			int loaded = counted.isPresent() ? Math.toIntExact(counted.getAsLong() - repeats)
					: jdbc.sql("SELECT count(*) FROM " + table + " WHERE load_id = ?")
						.param(load.id())
						.query(Integer.class)
						.single();
			int rejectedRows = jdbc.sql("SELECT count(DISTINCT row_number) FROM registry.reject WHERE load_id = ?")
				.param(load.id())
				.query(Integer.class)
				.single();
			int read = loaded + rejectedRows;
			rowsRejected += rejectedRows;
			BigDecimal rate = SourceDefinition.rejectRate(rejectedRows, read);
			if (!source.acceptsRejects(rejectedRows, read)) {
				String reason = read == 0 ? "no data rows below the header"
						: rejectedRows + " of " + read + " rows rejected (" + percent(rate)
								+ "), above the source's limit of " + percent(source.maxRejectRate())
								+ "; the previous load stays current";
				registry.reject(load.id(), reason, read, loaded, rejectedRows);
				// Never current, so nobody could see them; they only took space.
				jdbc.sql("DELETE FROM " + table + " WHERE load_id = ?").param(load.id()).update();
				log.warn("run={} file={} rejected: {}", runId, load.filePath(), reason);
				rejected++;
				continue;
			}
			registry.makeCurrent(load.id(), read, loaded, rejectedRows);
			log.info("run={} file={} promoted: {} rows loaded, {} rejected", runId, load.filePath(), loaded,
					rejectedRows);
			promoted++;
			rowsLoaded += loaded;
			promotedDatasets.add(dataset.name());
		}
		// Fresh statistics, or the checks' joins over a million new rows get planned as
		// if the tables were empty (a nested loop that never ends). A sample of 9,000
		// rows (statistics target 30 instead of 100) is plenty for the checks' scans,
		// joins and groupings and reads a third of the pages. Autovacuum's later ANALYZE
		// uses the server's default again.
		jdbc.sql("SET LOCAL default_statistics_target = 30").update();
		for (String dataset : promotedDatasets) {
			jdbc.sql("ANALYZE warehouse." + SqlIdentifier.quote(dataset)).update();
		}
		// Also when nothing was promoted: a summary created or rebuilt at this run's
		// start
		// is filled here from the loads already current.
		reporting.summarizePromoted();
		return new PromotionSummary(promoted, rejected, rowsLoaded, rowsRejected);
	}

	/**
	 * A BRIN index only knows the page ranges it has summarised: every lookup also reads
	 * all the others (forty files' counts are forty full scans, and a join of two periods
	 * reads every unsummarised range of both). Summarising reads every new row, so it is
	 * done once more than one load is left unsummarised: a lone load's pages are what a
	 * lookup of it reads anyway, and a lookup of another load reads at most that one load
	 * more until the next promotion.
	 */
	private void summarizeNewRanges(String dataset) {
		List<Long> unsummarized = jdbc.sql("""
				SELECT id FROM registry.load
				WHERE dataset = ? AND status IN ('staged', 'loaded', 'superseded') AND rows_summarized IS NOT TRUE""")
			.param(dataset)
			.query(Long.class)
			.list();
		if (unsummarized.size() < 2) {
			return;
		}
		int ranges = jdbc.sql("SELECT brin_summarize_new_values(CAST(? AS regclass))")
			.param("warehouse." + SqlIdentifier.quote(dataset + "_by_load"))
			.query(Integer.class)
			.single();
		jdbc.sql("UPDATE registry.load SET rows_summarized = true WHERE id = ANY (?)")
			.param(unsummarized.toArray(Long[]::new))
			.update();
		log.debug("dataset={} summarised {} new page ranges of {} loads", dataset, ranges, unsummarized.size());
	}

	/**
	 * A key repeated within one file: every row after the first is moved from the staged
	 * rows to the rejects, set-based at the end of the file, so that no per-row key set
	 * has to fit the heap. Answers how many rows it moved.
	 */
	private int rejectRepeatedKeys(LoadRef load, DatasetDefinition dataset) {
		if (dataset.key().isEmpty() || registry.keysDistinct(load.id())) {
			return 0; // no key, or the ingest step saw every row's key fingerprint once
						// (StagingWriter)
		}
		String table = "warehouse." + SqlIdentifier.quote(dataset.name());
		String keys = dataset.key().stream().map(SqlIdentifier::quote).collect(Collectors.joining(", "));
		String anyKey = dataset.key()
			.stream()
			.map(k -> SqlIdentifier.quote(k) + " IS NOT NULL")
			.collect(Collectors.joining(" OR "));
		String shown = dataset.key()
			.stream()
			.map(k -> "coalesce(CAST(g." + SqlIdentifier.quote(k) + " AS text), 'null')")
			.collect(Collectors.joining(" || ', ' || "));
		ColumnDefinition first = dataset.column(dataset.key().get(0)).orElseThrow();
		// Most files repeat no key: one grouping of the file's rows says so, with no join
		// whose plan depends on statistics (the new load's rows were never analysed, and
		// a stale estimate of one row plans a nested loop over all of them).
		boolean repeats = jdbc
			.sql("SELECT EXISTS (SELECT 1 FROM " + table + " WHERE load_id = ? AND (" + anyKey + ") GROUP BY " + keys
					+ " HAVING count(*) > 1)")
			.param(load.id())
			.query(Boolean.class)
			.single();
		if (!repeats) {
			// Proven here rather than while staging (a file past the fingerprints' cap):
			// recorded, or the unique check would search the same rows again.
			registry.recordKeysDistinct(load.id());
			return 0;
		}
		jdbc.sql("ANALYZE " + table).update();
		int rejected = jdbc
			.sql("""
					WITH ranked AS (
					  SELECT row_number, row_number() OVER (PARTITION BY %2$s ORDER BY row_number) AS nth
					  FROM %1$s WHERE load_id = :load AND (%3$s)),
					gone AS (
					  DELETE FROM %1$s s USING ranked r
					  WHERE s.load_id = :load AND s.row_number = r.row_number AND r.nth > 1 RETURNING s.*)
					INSERT INTO registry.reject (load_id, sheet, row_number, cell_ref, column_name, raw_value, reason_zh,
					                             reason_en, row_values)
					SELECT :load, l.sheet, g.row_number, coalesce(c.column_letter, '') || g.row_number, :column,
					       CAST(g.%4$s AS text), '重复的' || :label || '：' || CAST(g.%4$s AS text),
					       'duplicate key [' || %5$s || '] in this file',
					       (SELECT jsonb_object_agg(lc.column_letter || g.row_number, e.value)
					        FROM jsonb_each_text(to_jsonb(g) - 'load_id' - 'row_number') e
					        JOIN registry.load_column lc ON lc.load_id = l.id AND lc.column_name = e.key)
					FROM gone g JOIN registry.load l ON l.id = :load
					LEFT JOIN registry.load_column c ON c.load_id = l.id AND c.column_name = :column"""
				.formatted(table, keys, anyKey, SqlIdentifier.quote(first.name()), shown))
			.param("load", load.id())
			.param("column", first.name())
			.param("label", first.label() == null ? first.name() : first.label())
			.update();
		if (rejected > 0) {
			log.info("run={} file={} {} rows rejected for a repeated {}", load.runId(), load.filePath(), rejected,
					first.name());
		}
		registry.recordKeysDistinct(load.id());
		return rejected;
	}

	private static String percent(BigDecimal rate) {
		return rate.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
	}

}
