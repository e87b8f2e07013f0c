package org.tally.warehouse;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tally.catalog.Catalog;
import org.tally.catalog.DatasetDefinition;
import org.tally.catalog.SourceDefinition;
import org.tally.catalog.SqlIdentifier;
import org.tally.ingest.LoadRef;
import org.tally.ingest.LoadRegistry;

/**
 * Promotes a run's staged loads to the warehouse in one transaction, set-based in SQL: each load
 * becomes the current one for its source and period (superseding the previous), unless its reject
 * rate is above the source's limit, in which case the previous load stays current.
 */
@Component
public class LoadPromoter {

	private static final Logger log = LoggerFactory.getLogger(LoadPromoter.class);

	private final JdbcClient jdbc;
	private final Catalog catalog;
	private final LoadRegistry registry;

	LoadPromoter(JdbcClient jdbc, Catalog catalog, LoadRegistry registry) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.registry = registry;
	}

	@Transactional
	public PromotionSummary promote(long runId) {
		registry.discardQuarantined(runId);
		int promoted = 0;
		int rejected = 0;
		long rowsLoaded = 0;
		long rowsRejected = 0;
		for (LoadRef load : registry.staged(runId)) {
			SourceDefinition source = catalog.source(load.sourceId()).orElseThrow();
			DatasetDefinition dataset = catalog.dataset(load.dataset());
			String stagingTable = "staging." + SqlIdentifier.quote(dataset.name());
			int loaded = jdbc.sql("SELECT count(*) FROM " + stagingTable + " WHERE load_id = ?")
				.param(load.id())
				.query(Integer.class)
				.single();
			int rejectedRows = jdbc.sql("SELECT count(DISTINCT row_number) FROM registry.reject WHERE load_id = ?")
				.param(load.id())
				.query(Integer.class)
				.single();
			int read = loaded + rejectedRows;
			rowsRejected += rejectedRows;
			BigDecimal rate = read == 0 ? BigDecimal.ZERO
					: BigDecimal.valueOf(rejectedRows).divide(BigDecimal.valueOf(read), 4, RoundingMode.HALF_UP);
			if (read == 0 || rate.compareTo(source.maxRejectRate()) > 0) {
				String reason = read == 0 ? "no data rows below the header"
						: rejectedRows + " of " + read + " rows rejected (" + percent(rate) + "), above the source's limit of "
								+ percent(source.maxRejectRate()) + "; the previous load stays current";
				registry.reject(load.id(), reason, read, loaded, rejectedRows);
				log.warn("run={} file={} rejected: {}", runId, load.filePath(), reason);
				rejected++;
				continue;
			}
			String columns = dataset.columns().stream().map(c -> SqlIdentifier.quote(c.name()))
				.collect(Collectors.joining(", ", "load_id, row_number, ", ""));
			jdbc.sql("INSERT INTO warehouse." + SqlIdentifier.quote(dataset.name()) + " (" + columns + ") SELECT "
					+ columns + " FROM " + stagingTable + " WHERE load_id = ?")
				.param(load.id())
				.update();
			registry.makeCurrent(load.id(), read, loaded, rejectedRows);
			log.info("run={} file={} promoted: {} rows loaded, {} rejected", runId, load.filePath(), loaded, rejectedRows);
			promoted++;
			rowsLoaded += loaded;
		}
		return new PromotionSummary(promoted, rejected, rowsLoaded, rowsRejected);
	}

	private static String percent(BigDecimal rate) {
		return rate.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
	}
}
