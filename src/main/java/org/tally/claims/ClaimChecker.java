package org.tally.claims;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.tally.catalog.DerivedFigure;

/**
 * Reads a Chinese press text the way an editor does: every number in it is either a claim
 * (a level, a change between periods, a rate, an average or a multiple), judged against
 * verified figures of the period it speaks of with the computation shown, or listed as no
 * claim with the reason (a date, a year, an ordinal, list numbering, a document name…).
 * Safe to share between threads.
 */
public final class ClaimChecker {

	private final TextCleaner cleaner = new TextCleaner();

	private final Figures figures;

	private final ClaimReading reading;

	public ClaimChecker(List<FigureFact> figures) {
		this(figures, List.of());
	}

	public ClaimChecker(List<FigureFact> figures, List<DerivedFigure> derived) {
		Objects.requireNonNull(figures, "figures");
		Objects.requireNonNull(derived, "derived");
		this.figures = new Figures(figures, derived, cleaner);
		this.reading = new ClaimReading(this.figures);
	}

	public ClaimChecker(PressFacts.Facts facts) {
		this(facts.figures(), facts.derived());
	}

	/**
	 * Every claim in the text, in reading order; unverifiable ones included, never
	 * skipped.
	 */
	public List<ClaimVerdict> check(String text) {
		return report(text).claims();
	}

	/** Every claim with its verdict, and every other number with why it is no claim. */
	public ClaimReport report(String text) {
		Objects.requireNonNull(text, "text");
		String clean = cleaner.clean(text);
		List<ClaimVerdict> verdicts = new ArrayList<>();
		List<NotAClaim> others = new ArrayList<>();
		LocalDate period = figures.current();
		for (Sentence sentence : Sentence.split(clean)) {
			Optional<LocalDate> named = PeriodWords.asOf(sentence.text(), figures.current());
			if (named.isPresent()) {
				period = named.get();
			}
			List<PhraseSpans.Phrase> phrases = PhraseSpans.find(sentence);
			String masked = masked(sentence.text(), phrases);
			List<ClaimVerdict> found = new ArrayList<>();
			for (PhraseSpans.Phrase phrase : phrases) {
				found.add(reading.judge(sentence, masked, phrase, period));
			}
			verdicts.addAll(found);
			for (NumberSpans.Token token : NumberSpans.tokens(sentence.text())) {
				int at = sentence.offset() + token.start();
				boolean claimed = found.stream().anyMatch(v -> v.start() <= at && at < v.end());
				if (!claimed) {
					others.add(NumberSpans.reason(sentence, token));
				}
			}
		}
		return new ClaimReport(clean, verdicts, others);
	}

	/**
	 * The sentence with its figure phrases blanked: a number is never a figure's word.
	 */
	private static String masked(String text, List<PhraseSpans.Phrase> phrases) {
		char[] chars = text.toCharArray();
		for (PhraseSpans.Phrase phrase : phrases) {
			for (int i = phrase.start(); i < phrase.end(); i++) {
				chars[i] = '\u0000';
			}
		}
		return new String(chars);
	}

}
