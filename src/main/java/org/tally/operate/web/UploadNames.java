package org.tally.operate.web;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The names uploads are kept under: the last path segment, cleaned, of a known type, and
 * short enough for the file system; anything else is refused with a message that quotes
 * the name harmlessly.
 */
final class UploadNames {

	static final List<String> EXTENSIONS = List.of("xlsx", "xlsm", "xls", "csv");

	/**
	 * Letters (any script), digits and a few harmless marks; everything else becomes _.
	 */
	private static final Pattern UNSAFE = Pattern.compile("[^\\p{L}\\p{N}._\\-()（）]+");

	/** Longer names are refused, not cut: the period is often at the end of the name. */
	static final int MAX_NAME_CHARS = 120;

	/**
	 * Room left in a file system's 255 bytes for the temporary name an accept uses in the
	 * inbox.
	 */
	static final int MAX_NAME_BYTES = 200;

	private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

	private UploadNames() {
	}

	/**
	 * The name a file is kept under: its last path segment, NFC, unsafe characters
	 * replaced, no leading dots.
	 */
	static String sanitise(String original) {
		String name = cleaned(original);
		if (name.length() > MAX_NAME_CHARS) {
			int dot = name.lastIndexOf('.');
			String extension = dot < 0 ? "" : name.substring(dot);
			name = name.substring(0, MAX_NAME_CHARS - extension.length()) + extension;
		}
		return name;
	}

	private static String cleaned(String original) {
		String name = original == null ? "" : original;
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		name = Normalizer.normalize(name, Normalizer.Form.NFC).strip();
		name = UNSAFE.matcher(name).replaceAll("_");
		return name.replaceFirst("^[._]+", "");
	}

	/**
	 * The name as a message may quote it: control characters shown as ?, at most 60
	 * characters.
	 */
	static String shown(String original) {
		String name = CONTROL.matcher(original == null ? "" : original).replaceAll("?");
		return name.length() > 60 ? name.substring(0, 59) + "…" : name;
	}

	/**
	 * The name it will have in the inbox, or a refusal: control characters, a parent
	 * folder, a name too long for the file system or the wrong type.
	 */
	static String accepted(String original) {
		if (original == null || original.isBlank()) {
			throw new Uploads.UploadRefusedException("the file has no name");
		}
		if (CONTROL.matcher(original).find()) {
			throw new Uploads.UploadRefusedException(
					"'" + shown(original) + "': a file name may not hold control characters");
		}
		for (String segment : original.split("[/\\\\]")) {
			if (segment.strip().equals("..")) {
				throw new Uploads.UploadRefusedException(
						"'" + shown(original) + "': a file name may not name a parent folder");
			}
		}
		String name = cleaned(original);
		int bytes = name.getBytes(StandardCharsets.UTF_8).length;
		if (name.length() > MAX_NAME_CHARS || bytes > MAX_NAME_BYTES) {
			throw new Uploads.UploadRefusedException("'" + shown(original) + "': the name is too long (" + name.length()
					+ " characters, " + bytes + " bytes; at most " + MAX_NAME_CHARS + " characters and "
					+ MAX_NAME_BYTES + " bytes); shorten it, keeping the date");
		}
		int dot = name.lastIndexOf('.');
		String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
		if (name.isEmpty() || dot <= 0 || !EXTENSIONS.contains(extension)) {
			throw new Uploads.UploadRefusedException(
					"'" + shown(original) + "': only " + String.join(", ", EXTENSIONS) + " files are accepted");
		}
		return name;
	}

}
