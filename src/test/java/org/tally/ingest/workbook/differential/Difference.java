package org.tally.ingest.workbook.differential;

import java.math.BigDecimal;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.tally.ingest.workbook.differential.Typed.Kind;

/**
 * Where Tally deliberately reads a cell differently from POI, each with its reason. A
 * difference explains a cell only when its condition holds on both readings; any other
 * mismatch fails the differential test.
 */
enum Difference {

	/**
	 * Tally never evaluates formulas: an unevaluated one reaches validation as
	 * FORMULA_WITHOUT_VALUE and its row is rejected naming the cell. POI's usermodel
	 * reports 0 or "" as if a result were stored. The formula text Tally hands over is
	 * the stored one, so a shared formula's follower cell (which stores none) gives "".
	 */
	FORMULA_WITHOUT_CACHED_VALUE(
			"a formula without a cached result is rejected with a reason, never evaluated; POI reads 0 or \"\"") {
		@Override
		boolean explains(String format, Typed tally, Reading.Facts tallyFacts, Typed poi, Reading.Facts poiFacts) {
			return tally.kind() == Kind.FORMULA_WITHOUT_VALUE && Boolean.FALSE.equals(poiFacts.cachedValueStored())
					&& (tally.text().equals(poiFacts.formula()) || tally.text().isEmpty());
		}
	},

	/**
	 * A text cell holding "" (an empty shared string, an empty cached string result) is a
	 * blank to Tally, so that "required value missing" means the same for both.
	 */
	EMPTY_TEXT_IS_BLANK("an empty text cell is blank") {
		@Override
		boolean explains(String format, Typed tally, Reading.Facts tallyFacts, Typed poi, Reading.Facts poiFacts) {
			return tally.kind() == Kind.BLANK && poi.kind() == Kind.TEXT && poi.text().isEmpty();
		}
	},

	/**
	 * XLSX stores numbers as text; Tally keeps that text (an 18-digit code, a money
	 * amount with more significant digits than a double holds). POI rounds it to the
	 * nearest double, which is exactly what Tally's digits round to.
	 */
	DIGITS_BEYOND_DOUBLE("XLSX numbers keep the file's digits; POI rounds them to a double") {
		@Override
		boolean explains(String format, Typed tally, Reading.Facts tallyFacts, Typed poi, Reading.Facts poiFacts) {
			return sameNumericReading("xlsx", format, tally, poi, poiFacts)
					&& tally.number().doubleValue() == poiFacts.poiNumber();
		}
	},

	/**
	 * An XLS stores a double; Tally reads it as Excel shows it, to 15 significant digits
	 * (0.1+0.2 is 0.3), so that an amount typed as 0.3 is not 0.30000000000000004.
	 */
	XLS_FIFTEEN_SIGNIFICANT_DIGITS("XLS numbers are read to Excel's 15 significant digits") {
		@Override
		boolean explains(String format, Typed tally, Reading.Facts tallyFacts, Typed poi, Reading.Facts poiFacts) {
			return sameNumericReading("xls", format, tally, poi, poiFacts) && tally.number()
				.compareTo(new BigDecimal(NumberToTextConverter.toText(poiFacts.poiNumber()))) == 0;
		}
	},

	/**
	 * Number formats 27-36 and 50-58 are the East Asian built-in date formats (ECMA-376
	 * 18.8.30) that Chinese Excel writes without a format code; POI knows only the
	 * international built-ins and reads these cells as plain numbers.
	 */
	EAST_ASIAN_BUILTIN_DATE_FORMAT("built-in formats 27-36 and 50-58 are dates (Chinese Excel); POI reads numbers") {
		@Override
		boolean explains(String format, Typed tally, Reading.Facts tallyFacts, Typed poi, Reading.Facts poiFacts) {
			Integer id = poiFacts.formatId();
			return tally.kind() == Kind.DATE && poi.kind() == Kind.NUMBER && id != null
					&& ((id >= 27 && id <= 36) || (id >= 50 && id <= 58))
					&& tally.number().compareTo(poi.number()) == 0;
		}
	},

	/**
	 * A date-formatted serial that names no real day (negative, beyond 9999-12-31, or
	 * 1900-02-29, the day Excel's 1900 system invents) is refused by Tally's date layer
	 * with a reason; POI reads it as a number or shifts it to a neighbouring day.
	 */
	DATE_SERIAL_WITHOUT_A_REAL_DAY("a date serial naming no real day is refused with a reason") {
		@Override
		boolean explains(String format, Typed tally, Reading.Facts tallyFacts, Typed poi, Reading.Facts poiFacts) {
			return tally.kind() == Kind.DATE && tally.text().startsWith("refused: ")
					&& (poi.kind() == Kind.NUMBER || poi.kind() == Kind.DATE) && poi.number() != null
					&& tally.number().compareTo(poi.number()) == 0;
		}
	};

	private final String reason;

	Difference(String reason) {
		this.reason = reason;
	}

	String reason() {
		return reason;
	}

	/**
	 * Both read a number (or date) with the same text from a file of {@code wanted}
	 * format, and POI kept its double: only the numbers themselves may differ.
	 */
	private static boolean sameNumericReading(String wanted, String format, Typed tally, Typed poi,
			Reading.Facts poiFacts) {
		return format.equals(wanted) && tally.kind() == poi.kind()
				&& (tally.kind() == Kind.NUMBER || tally.kind() == Kind.DATE)
				&& java.util.Objects.equals(tally.text(), poi.text()) && poiFacts.poiNumber() != null;
	}

	abstract boolean explains(String format, Typed tally, Reading.Facts tallyFacts, Typed poi, Reading.Facts poiFacts);

}
