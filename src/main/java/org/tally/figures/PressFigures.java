package org.tally.figures;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.tally.catalog.Catalog;
import org.tally.catalog.FigureDefinition;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the immutable figure snapshots: the press view (per figure, its latest verified
 * version, with the as-of date it is verified for; an unverified snapshot never reaches
 * the press), and a figure's history of versions with what each one changed.
 */
@Component
public class PressFigures {

	private static final String COLUMNS = """
			SELECT figure_id, label, label_en, as_of, run_id, version, value, unit, display, phrase, phrase_en,
			       status, reasons, sources, created_at
			FROM publish.figure_version""";

	private final JdbcClient jdbc;

	private final Catalog catalog;

	private final JsonMapper json = JsonMapper.builder().build();

	/**
	 * The press view as last read, with the generation of the published figures it was
	 * read at, when that generation was last compared with the database's, and the epoch
	 * it was read in.
	 */
	private final AtomicReference<Held> held = new AtomicReference<>();

	/**
	 * Moved on by every publish in this process once it commits: a snapshot held from an
	 * earlier epoch is compared with the database again before it is served.
	 */
	private final AtomicLong epoch = new AtomicLong();

	/**
	 * How long a held snapshot is served without asking the database whether figures were
	 * published since: what a publish by another process (a `tally run` beside `tally
	 * serve`, another node, a restore) may take to reach the press.
	 */
	private final long refreshNanos;

	private record Held(PressSnapshot snapshot, long epoch, long checkedAt) {
	}

