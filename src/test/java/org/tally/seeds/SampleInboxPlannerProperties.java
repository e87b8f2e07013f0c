package org.tally.seeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.tally.support.Theories.qt;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Whatever the seed, the planned inbox reproduces the press figures and stays
 * self-consistent.
 */
class SampleInboxPlannerProperties {

	static SampleInboxPlanner.Plan plan(long seed) {
		return new SampleInboxPlanner(new Random(seed)).plan();
	}

	static BigDecimal sum(List<LedgerRow> rows, Function<LedgerRow, BigDecimal> amount) {
		return rows.stream().map(amount).filter(a -> a != null).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	@Test
	void givenAnySeed_theYearEndLedgerMatchesThePressFigures() {
		qt(50).forAll(longs().all()).checkAssert(seed -> {
			List<LedgerRow> ledger = plan(seed).yearEnd().ledger();
			assertThat(ledger).hasSize(140);
			assertThat(ledger.stream().filter(r -> r.status().started())).hasSize(87);
			assertThat(ledger.stream().filter(r -> r.status() == Status.COMPLETED)).hasSize(16);
			assertThat(sum(ledger, LedgerRow::committed)).isEqualByComparingTo("6023745.00");
			assertThat(sum(ledger, LedgerRow::completed)).isEqualByComparingTo("1098563.25");
			assertThat(ledger.stream().map(LedgerRow::county).collect(Collectors.toSet()))
				.isEqualTo(Set.copyOf(SampleNames.COUNTIES));
			assertThat(ledger).allSatisfy(r -> {
				if (r.status().started()) {
					assertThat(r.completed()).isPositive().isLessThanOrEqualTo(r.committed());
					assertThat(r.startDate()).isNotNull();
				}
				else {
					assertThat(r.completed()).isNull();
				}
				if (r.fundArranged() != null) {
					assertThat(r.fundPaid()).isLessThanOrEqualTo(r.fundArranged());
				}
			});
		});
	}

	@Test
	void givenAnySeed_theMidYearFilesAreSubsetsOfTheYearEndFiles() {
		qt(50).forAll(longs().all()).checkAssert(seed -> {
			SampleInboxPlanner.Plan plan = plan(seed);
			Map<String, LedgerRow> december = plan.yearEnd()
				.ledger()
				.stream()
				.collect(Collectors.toMap(LedgerRow::code, r -> r));
			List<LedgerRow> june = plan.midYear().ledger();
			assertThat(june).hasSize(118);
			assertThat(june.stream().filter(r -> r.status().started())).hasSize(61);
			for (LedgerRow r : june) {
				LedgerRow d = december.get(r.code());
				assertThat(d.committed()).isEqualByComparingTo(r.committed());
				if (r.status().started()) {
					assertThat(d.status().started()).isTrue();
					assertThat(r.completed()).isLessThanOrEqualTo(d.completed());
				}
			}
			assertThat(plan.midYear().education()).hasSize(22);
			assertThat(plan.yearEnd().education().stream().map(EducationItem::identity).toList())
				.containsAll(plan.midYear().education().stream().map(EducationItem::identity).toList());
			assertThat(plan.midYear().health()).hasSize(15);
			assertThat(plan.yearEnd().science()).hasSize(64).containsAll(plan.midYear().science());
			assertThat(plan.yearEnd()
				.science()
				.stream()
				.map(ScienceItem::contractYuan)
				.reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("103046800.00");
		});
	}

	/**
	 * A coded line names a ledger project of its field and carries that project's funds.
	 */
	private static void assertCarriesLedgerFunds(Map<String, LedgerRow> ledger, String code, String field,
			BigDecimal arranged, BigDecimal arrived) {
		if (code.isEmpty()) {
			return;
		}
		LedgerRow p = ledger.get(code);
		assertThat(p.field()).isEqualTo(field);
		assertThat(arranged).isEqualTo(p.fundArranged());
		assertThat(arrived).isEqualTo(p.fundPaid());
	}

	@Test
	void givenAnySeed_codedEducationAndHealthLinesCarryTheirLedgerProjectsFunds() {
		qt(50).forAll(longs().all()).checkAssert(seed -> {
			SampleInboxPlanner.Plan plan = plan(seed);
			for (PeriodInbox inbox : List.of(plan.midYear(), plan.yearEnd())) {
				Map<String, LedgerRow> ledger = inbox.ledger()
					.stream()
					.collect(Collectors.toMap(LedgerRow::code, r -> r));
				for (EducationItem e : inbox.education()) {
					assertCarriesLedgerFunds(ledger, e.code(), SampleNames.EDUCATION, e.fundArranged(),
							e.fundArrived());
				}
				for (HealthRow h : inbox.health()) {
					assertCarriesLedgerFunds(ledger, h.code(), SampleNames.HEALTH, h.fund(), h.fundArrived());
				}
			}
		});
	}

}
