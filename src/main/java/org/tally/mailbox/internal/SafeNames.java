package org.tally.mailbox.internal;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The inbox name of an attachment or zip entry, or why it gets none: a name that climbs
 * out of its folder (..), starts at a root (/x, C:\x, \\server\x) or holds control
 * characters is refused, not cleaned, since no honest client sends one. Otherwise the
 * last path segment is kept, in NFC, with characters outside letters, digits and a few
 * marks replaced by _.
 */
public final class SafeNames {

	public static final List<String> SPREADSHEETS = List.of("xlsx", "xlsm", "xls", "csv");

	/** Archives no reader here opens: refused with a request for .zip or the sheets. */
	static final List<String> OTHER_ARCHIVES = List.of("rar", "7z", "tar", "gz", "tgz", "bz2", "xz", "zipx");

	private static final Pattern UNSAFE = Pattern.compile("[^\\p{L}\\p{N}._\\-()（）]+");

	private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

	private static final Pattern ROOTED = Pattern.compile("^([/\\\\]|[A-Za-z]:).*", Pattern.DOTALL);

	/** Room in a file system's 255 bytes for the temporary name beside it. */
	static final int MAX_NAME_BYTES = 200;

	static final int MAX_NAME_CHARS = 120;

	/** What a name is, as far as gathering goes. */
	public enum Kind {

		SPREADSHEET, ZIP, OTHER_ARCHIVE, OTHER

	}

	/** A name accepted (with its kind), or refused with the reason. */
	public record Checked(String name, Kind kind, String refusal) {

		public boolean refused() {
			return refusal != null;
		}

	}

	private SafeNames() {
	}

	public static Checked check(String original) {
		if (original == null || original.isBlank()) {
			return refused("the attachment has no name");
		}
		if (CONTROL.matcher(original).find()) {
			return refused("'" + shown(original) + "': a file name may not hold control characters");
		}
		if (ROOTED.matcher(original.strip()).matches()) {
			return refused("'" + shown(original) + "' is an absolute path: refused, not written");
		}
		for (String segment : original.split("[/\\\\]")) {
			if (segment.strip().equals("..")) {
				return refused("'" + shown(original) + "' names a parent folder (..): refused, not written");
			}
		}
		String name = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1);
		name = Normalizer.normalize(name, Normalizer.Form.NFC).strip();
		name = UNSAFE.matcher(name).replaceAll("_").replaceFirst("^[._]+", "");
		int dot = name.lastIndexOf('.');
		String extension = dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
		if (dot > 0) {
			// .XLSX as .xlsx: the sources' globs name lower-case extensions
			name = name.substring(0, dot + 1) + extension;
		}
		int bytes = name.getBytes(StandardCharsets.UTF_8).length;
		if (name.length() > MAX_NAME_CHARS || bytes > MAX_NAME_BYTES) {
			return refused("'" + shown(original) + "': the name is too long (" + name.length() + " characters, " + bytes
					+ " bytes; at most " + MAX_NAME_CHARS + " and " + MAX_NAME_BYTES
					+ "); shorten it, keeping the date");
		}
		Kind kind = SPREADSHEETS.contains(extension) ? Kind.SPREADSHEET : extension.equals("zip") ? Kind.ZIP
				: OTHER_ARCHIVES.contains(extension) ? Kind.OTHER_ARCHIVE : Kind.OTHER;
		return new Checked(name, kind, null);
	}

	/** The name as a reason may quote it: control characters as ?, at most 80 chars. */
	public static String shown(String original) {
		String name = CONTROL.matcher(original == null ? "" : original).replaceAll("?");
		return name.length() > 80 ? name.substring(0, 79) + "…" : name;
	}

	private static Checked refused(String reason) {
		return new Checked(null, Kind.OTHER, reason);
	}

}
