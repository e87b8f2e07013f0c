package org.tally.warehouse.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Given a file's keys, the fingerprints say "maybe repeated" whenever PostgreSQL would
 * group two rows together.
 */
class KeyFingerprintsTest {

	@Test
	void givenAMillionDistinctCodes_noneIsReportedRepeated() {
		KeyFingerprints keys = new KeyFingerprints();
		for (int i = 0; i < 1_000_000; i++) {
			keys.add(key("JC" + i));
		}
		assertThat(keys.maybeRepeated()).isFalse();
	}

	@Test
	void givenMoreDistinctKeysThanASheetHolds_theAnswerIsMaybeSoTheHeapStaysBounded() {
		KeyFingerprints keys = new KeyFingerprints();
		for (int i = 0; i < KeyFingerprints.MAX_KEYS; i++) {
			keys.add(key("JC" + i));
		}
		assertThat(keys.maybeRepeated()).as("a sheet's rows are all held").isFalse();

		keys.add(key("JC" + KeyFingerprints.MAX_KEYS));

		assertThat(keys.maybeRepeated()).as("one key more: promotion searches in SQL").isTrue();
	}

	@Test
	void givenACodeTwiceAmongMany_itIsReportedRepeated() {
		KeyFingerprints keys = new KeyFingerprints();
		for (int i = 0; i < 50_000; i++) {
			keys.add(key("JC" + i));
		}
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

	/** The fingerprint of a row whose values are all key columns, in key order. */
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
