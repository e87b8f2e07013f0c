package org.tally.figures.internal.phrasing;

import java.math.BigDecimal;

/**
 * Numbers as English press texts write them: millions and up in words (60 billion, 400
 * trillion), smaller ones with thousands separators (3,000).
 */
public final class EnglishNumbers {

	private EnglishNumbers() {
	}

	public static String write(BigDecimal v) {
		String[] names = { "trillion", "billion", "million" };
		int[] powers = { 12, 9, 6 };
		for (int k = 0; k < names.length; k++) {
			if (v.compareTo(BigDecimal.ONE.movePointRight(powers[k])) >= 0) {
				return Rounding.plain(v.movePointLeft(powers[k])) + " " + names[k];
			}
		}
		String text = Rounding.plain(v);
		int point = text.indexOf('.');
		String whole = point < 0 ? text : text.substring(0, point);
		StringBuilder grouped = new StringBuilder();
		for (int k = 0; k < whole.length(); k++) {
			if (k > 0 && (whole.length() - k) % 3 == 0) {
				grouped.append(',');
			}
			grouped.append(whole.charAt(k));
		}
		return point < 0 ? grouped.toString() : grouped + text.substring(point);
	}

}
