package org.tally.ingest.workbook.differential;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Cell by cell, the union of both readings' cells: each agrees, falls under a named
 * {@link Difference}, or is a disagreement. Every cell either reader holds is accounted
 * for; none is skipped.
 */
final class Comparison {

	/** One compared cell; {@code difference} is null when the two agree. */
	record Outcome(String file, String sheet, String ref, Typed tally, Typed reference, Difference difference,
			boolean agreed) {

		@Override
		public String toString() {
			return file + " [" + sheet + "]!" + ref + ": Tally " + tally + " | reference " + reference
					+ (difference != null ? " (" + difference + ")" : "");
		}
	}

	private final List<Outcome> outcomes = new ArrayList<>();

	private final List<String> sheetMismatches = new ArrayList<>();

	private int files;

	/**
	 * Compares one file's readings; {@code format} names the rules ("xlsx", "xls",
	 * "csv").
	 */
	Comparison add(String file, String format, Reading tally, Reading reference) {
		files++;
		if (!tally.sheets().keySet().equals(reference.sheets().keySet())) {
			sheetMismatches.add(file + ": sheets " + tally.sheets().keySet() + " vs " + reference.sheets().keySet());
		}
		if (!tally.visibleSheets().equals(reference.visibleSheets())) {
			sheetMismatches
				.add(file + ": visible sheets " + tally.visibleSheets() + " vs " + reference.visibleSheets());
		}
		for (Map.Entry<String, Map<String, Reading.Cell>> sheet : reference.sheets().entrySet()) {
			Map<String, Reading.Cell> theirs = sheet.getValue();
			Map<String, Reading.Cell> ours = tally.sheets().getOrDefault(sheet.getKey(), Map.of());
			Set<String> refs = new LinkedHashSet<>(theirs.keySet());
			refs.addAll(ours.keySet());
			for (String ref : refs) {
				outcomes.add(compare(file, format, sheet.getKey(), ref, ours.get(ref), theirs.get(ref)));
			}
		}
		return this;
	}

	private static Outcome compare(String file, String format, String sheet, String ref, Reading.Cell ours,
			Reading.Cell theirs) {
		Typed t = ours == null ? Typed.BLANK : ours.value();
		Typed p = theirs == null ? Typed.BLANK : theirs.value();
		if (t.sameAs(p)) {
			return new Outcome(file, sheet, ref, t, p, null, true);
		}
		Reading.Facts tf = ours == null ? Reading.Facts.NONE : ours.facts();
		Reading.Facts pf = theirs == null ? Reading.Facts.NONE : theirs.facts();
		for (Difference d : Difference.values()) {
			if (d.explains(format, t, tf, p, pf)) {
				return new Outcome(file, sheet, ref, t, p, d, true);
			}
		}
		return new Outcome(file, sheet, ref, t, p, null, false);
	}

	List<Outcome> outcomes() {
		return outcomes;
	}

	List<Outcome> disagreements() {
		return outcomes.stream().filter(o -> !o.agreed()).toList();
	}

	List<String> sheetMismatches() {
		return sheetMismatches;
	}

	/** The outcome at file, sheet and reference, or null. */
	Outcome at(String file, String sheet, String ref) {
		return outcomes.stream()
			.filter(o -> o.file().equals(file) && o.sheet().equals(sheet) && o.ref().equals(ref))
			.findFirst()
			.orElse(null);
	}

	Map<Difference, Long> differenceCounts() {
		Map<Difference, Long> counts = new EnumMap<>(Difference.class);
		outcomes.stream().filter(o -> o.difference() != null).forEach(o -> counts.merge(o.difference(), 1L, Long::sum));
		return counts;
	}

	/** One line for the test log: files, cells, agreements and named differences. */
	String summary() {
		long same = outcomes.stream().filter(o -> o.agreed() && o.difference() == null).count();
		return files + " files, " + outcomes.size() + " cells: " + same + " read alike, named differences "
				+ differenceCounts() + ", disagreements " + disagreements().size();
	}

	/** The disagreements, at most a screenful, for a failure message. */
	String describeDisagreements() {
		return disagreements().stream().limit(60).map(Outcome::toString).collect(Collectors.joining("\n"));
	}

}
