package org.tally.claims;

import java.util.regex.Pattern;

import com.ibm.icu.text.Transliterator;

/**
 * Takes the noise of published texts off before claims are read: pinyin glosses in
 * brackets after a character (質(zhì)量 → 质量), brackets around one or two characters (县（区）
 * → 县区), doubled punctuation (,, → ,), traditional characters (→ simplified). Kept behind
 * this one class so a shared normalizer can replace it.
 */
final class TextCleaner {

	/**
	 * Latin letters with pinyin tone marks (ā á ǎ à ü ǖ ń ḿ …), optionally a tone number.
	 */
	private static final Pattern PINYIN = Pattern
		.compile("(?<=\\p{IsHan})[(（][a-zA-Z\\u00C0-\\u024F\\u1E00-\\u1EFF\\u0300-\\u036F]+[1-5]?[)）]");

	/**
	 * 县（区） and 县(区) are written for 县区: one or two characters in brackets after a
	 * character.
	 */
	private static final Pattern BRACKETED = Pattern.compile("(?<=\\p{IsHan})[(（](\\p{IsHan}{1,2})[)）]");

	private static final Pattern DOUBLED = Pattern.compile("([,，、。；;！!？?])\\1+");

	// ICU transliterators are not thread-safe: one per cleaner, used under its lock.
	private final Transliterator toSimplified = Transliterator.getInstance("Traditional-Simplified");

	String clean(String text) {
		String unglossed = PINYIN.matcher(text.replace("\r\n", "\n")).replaceAll("");
		String unbracketed = BRACKETED.matcher(unglossed).replaceAll("$1");
		String undoubled = DOUBLED.matcher(unbracketed).replaceAll("$1");
		synchronized (toSimplified) {
			return toSimplified.transliterate(undoubled);
		}
	}

}
