package org.tally.operate.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.tally.claims.ClaimReport;
import org.tally.claims.ClaimVerdict;
import org.tally.claims.NotAClaim;

/**
 * The checked text cut into pieces for the press page: plain text, claims (highlighted in
 * their verdict's colour, with the explanation on hover or focus) and numbers that are no
 * claim (with the reason).
 */
final class CheckedText {

	private CheckedText() {
	}

	/**
	 * One piece: {@code verdict} is set for a claim, {@code note} for a claim or another
	 * number, neither for plain text; {@code index} numbers the claims for their notes'
	 * ids.
	 */
	record Piece(String text, String verdict, String note, int index) {

		public boolean claim() {
			return verdict != null;
		}

		public boolean number() {
			return verdict == null && note != null;
		}
	}

	private record Span(int start, int end, String verdict, String note) {
	}

	static List<Piece> pieces(ClaimReport report) {
		List<Span> spans = new ArrayList<>();
		for (ClaimVerdict v : report.claims()) {
			spans.add(new Span(v.start(), v.end(), v.verdict().name(), v.explanation() + " · " + v.explanationEn()));
		}
		for (NotAClaim n : report.notClaims()) {
			spans.add(new Span(n.start(), n.end(), null, "不是数据表述：" + n.reason() + " · not a claim: " + n.reasonEn()));
		}
		spans.sort(Comparator.comparingInt(Span::start));
		String text = report.text();
		List<Piece> pieces = new ArrayList<>();
		int at = 0;
		int claims = 0;
		for (Span span : spans) {
			if (span.start() < at) {
				continue;
			}
			if (span.start() > at) {
				pieces.add(new Piece(text.substring(at, span.start()), null, null, -1));
			}
			pieces.add(new Piece(text.substring(span.start(), span.end()), span.verdict(), span.note(),
					span.verdict() == null ? -1 : claims++));
			at = span.end();
		}
		if (at < text.length()) {
			pieces.add(new Piece(text.substring(at), null, null, -1));
		}
		return pieces;
	}

}
