package org.tally.figures.internal.phrasing;

import java.math.BigDecimal;

import org.tally.figures.FigureUnit;
import org.tally.figures.PhraseKind;

/**
 * A figure phrase as read from text: where it is, its kind, the number N as written
 * (scale kept), the power of ten N is stated in (亿元 → 8, 万人次 → 4), the unit, and whether
 * N was written in Chinese numerals.
 */
public record ReadPhrase(int start, int end, PhraseKind kind, BigDecimal number, int exponent, FigureUnit unit,
		String measureWord, boolean chineseNumerals) {
}
