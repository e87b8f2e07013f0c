package org.tally.claims;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.tally.figures.PhraseRange;

/**
 * Finds every numeric claim in a Chinese text and judges it against verified figures:
 * each number with an amount unit or a measure word is read as a range (600余亿元 → [600亿,
 * 700亿)), attributed to the figure whose alias stands nearest to it, and found
 * consistent, contradicted, or unverifiable. Safe to share between threads.
 */
public final class ClaimChecker {

	private final TextCleaner cleaner = new TextCleaner();

	private final List<Alias> aliases;

	public ClaimChecker(List<FigureFact> figures) {
		Objects.requireNonNull(figures, "figures");
		List<Alias> cleaned = new ArrayList<>();
		for (FigureFact figure : figures) {
			for (String alias : figure.aliases()) {
				cleaned.add(new Alias(cleaner.clean(alias.strip()), figure));
			}
		}
		this.aliases = List.copyOf(cleaned);
	}

	/**
	 * Every claim in the text, in reading order; unverifiable ones included, never
	 * skipped.
	 */
	public List<ClaimVerdict> check(String text) {
		Objects.requireNonNull(text, "text");
		List<ClaimVerdict> verdicts = new ArrayList<>();
		for (Sentence sentence : Sentence.split(cleaner.clean(text))) {
			List<Claim> claims = sentence.claims();
			List<Occurrence> occurrences = sentence.occurrences(aliases, claims);
			for (Claim claim : claims) {
				verdicts.add(judge(sentence, claim, attribute(sentence, claim, occurrences)));
			}
		}
		return List.copyOf(verdicts);
	}

	private static ClaimVerdict judge(Sentence sentence, Claim claim, Optional<FigureFact> figure) {
		PhraseRange range = claim.range();
		if (figure.isEmpty()) {
			return verdict(sentence, range, null, null, Verdict.UNVERIFIABLE);
		}
		FigureFact fact = figure.get();
		if (!fact.verified()) {
			return verdict(sentence, range, fact.id(), null, Verdict.UNVERIFIABLE);
		}
		Verdict verdict = range.contains(fact.value()) ? Verdict.CONSISTENT : Verdict.CONTRADICTED;
		return verdict(sentence, range, fact.id(), fact, verdict);
	}

	private static ClaimVerdict verdict(Sentence sentence, PhraseRange range, String figureId, FigureFact fact,
			Verdict verdict) {
		return new ClaimVerdict(sentence.quoted(), range.phrase(), figureId, range.low(), range.high(),
				fact == null ? null : fact.value(), verdict);
	}

	/**
	 * The figure a claim speaks of, of the claim's unit: the alias nearest before the
	 * number in the same clause (已落地开工87个项目: 开工, not the 项目 after it); else the noun the
	 * measure word counts, the nearest alias after it in the clause (140个合作项目); else the
	 * nearest alias before it in the sentence.
	 */
	private static Optional<FigureFact> attribute(Sentence sentence, Claim claim, List<Occurrence> occurrences) {
		List<Occurrence> sameUnit = occurrences.stream()
			.filter(o -> o.alias().figure().unit() == claim.range().unit())
			.toList();
		Comparator<Occurrence> longer = Comparator.comparingInt(o -> o.end() - o.start());
		Optional<Occurrence> beforeInClause = sameUnit.stream()
			.filter(o -> o.end() <= claim.start() && sentence.sameClause(o.start(), claim.start()))
			.max(Comparator.comparingInt(Occurrence::end).thenComparing(longer));
		if (beforeInClause.isPresent()) {
			return beforeInClause.map(o -> o.alias().figure());
		}
		Optional<Occurrence> afterInClause = sameUnit.stream()
			.filter(o -> o.start() >= claim.end() && sentence.sameClause(claim.end() - 1, o.start()))
			.min(Comparator.comparingInt(Occurrence::start).thenComparing(longer.reversed()));
		if (afterInClause.isPresent()) {
			return afterInClause.map(o -> o.alias().figure());
		}
		return sameUnit.stream()
			.filter(o -> o.end() <= claim.start())
			.max(Comparator.comparingInt(Occurrence::end).thenComparing(longer))
			.map(o -> o.alias().figure());
	}

	/** An alias of a figure, cleaned the way texts are. */
	record Alias(String text, FigureFact figure) {
	}

	/** Where an alias occurs in a sentence. */
	record Occurrence(int start, int end, Alias alias) {
	}

	/** A figure phrase found in a sentence. */
	record Claim(int start, int end, PhraseRange range) {
	}

}
