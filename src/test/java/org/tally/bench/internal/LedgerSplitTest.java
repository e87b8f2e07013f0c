package org.tally.bench.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import org.junit.jupiter.api.Test;

class LedgerSplitTest {

	@Test
	void givenAMillionRows_theyFitOneSheetAsOneLedgerAndNothingIsSaid() {
		LedgerSplit split = LedgerSplit.of(1_000_000);

		assertThat(split.ledgers()).containsExactly(1_000_000);
		assertThat(split.split()).isFalse();
		assertThat(split.message()).isNull();
	}

	@Test
	void givenTheLastRowsThatFitWithTitleUnitHeaderAndTotals_theyStayOneLedger() {
		assertThat(LedgerSplit.of(1_048_572).ledgers()).containsExactly(1_048_572);
		assertThat(LedgerSplit.of(1_048_573).ledgers()).containsExactly(524_287, 524_286);
	}

	@Test
	void givenFiveMillionRows_theyAreFiveLedgersOfAMillionFromFiveSources() {
		LedgerSplit split = LedgerSplit.of(5_000_000);

		assertThat(split.ledgers()).containsExactly(1_000_000, 1_000_000, 1_000_000, 1_000_000, 1_000_000);
		assertThat(split.message()).isEqualTo(
				"5,000,000 rows exceed one sheet's 1,048,576: XLSX measured as 5 ledgers of 1,000,000 rows from 5 sources");
	}

	@Test
	void givenThreeMillionRows_theyAreThreeLedgersNotPoisRowNumberError() {
		assertThat(LedgerSplit.of(3_000_000).ledgers()).containsExactly(1_000_000, 1_000_000, 1_000_000);
	}

	@Test
	void givenRowsThatDoNotDivideEvenly_theLedgersDifferByOneRowAtMostAndAddUp() {
		LedgerSplit split = LedgerSplit.of(2_500_001);

		assertThat(split.ledgers()).containsExactly(833_334, 833_334, 833_333);
		assertThat(split.ledgers().stream().mapToInt(Integer::intValue).sum()).isEqualTo(2_500_001);
		assertThat(split.message()).isEqualTo(
				"2,500,001 rows exceed one sheet's 1,048,576: XLSX measured as 3 ledgers of 833,333 to 833,334 rows from 3 sources");
	}

	@Test
	void givenEveryLedger_noneExceedsAMillionRows() {
		for (int rows : new int[] { 1_048_573, 2_000_000, 2_000_001, 4_999_999, 7_654_321, 10_000_000 }) {
			LedgerSplit split = LedgerSplit.of(rows);
			assertThat(Collections.max(split.ledgers())).as("%d rows", rows).isLessThanOrEqualTo(1_000_000);
			assertThat(split.ledgers().size()).as("%d rows", rows).isEqualTo((rows + 999_999) / 1_000_000);
		}
	}

	@Test
	void givenASmallSheet_theRoundSizeIsItsDataRowsToOneSignificantDigit() {
		LedgerSplit split = LedgerSplit.of(2_500, 1_004);

		assertThat(split.ledgers()).containsExactly(834, 833, 833);
		assertThat(split.message()).isEqualTo(
				"2,500 rows exceed one sheet's 1,004: XLSX measured as 3 ledgers of 833 to 834 rows from 3 sources");
	}

}
