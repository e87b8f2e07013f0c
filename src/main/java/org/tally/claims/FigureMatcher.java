package org.tally.claims;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the figure a claim speaks of from the words around it, the way an editor does: a
 * word of the figure written in full beats a partial overlap (签约投资 ≈ 签约投资额), a longer
 * overlap beats a shorter one, closer words beat farther ones, and words before the
 * number beat the noun after it. Words are looked for in the claim's clause; only when
 * the clause names no figure, in the sentence before it (较6月底增加97亿元 speaks of the figure
 * the sentence named). Where two figures still tie, the match is ambiguous.
 */
final class FigureMatcher {

	/** Overlaps shorter than this are chance (项 of 项目 and 事项). */
	private static final int SHORTEST_OVERLAP = 2;

	/** How far back a sentence is searched when the clause names nothing. */
	private static final int SENTENCE_REACH = 200;

	private FigureMatcher() {
	}

	/** Something a claim may be about, with the words a text uses for it. */
	record Target(String id, String label, List<String> terms) {
	}

	/**
	 * The best targets: one when clear, several when ambiguous, none when nothing fits.
	 */
	record Match(List<Target> best) {
		boolean clear() {
			return best.size() == 1;
		}
	}

	private record Score(Target target, boolean full, int length, int distance, boolean before) {
	}

	private static final Comparator<Score> BEST_FIRST = Comparator.comparing((Score s) -> !s.full())
		.thenComparing(s -> -s.length())
		.thenComparingInt(Score::distance)
		.thenComparing(s -> !s.before());

	/**
	 * The targets whose words stand nearest the claim at [from, to) of {@code text},
	 * where masked characters (other claims) are never words.
	 */
	static Match match(Sentence sentence, String masked, int from, int to, List<Target> targets) {
		int clauseFrom = sentence.clauseStart(from);
		int clauseTo = sentence.clauseEnd(Math.max(from, to - 1));
		List<Score> scores = new ArrayList<>();
		for (Target target : targets) {
			Score before = best(target, masked, clauseFrom, from, from, true);
			Score after = best(target, masked, to, clauseTo, to, false);
			Score better = before == null ? after
					: after == null ? before : BEST_FIRST.compare(before, after) <= 0 ? before : after;
			if (better != null) {
				scores.add(better);
			}
		}
		if (scores.isEmpty()) {
			int reach = Math.max(0, clauseFrom - SENTENCE_REACH);
			for (Target target : targets) {
				Score before = best(target, masked, reach, clauseFrom, from, true);
				if (before != null) {
					scores.add(before);
				}
			}
		}
		if (scores.isEmpty()) {
			return new Match(List.of());
		}
		scores.sort(BEST_FIRST);
		Score top = scores.get(0);
		List<Target> tied = scores.stream()
			.filter(s -> s.full() == top.full() && s.length() == top.length() && s.distance() == top.distance())
			.map(Score::target)
			.distinct()
			.toList();
		return new Match(tied);
	}

	private static Score best(Target target, String text, int from, int to, int claimAt, boolean before) {
		if (from >= to) {
			return null;
		}
		String window = text.substring(from, to);
		Score best = null;
		for (String term : target.terms()) {
			int[] overlap = longestCommon(term, window);
			int length = overlap[0];
			if (length < Math.min(SHORTEST_OVERLAP, term.length()) || length == 0) {
				continue;
			}
			int end = from + overlap[1];
			int distance = before ? claimAt - end : end - length - claimAt;
			Score score = new Score(target, length == term.length(), length, distance, before);
			if (best == null || BEST_FIRST.compare(score, best) < 0) {
				best = score;
			}
		}
		return best;
	}

	/**
	 * The longest run of {@code term} found in {@code window}: its length and where it
	 * ends in the window (the nearest to the claim when several are as long: the last
	 * before it).
	 */
	static int[] longestCommon(String term, String window) {
		int[] previous = new int[window.length() + 1];
		int[] current = new int[window.length() + 1];
		int length = 0;
		int end = 0;
		for (int i = 1; i <= term.length(); i++) {
			for (int j = 1; j <= window.length(); j++) {
				current[j] = term.charAt(i - 1) == window.charAt(j - 1) ? previous[j - 1] + 1 : 0;
				if (current[j] > length || (current[j] == length && length > 0 && j > end)) {
					length = current[j];
					end = j;
				}
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return new int[] { length, end };
	}

}
