package org.tally.figures.internal.phrasing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tally.figures.PhraseKind;

/**
 * docs/press-phrasing.md keeps one table of accepted phrases; its hedge words are the
 * code's, no more, no fewer.
 */
class PressPhrasingDocumentTest {

	private static final Pattern ROW = Pattern.compile("^\\| `([A-Z]+)` \\| ([^|]+) \\|", Pattern.MULTILINE);

	@Test
	void givenThePhrasingTable_eachKindListsExactlyTheHedgesTheReaderAccepts() throws IOException {
		String doc = Files.readString(Path.of("docs/press-phrasing.md"));
		int table = doc.indexOf("| kind | written as | range | examples |");
		Matcher row = ROW.matcher(doc.substring(table, doc.indexOf("\n\n", table)));
		int rows = 0;
		while (row.find()) {
			PhraseKind kind = PhraseKind.valueOf(row.group(1));
			Set<String> documented = new HashSet<>();
			Arrays.stream(row.group(2).split("[,(;]"))
				.map(String::strip)
				.filter(w -> w.endsWith("N") && w.length() > 1 && !w.contains(" "))
				.forEach(w -> documented.add(w.substring(0, w.length() - 1)));
			Set<String> coded = new HashSet<>();
			for (Map.Entry<String, PhraseKind> prefix : PhraseWords.PREFIXES) {
				if (prefix.getValue() == kind) {
					coded.add(prefix.getKey());
				}
			}
			assertThat(documented).as("hedges of %s in docs/press-phrasing.md", kind).isEqualTo(coded);
			rows++;
		}
		assertThat(rows).isEqualTo(PhraseKind.values().length);
	}

}