	PressFigures(JdbcClient jdbc, Catalog catalog, @Value("${tally.press.refresh:1s}") Duration refresh) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.refreshNanos = refresh.toNanos();
	}

	/**
	 * Per figure, the latest verified version: of the latest period it was ever verified
	 * for, the most recent snapshot that verified it. A later unverified snapshot leaves
	 * it standing.
	 */
	public List<FigureValue> pressView() {
		return pressSnapshot().figures();
	}

	/**
	 * The press view with its generation and a strong entity tag. Served from memory for
	 * up to {@code tally.press.refresh} after the database last confirmed its generation,
	 * and at once after a publish in this process commits; then asking costs one tiny
	 * query, and the figures are read again only when they were written since. The
	 * generation is read before the figures, so a snapshot is never labelled newer than
	 * what it holds; a publish in between only makes the next check read again.
	 */
	public PressSnapshot pressSnapshot() {
		long now = System.nanoTime();
		long current = epoch.get();
		Held last = held.get();
		if (last != null && last.epoch() == current && now - last.checkedAt() < refreshNanos) {
			return last.snapshot();
		}
		String generation = jdbc.sql("""
				SELECT coalesce(string_agg(stamp::text, ',' ORDER BY stamp), '') FROM publish.figure_generation""")
			.query(String.class)
			.single();
		PressSnapshot snapshot;
		if (last != null && last.snapshot().generation().equals(generation)) {
			snapshot = last.snapshot();
		}
		else {
			List<FigureValue> figures = readPressView();
			snapshot = new PressSnapshot(generation, figures, entityTag(figures));
		}
		held.set(new Held(snapshot, current, now));
		return snapshot;
	}

	/**
	 * Makes the next request compare the held press view with the database, for a writer
	 * in this process that goes around the publisher (a restore, a test's reset).
	 */
	public void forget() {
		epoch.incrementAndGet();
	}

	/**
	 * Forgets the held press view once the current transaction ends (at once outside
	 * one): what the publisher calls, so that the press sees a publish as soon as it is
	 * visible, and not before.
	 */
	void forgetAfterCommit() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			forget();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				forget();
			}
		});
	}

	/** A strong entity tag: a digest of every field of every figure. */
	private String entityTag(List<FigureValue> figures) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(figures));
			return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

	private List<FigureValue> readPressView() {
		return jdbc.sql(COLUMNS.replace("SELECT ", "SELECT DISTINCT ON (figure_id) ") + """
				 WHERE status = 'verified'
				ORDER BY figure_id, as_of DESC, id DESC""")
			.query((rs, n) -> row(rs).figure())
			.list()
			.stream()
			.sorted(Comparator.comparingInt(f -> declared(f.id())))
			.toList();
	}

	/** The press view's latest as-of date: what the press may currently quote. */
	public LocalDate pressAsOf(List<FigureValue> pressView) {
		return pressView.stream().map(FigureValue::asOf).max(LocalDate::compareTo).orElse(null);
	}

	/**
	 * Every version of a figure (for one period, or all periods oldest first), each with
	 * the snapshot that introduced it and what changed from the version before: value,
	 * status, reasons.
	 */
	public List<FigureVersion> history(String figureId, LocalDate asOf) {
		return history(figureId, asOf, false);
	}

	/**
	 * The history the press may read: the verified versions only, each compared with the
	 * verified version before it, so that no value, status or reason of an unverified
	 * version shows, not even as what a verified one changed.
	 */
	public List<FigureVersion> verifiedHistory(String figureId, LocalDate asOf) {
		return history(figureId, asOf, true);
	}

	private List<FigureVersion> history(String figureId, LocalDate asOf, boolean verifiedOnly) {
		List<FigureVersion> rows = jdbc.sql(COLUMNS + """
				 WHERE figure_id = ? AND (CAST(? AS date) IS NULL OR as_of = ?) AND (NOT ? OR status = 'verified')
				ORDER BY as_of, id""").params(figureId, asOf, asOf, verifiedOnly).query((rs, n) -> row(rs)).list();
		List<FigureVersion> versions = new ArrayList<>();
		FigureVersion previous = null;
		for (FigureVersion row : rows) {
			FigureValue now = row.figure();
			boolean samePeriod = previous != null && previous.figure().asOf().equals(now.asOf());
			if (samePeriod && previous.figure().version() == now.version()) {
				continue;
			}
			versions
				.add(new FigureVersion(now, row.publishedAt(), changes(samePeriod ? previous.figure() : null, now)));
			previous = row;
		}
		return versions;
	}

	private static List<String> changes(FigureValue before, FigureValue now) {
		List<String> changes = new ArrayList<>();
		if (before == null) {
			changes.add("first version for " + now.asOf() + ": " + shown(now) + ", " + now.status());
		}
		else {
			if (!Objects.equals(before.value() == null ? null : before.value().stripTrailingZeros(),
					now.value() == null ? null : now.value().stripTrailingZeros())) {
				changes.add("value " + shown(before) + " -> " + shown(now));
			}
			if (!before.status().equals(now.status())) {
				changes.add("status " + before.status() + " -> " + now.status());
			}
		}
		if (!now.reasons().isEmpty()) {
			changes.add("reasons: " + String.join("; ", now.reasons()));
		}
		else if (before != null && !before.reasons().isEmpty()) {
			changes.add("reasons cleared");
		}
		return changes;
	}

	private static String shown(FigureValue figure) {
		return figure.display() == null ? String.valueOf(figure.value()) : figure.display();
	}

	/** Figures in the order figures.yml declares them; ones no longer declared last. */
	private int declared(String figureId) {
		List<String> ids = catalog.figures().stream().map(FigureDefinition::id).toList();
		int index = ids.indexOf(figureId);
		return index < 0 ? ids.size() : index;
	}

	private FigureVersion row(ResultSet rs) throws SQLException {
		FigureValue figure = new FigureValue(rs.getString(1), rs.getString(2), rs.getString(3),
				rs.getObject(4, LocalDate.class), rs.getLong(5), rs.getInt(6), rs.getBigDecimal(7), rs.getString(8),
				rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
				json.readValue(rs.getString(13), new TypeReference<List<String>>() {
				}), json.readValue(rs.getString(14), new TypeReference<List<FigureValue.Source>>() {
				}));
		return new FigureVersion(figure, rs.getObject(15, OffsetDateTime.class), List.of());
	}

}
