package org.tally.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.CronTrigger;
import org.quartz.JobDetail;
import org.tally.schedule.internal.ScheduleFiles;

/**
 * Given jobs/*.yml, the schedules, their Quartz job and trigger, and the business date of
 * a fire are exact.
 */
class ScheduleDefinitionTest {

	@Test
	void givenTheCommittedNightlyFile_itFiresAt0230ShanghaiOnTheNightlyJobForAllSourcesAndCatchesUpOnce() {
		ScheduleDefinition nightly = ScheduleFiles.read(Path.of("jobs"))
			.stream()
			.filter(d -> d.name().equals("nightly"))
			.findFirst()
			.orElseThrow();

		assertThat(nightly.cron()).isEqualTo("0 30 2 * * ?");
		assertThat(nightly.timeZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
		assertThat(nightly.job()).isEqualTo("nightlyConsolidationJob");
		assertThat(nightly.sources()).isEmpty();
		assertThat(nightly.misfire()).isEqualTo(ScheduleDefinition.Misfire.FIRE_ONCE_NOW);

		JobDetail job = Schedules.job(nightly);
		CronTrigger trigger = Schedules.trigger(nightly, job);
		assertThat(job.requestsRecovery()).isTrue();
		assertThat(job.isConcurrentExecutionDisallowed()).isTrue();
		assertThat(job.isDurable()).isTrue();
		assertThat(trigger.getMisfireInstruction()).isEqualTo(CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW);
		assertThat(trigger.getTimeZone().getID()).isEqualTo("Asia/Shanghai");
		// 2026-11-24T18:30Z is 02:30 on the 25th in Shanghai.
		assertThat(trigger.getFireTimeAfter(java.util.Date.from(Instant.now()))
			.toInstant()
			.atZone(ZoneId.of("Asia/Shanghai"))
			.toLocalTime()).isEqualTo(java.time.LocalTime.of(2, 30));
	}

	@Test
	void givenAFireAt0230Shanghai_theRunIsNamedByTheShanghaiDateNotTheUtcOne() {
		Instant fire = Instant.parse("2026-11-24T18:30:00Z");

		assertThat(BusinessDate.of(fire, ZoneId.of("Asia/Shanghai"))).isEqualTo(LocalDate.of(2026, 11, 25));
		assertThat(BusinessDate.trigger("nightly", fire, ZoneId.of("Asia/Shanghai"))).isEqualTo("nightly:2026-11-25");
	}

	@Test
	void givenASourceListAndSkip_theyAreRead(@TempDir Path dir) throws IOException {
		Files.writeString(dir.resolve("finance.yml"), """
				cron: "0 0 3 * * ?"
				timeZone: Asia/Shanghai
				job: nightlyConsolidationJob
				sources: [finance, health-activities]
				misfire: skip
				""");

		ScheduleDefinition finance = ScheduleFiles.read(dir).get(0);

		assertThat(finance.name()).isEqualTo("finance");
		assertThat(finance.sources()).containsExactly("finance", "health-activities");
		assertThat(Schedules.trigger(finance, Schedules.job(finance)).getMisfireInstruction())
			.isEqualTo(CronTrigger.MISFIRE_INSTRUCTION_DO_NOTHING);
	}

	@Test
	void givenAWrongKeyOrCronOrZone_theErrorNamesTheFileAndKey(@TempDir Path dir) throws IOException {
		Files.writeString(dir.resolve("a.yml"),
				"cron: \"0 30 2 * * ?\"\ntimezone: Asia/Shanghai\njob: nightlyConsolidationJob\n");
		assertThatThrownBy(() -> ScheduleFiles.read(dir)).isInstanceOf(ScheduleException.class)
			.hasMessageContaining("a.yml")
			.hasMessageContaining("unknown key 'timezone'");

		Files.writeString(dir.resolve("a.yml"),
				"cron: \"30 2 * *\"\ntimeZone: Asia/Shanghai\njob: nightlyConsolidationJob\n");
		assertThatThrownBy(() -> ScheduleFiles.read(dir)).hasMessageContaining("cron '30 2 * *'");

		Files.writeString(dir.resolve("a.yml"),
				"cron: \"0 30 2 * * ?\"\ntimeZone: Mars/Olympus\njob: nightlyConsolidationJob\n");
		assertThatThrownBy(() -> ScheduleFiles.read(dir)).hasMessageContaining("timeZone 'Mars/Olympus'");
	}

}
