package org.tally.warehouse.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Given a file's keys, the fingerprints say "maybe repeated" whenever PostgreSQL would
 * group two rows together, and "distinct" past the set's cap only when the spilled runs
 * prove it.
 */
class KeyFingerprintsTest {

	@TempDir
	Path spill;

	@Test
	void givenAMillionDistinctCodes_noneIsReportedRepeated() {
		KeyFingerprints keys = new KeyFingerprints();
		addDistinct(keys, 1_000_000);
		assertThat(keys.maybeRepeated()).isFalse();
	}

	@Test
	void givenMoreDistinctKeysThanASheetHolds_theyAreStillProvedDistinctThroughASpilledRun() {
		try (KeyFingerprints keys = new KeyFingerprints(KeyFingerprints.MAX_KEYS, spill)) {
			addDistinct(keys, KeyFingerprints.MAX_KEYS + 1);
			assertThat(spilledRuns()).as("the full set went to disk").hasSize(1);

			assertThat(keys.maybeRepeated()).isFalse();
			assertThat(spilledRuns()).as("deleted once answered").isEmpty();
		}
	}

	@Test
	void givenDistinctKeysAcrossSeveralRuns_theyAreProvedDistinct() {
		try (KeyFingerprints keys = new KeyFingerprints(100, spill)) {
			addDistinct(keys, 450);
			assertThat(spilledRuns()).hasSize(4);
			assertThat(keys.maybeRepeated()).isFalse();
		}
	}

	@Test
	void givenAKeyRepeatedInTwoSpilledRuns_itIsReportedRepeated() {
		try (KeyFingerprints keys = new KeyFingerprints(100, spill)) {
			for (int i = 0; i < 350; i++) {
				keys.add(key("JC" + (i == 250 ? 17 : i))); // 17 in the first run, again
															// in the third
			}
			assertThat(spilledRuns()).hasSize(3);
			assertThat(keys.maybeRepeated()).isTrue();
		}
	}

	@Test
	void givenAKeyOfASpilledRunRepeatedInThePartStillHeld_itIsReportedRepeated() {
		try (KeyFingerprints keys = new KeyFingerprints(100, spill)) {
			addDistinct(keys, 250);
			keys.add(key("JC42"));
			assertThat(spilledRuns()).hasSize(2);
			assertThat(keys.maybeRepeated()).isTrue();
			assertThat(spilledRuns()).isEmpty();
		}
	}

	@Test
	void givenAKeyRepeatedWithinTheSetAfterASpill_itIsReportedRepeatedAndTheRunsDeletedAtOnce() {
		try (KeyFingerprints keys = new KeyFingerprints(100, spill)) {
			addDistinct(keys, 150);
			keys.add(key("JC149"));
			assertThat(spilledRuns()).isEmpty();
			assertThat(keys.maybeRepeated()).isTrue();
		}
	}

	@Test
	void givenSpilledRunsClosedBeforeTheAnswer_theFilesAreGoneAndTheAnswerIsMaybe() {
		KeyFingerprints keys = new KeyFingerprints(100, spill);
		addDistinct(keys, 250);
		assertThat(spilledRuns()).hasSize(2);

		keys.close();

		assertThat(spilledRuns()).isEmpty();
		assertThat(keys.maybeRepeated()).as("nothing left to prove it with").isTrue();
	}

	@Test
	void givenASpillDirectoryThatCannotBeWritten_theFullSetFailsNamingIt() {
		Path missing = spill.resolve("missing");
		try (KeyFingerprints keys = new KeyFingerprints(100, missing)) {
			addDistinct(keys, 100);
			assertThatThrownBy(() -> keys.add(key("JC100"))).isInstanceOf(UncheckedIOException.class)
				.hasMessageContaining(missing.toString());
		}
	}

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233 })
	void givenRandomKeysAndCaps_theAnswerIsTheOracles(long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		int cap = 1 + random.nextInt(64);
		int count = random.nextInt(cap * 6);
		// Half the seeds draw from a range wide enough to be distinct, half from one that
		// repeats.
		int range = random.nextBoolean() ? Integer.MAX_VALUE : Math.max(1, count * (1 + random.nextInt(4)));
		// repeat
		Set<String> oracle = new HashSet<>();
		boolean oracleRepeated = false;
		try (KeyFingerprints keys = new KeyFingerprints(cap, spill)) {
			for (int i = 0; i < count; i++) {
				String code = "JC" + random.nextInt(range);
				oracleRepeated |= !oracle.add(code);
				keys.add(key(code));
			}
			assertThat(keys.maybeRepeated()).as("cap %d, %d keys drawn from %d", cap, count, range)
				.isEqualTo(oracleRepeated);
			assertThat(spilledRuns()).isEmpty();
		}
	}

	@Test
	void givenACodeTwiceAmongMany_itIsReportedRepeated() {
		KeyFingerprints keys = new KeyFingerprints();
		addDistinct(keys, 50_000);
		keys.add(key("JC49999"));
		assertThat(keys.maybeRepeated()).isTrue();
	}

	@Test
	void givenValuesSqlGroupsTogether_theyAreOneKey() {
		assertRepeated(new Object[] { new BigDecimal("1.0"), "a" }, new Object[] { new BigDecimal("1.00"), "a" });
		assertRepeated(new Object[] { new BigDecimal("0.00") }, new Object[] { BigDecimal.ZERO });
		assertRepeated(new Object[] { LocalDate.of(2024, 12, 31), 7L },
				new Object[] { LocalDate.of(2024, 12, 31), 7L });
		assertRepeated(new Object[] { null, "x" }, new Object[] { null, "x" });
	}

	@Test
	void givenRowsWithoutAnyKeyValue_theyAreNotKeys() {
		KeyFingerprints keys = new KeyFingerprints();
		keys.add(key(null, null));
		keys.add(key(null, null));
		assertThat(keys.maybeRepeated()).isFalse();
	}

	@Test
	void givenKeysThatDifferOnlyInWhichColumnHoldsAValue_theyAreDistinct() {
		KeyFingerprints keys = new KeyFingerprints();
		keys.add(key("a", null));
		keys.add(key(null, "a"));
		keys.add(key("ab", "c"));
		keys.add(key("a", "bc"));
		assertThat(keys.maybeRepeated()).isFalse();
	}

	private List<Path> spilledRuns() {
		try (Stream<Path> files = Files.list(spill)) {
			return files.filter(Files::isRegularFile).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The fingerprint of a row whose values are all key columns, in key order. */
	/** Adds the keys JC0, JC1, … of {@code count} rows. */
	private static void addDistinct(KeyFingerprints keys, int count) {
		for (int i = 0; i < count; i++) {
			keys.add(key("JC" + i));
		}
	}

	private static long key(Object... values) {
		return KeyFingerprints.of(values, java.util.stream.IntStream.range(0, values.length).toArray());
	}

	private static void assertRepeated(Object[] first, Object[] second) {
		KeyFingerprints keys = new KeyFingerprints();
		keys.add(key(first));
		keys.add(key(second));
		assertThat(keys.maybeRepeated())
			.as("%s and %s", java.util.Arrays.toString(first), java.util.Arrays.toString(second))
			.isTrue();
	}

}
