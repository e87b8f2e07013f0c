package org.tally.figures;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

import org.tally.figures.internal.phrasing.PhraseReader;
import org.tally.figures.internal.phrasing.PhraseWords;
import org.tally.figures.internal.phrasing.ReadPhrase;

/**
 * The phrase a writer should have used: the value stated with the same hedge, magnitude,
 * precision and measure word as a phrase that does not hold it (约120亿元 for 109.86亿 →
 * 约110亿元; 141个 → 140个; 六成 for 71.4% → 71%).
 */
public final class PhraseCorrection {

	private PhraseCorrection() {
	}

	/** Empty when the value cannot be stated so (negative, or the phrase unread). */
	public static Optional<String> correct(PhraseRange said, BigDecimal value) {
		Objects.requireNonNull(said, "said");
		Objects.requireNonNull(value, "value");
		if (value.signum() <= 0) {
			return Optional.empty();
		}
		String written = said.unit() == FigureUnit.CNY && !said.phrase().contains("元") ? said.phrase() + "元"
				: said.phrase();
		Optional<ReadPhrase> read = PhraseReader.read(written, 0);
		if (read.isEmpty()) {
			return Optional.empty();
		}
		ReadPhrase phrase = read.get();
		BigDecimal n = phrase.number();
		int decimals = Math.max(n.scale(), 0);
		int significant = Math.max(1, n.scale() > 0 ? n.precision() : n.stripTrailingZeros().precision());
		if (said.unit() == FigureUnit.PERCENT && phrase.exponent() == 1) {
			// 六成 is tens of percent; the correction states whole percent.
			significant = significant + 1;
			decimals = 0;
		}
		String amountUnit = switch (said.unit()) {
			case CNY -> PhraseWords.magnitudeWord(phrase.exponent()) + "元";
			case COUNT -> phrase.exponent() == 0 ? null : PhraseWords.magnitudeWord(phrase.exponent());
			default -> null;
		};
		PhraseKind kind = phrase.kind();
		PhraseStyle style = new PhraseStyle(kind, amountUnit, decimals, significant, phrase.measureWord());
		return Optional.of(PressPhrasing.render(value, said.unit(), style));
	}

}
