package org.tally.normalize;

/**
 * Recognises the plain cells that nearly every sheet is made of, so that the parsers can
 * return them by a short way with the same result as the long one.
 */
final class PlainCells {

	private PlainCells() {
	}

	/**
	 * Most cells are plain: "6023745.5", "-12", digits as Excel or a CSV writes them.
	 * They take the short way (no placeholder, unit or numeral handling), with the same
	 * result as the long way.
	 */
	static boolean plainDecimal(String raw) {
		if (raw == null) {
			return false;
		}
		int n = raw.length();
		if (n == 0 || n > 30) {
			return false;
		}
		int i = raw.charAt(0) == '-' ? 1 : 0;
		int digits = 0;
		boolean point = false;
		for (; i < n; i++) {
			char c = raw.charAt(i);
			if (c >= '0' && c <= '9') {
				digits++;
			}
			else if (c == '.' && !point && digits > 0 && i < n - 1) {
				point = true;
			}
			else {
				return false;
			}
		}
		return digits > 0;
	}

	/**
	 * A code code() would return unchanged: letters, digits, '-', '_' and '/' only, long
	 * enough not to be a placeholder, and with nothing that could be a number printed
	 * from a double (no '.', no '+', no exponent with a sign).
	 */
	static boolean plainCode(String raw) {
		if (raw == null || raw.length() < 4) {
			return false;
		}
		boolean letterE = false;
		boolean minus = false;
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			boolean ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-'
					|| c == '_' || c == '/';
			if (!ok) {
				return false;
			}
			letterE |= c == 'e' || c == 'E';
			minus |= c == '-';
		}
		return !(letterE && minus);
	}

	/**
	 * Text that text() would return unchanged: printable ASCII and CJK ideographs, no
	 * space at either end nor two in a row, not an Excel error (those start with '#').
	 * Placeholder words are excluded by the caller.
	 */
	static boolean ordinaryText(String raw) {
		if (raw == null || raw.isEmpty() || raw.charAt(0) == '#') {
			return false;
		}
		char previous = ' ';
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			boolean ascii = c > ' ' && c < 0x7F;
			boolean ideograph = c >= 0x4E00 && c <= 0x9FFF;
			boolean innerSpace = c == ' ' && previous != ' ' && i < raw.length() - 1;
			if (!ascii && !ideograph && !innerSpace) {
				return false;
			}
			previous = c;
		}
		return true;
	}

}
