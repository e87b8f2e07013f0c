package org.tally.figures.internal.phrasing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tally.figures.FigureUnit;
import org.tally.figures.PhraseKind;
import org.tally.figures.PhraseRange;
import org.tally.figures.PressPhrasing;

/**
 * docs/press-phrasing.md keeps one table of accepted phrases, whose hedge words are the
 * code's, no more, no fewer, and one table of the unit a figure is stated in at each
 * magnitude, which is the code's.
 */
class PressPhrasingDocumentTest {

	private static final Pattern MAGNITUDE_ROW = Pattern
		.compile("^\\| (1|10\\^\\d+) \\| (\\S+) \\| (\\S+) \\| ([^|]+) \\|", Pattern.MULTILINE);

	private static final Pattern ROW = Pattern.compile("^\\| `([A-Z]+)` \\| ([^|]+) \\|", Pattern.MULTILINE);

	@Test
	void givenTheMagnitudeTable_eachRowNamesTheUnitsTheCodeStatesFiguresInFromThatMagnitude() throws IOException {
		String doc = Files.readString(Path.of("docs/press-phrasing.md"));
		int table = doc.indexOf("| from | money | count | examples |");
		Matcher row = MAGNITUDE_ROW.matcher(doc.substring(table, doc.indexOf("\n\n", table)));
		List<Integer> exponents = new ArrayList<>();
		while (row.find()) {
			int exponent = row.group(1).equals("1") ? 0 : Integer.parseInt(row.group(1).substring(3));
			BigDecimal from = BigDecimal.ONE.movePointRight(exponent);

			assertThat(PressPhrasing.magnitudeOf(from)).isEqualTo(exponent);
			assertThat(unitOf(PressPhrasing.displayScaled(from, FigureUnit.CNY, "亿元", 2, null)))
				.isEqualTo(row.group(2));
			assertThat(unitOf(PressPhrasing.displayScaled(from, FigureUnit.COUNT, null, 0, "个")))
				.isEqualTo(row.group(3));
			if (exponent > 0) {
				assertThat(PressPhrasing.magnitudeOf(from.subtract(new BigDecimal("0.01")))).isEqualTo(exponent - 4);
			}
			for (String example : row.group(4).split(";")) {
				PhraseRange range = PressPhrasing.parse(example.strip()).orElseThrow();
				assertThat(range.phrase()).isEqualTo(example.strip());
				assertThat(unitOf(range.phrase())).as(example)
					.isEqualTo(range.unit() == FigureUnit.CNY ? row.group(2) : row.group(3));
			}
			exponents.add(exponent);
		}
		assertThat(exponents).containsExactly(0, 4, 8, 12);
	}

	/** What follows the number and its 余: 万亿元 of 约450万亿元. */
	private static String unitOf(String phrase) {
		return phrase.replaceFirst("^[^0-9]*[0-9.]+余?", "");
	}

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
