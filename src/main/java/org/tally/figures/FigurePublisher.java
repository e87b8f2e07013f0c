package org.tally.figures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tally.catalog.Catalog;
import org.tally.catalog.FigureDefinition;
import org.tally.catalog.SourceDefinition;
import org.tally.figures.internal.FigureScan;
import org.tally.reconcile.CheckOutcome;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Computes every declared figure for a period from the current loads and appends an
 * immutable version: verified only when every check it depends on passed in this run and
 * every source of its dataset has a current load for the period.
 */
@Component
public class FigurePublisher {

	private static final Logger log = LoggerFactory.getLogger(FigurePublisher.class);

	private final JdbcClient jdbc;

	private final Catalog catalog;

	private final PressFigures press;

	private final JsonMapper json = JsonMapper.builder().build();

	FigurePublisher(JdbcClient jdbc, Catalog catalog, PressFigures press) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.press = press;
	}

	@Transactional
	public List<FigureValue> publish(long runId, LocalDate asOf, List<CheckOutcome> checks) {
		press.forgetAfterCommit();
		List<FigureValue> published = new ArrayList<>();
		Map<String, FigureScan.Measured> measured = new HashMap<>();
		for (FigureScan scan : FigureScan.plan(catalog.figures())) {
			scan.figures().forEach(f -> catalog.dataset(f.dataset())); // declared, so its
																		// table exists
			long started = System.nanoTime();
			measured.putAll(scan.measure(jdbc, "warehouse", asOf));
			log.info("run={} asOf={} figures={} measured in one scan in {} ms", runId, asOf,
					scan.figures().stream().map(FigureDefinition::id).toList(),
					(System.nanoTime() - started) / 1_000_000);
		}
		for (FigureDefinition figure : catalog.figures()) {
			FigureScan.Measured scanned = measured.get(figure.id());
			FigureValue value = compute(runId, asOf, figure, checks, scanned);
			store(value, scanned.sources());
			published.add(value);
			log.info("run={} figure={} asOf={} value={} phrase={} status={}", runId, figure.id(), asOf,
					value.value() == null ? "-" : value.value().toPlainString(), value.phrase(), value.status());
		}
		return published;
	}

	private FigureValue compute(long runId, LocalDate asOf, FigureDefinition figure, List<CheckOutcome> checks,
			FigureScan.Measured measured) {
		List<FigureValue.Source> sources = measured.sources()
			.stream()
			.map(s -> new FigureValue.Source(s.file(), s.sheet(), s.rows()))
			.toList();
		BigDecimal value = measured.value();

		List<String> reasons = new ArrayList<>();
		for (SourceDefinition source : catalog.sourcesOf(figure.dataset())) {
			boolean current = jdbc
				.sql("SELECT count(*) > 0 FROM registry.load WHERE is_current AND source_id = ? AND period = ?")
				.params(source.id(), asOf)
				.query(Boolean.class)
				.single();
			if (!current) {
				reasons
					.add("no current load of source " + source.id() + " (" + source.departmentName() + ") for " + asOf);
			}
		}
		for (String checkId : figure.checks()) {
			Optional<CheckOutcome> outcome = checks.stream()
				.filter(c -> c.checkId().equals(checkId) && c.asOf().equals(asOf))
				.findFirst();
			if (outcome.isEmpty()) {
				reasons.add("check " + checkId + " did not run for " + asOf);
			}
			else if (!outcome.get().passed() && "fail".equals(outcome.get().severity())) {
				reasons.add("check " + checkId + " failed: " + outcome.get().message());
			}
		}
		FigureUnit unit = FigureUnit.valueOf(figure.unit());
		BigDecimal scaled = unit == FigureUnit.CNY ? value.setScale(2, RoundingMode.UNNECESSARY)
				: value.setScale(0, RoundingMode.UNNECESSARY);
		FigureDefinition.Display display = figure.display();
		FigureDefinition.Phrase phrase = figure.phrase();
		PhraseStyle style = new PhraseStyle(PhraseKind.valueOf(phrase.kind()), phrase.unit(), phrase.decimals(),
				phrase.significant(), phrase.measureWord())
			.scaledToMagnitude();
		String status = reasons.isEmpty() ? "verified" : "unverified";
		int version = nextVersion(figure.id(), asOf, scaled, status);
		return new FigureValue(figure.id(), figure.label(), figure.labelEn(), asOf, runId, version, scaled, unit.name(),
				PressPhrasing.displayScaled(scaled, unit, display.unit(), display.decimals(), display.measureWord()),
				PressPhrasing.render(scaled, unit, style), PressPhrasing.renderEnglish(scaled, unit, style), status,
				reasons, sources);
	}

	/**
	 * The version stays while value and status stay; a correction or a change of status
	 * is a new version.
	 */
	private int nextVersion(String figureId, LocalDate asOf, BigDecimal value, String status) {
		return jdbc.sql("""
				SELECT version, value, status FROM publish.figure_version
				WHERE figure_id = ? AND as_of = ? ORDER BY id DESC LIMIT 1""").params(figureId, asOf).query((rs, n) -> {
			boolean same = rs.getBigDecimal(2) != null && rs.getBigDecimal(2).compareTo(value) == 0
					&& rs.getString(3).equals(status);
			return same ? rs.getInt(1) : rs.getInt(1) + 1;
		}).optional().orElse(1);
	}

	/**
	 * The version, and the loads it was computed from: what its breakdowns are computed
	 * from later.
	 */
	private void store(FigureValue value, List<FigureScan.LoadRows> loads) {
		long versionId = jdbc.sql("""
				INSERT INTO publish.figure_version (run_id, as_of, figure_id, version, label, label_en, value, unit,
				                                    display, phrase, phrase_en, status, reasons, sources)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb))
				RETURNING id""")
			.params(value.runId(), value.asOf(), value.id(), value.version(), value.label(), value.labelEn(),
					value.value(), value.unit(), value.display(), value.phrase(), value.phraseEn(), value.status(),
					json.writeValueAsString(value.reasons()), json.writeValueAsString(value.sources()))
			.query(Long.class)
			.single();
		for (FigureScan.LoadRows load : loads) {
			jdbc.sql("INSERT INTO publish.figure_version_load (figure_version_id, load_id, rows_read) VALUES (?, ?, ?)")
				.params(versionId, load.loadId(), load.rows())
				.update();
		}
	}

	/**
	 * The figures of the latest run that published for {@code asOf}, or for the latest
	 * period when null.
	 */
	public List<FigureValue> latest(LocalDate asOf) {
		Optional<LatestRun> latest = jdbc.sql("""
				SELECT run_id, as_of FROM publish.figure_version
				WHERE (CAST(? AS date) IS NULL OR as_of = ?) ORDER BY id DESC LIMIT 1""")
			.params(asOf, asOf)
			.query((rs, n) -> new LatestRun(rs.getLong(1), rs.getObject(2, LocalDate.class)))
			.optional();
		if (latest.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT figure_id, label, label_en, as_of, run_id, version, value, unit, display, phrase, phrase_en,
				       status, reasons, sources
				FROM publish.figure_version WHERE run_id = ? AND as_of = ? ORDER BY id""")
			.params(latest.get().runId(), latest.get().asOf())
			.query((rs, n) -> new FigureValue(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getObject(4, LocalDate.class), rs.getLong(5), rs.getInt(6), rs.getBigDecimal(7), rs.getString(8),
					rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
					json.readValue(rs.getString(13), new TypeReference<List<String>>() {
					}), json.readValue(rs.getString(14), new TypeReference<List<FigureValue.Source>>() {
					})))
			.list();
	}

	private record LatestRun(long runId, LocalDate asOf) {
	}

}
