package org.tally.normalize;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Maps free-text enumeration values to canonical values via synonyms, e.g. 开工 <- [在建,
 * 已开工, 開工].
 */
public final class Vocabulary {

	private final String name;

	private final Set<String> canonicalValues;

	private final Map<String, String> byText;

	private final Map<String, String> byKey;

	/**
	 * @throws IllegalArgumentException when two canonical values claim the same text
	 * (after {@link TextKeys#canonical}), or a value is blank
	 */
	public Vocabulary(String name, Map<String, List<String>> canonicalToSynonyms) {
		this.name = Objects.requireNonNull(name, "name");
		Map<String, String> keys = new HashMap<>();
		Set<String> values = new LinkedHashSet<>();
		canonicalToSynonyms.forEach((canonical, synonyms) -> {
			values.add(canonical);
			claim(keys, canonical, canonical);
			for (String synonym : synonyms) {
				claim(keys, synonym, canonical);
			}
		});
		this.canonicalValues = Collections.unmodifiableSet(values);
		this.byKey = Map.copyOf(keys);
		Map<String, String> texts = new HashMap<>();
		canonicalToSynonyms.forEach((canonical, synonyms) -> {
			texts.put(canonical, canonical);
			if (synonyms != null) {
				synonyms.forEach(synonym -> texts.putIfAbsent(synonym, canonical));
			}
		});
		this.byText = Map.copyOf(texts);
	}

	private void claim(Map<String, String> keys, String text, String canonical) {
		String key = TextKeys.canonical(text);
		if (key.isEmpty()) {
			throw new IllegalArgumentException("vocabulary " + name + ": blank value for " + canonical);
		}
		String previous = keys.putIfAbsent(key, canonical);
		if (previous != null && !previous.equals(canonical)) {
			throw new IllegalArgumentException(
					"vocabulary " + name + ": '" + text + "' means both " + previous + " and " + canonical);
		}
	}

	public String name() {
		return name;
	}

	/**
	 * The canonical value for the cell text, null for a blank or placeholder cell unless
	 * the vocabulary itself lists it (e.g. 无 as a value).
	 * @throws ValueFormatException when the text is none of the values or synonyms
	 */
	public String resolve(String raw) {
		// Cells repeat the declared spellings: an exact hit skips the (costly) canonical
		// key.
		String exact = raw == null ? null : byText.get(raw);
		if (exact != null) {
			return exact;
		}
		String canonical = byKey.get(TextKeys.canonical(raw));
		if (canonical != null) {
			return canonical;
		}
		if (CellValues.isPlaceholder(raw)) {
			return null;
		}
		String listZh = String.join("、", canonicalValues);
		String listEn = String.join(", ", canonicalValues);
		throw new ValueFormatException(raw, "不是「" + name + "」的有效取值（" + listZh + "）",
				"not one of " + name + ": " + listEn);
	}

	/** In the order the vocabulary was given. */
	public Set<String> canonicalValues() {
		return canonicalValues;
	}

	@Override
	public String toString() {
		return "Vocabulary[" + name + ": " + canonicalValues + "]";
	}

}
