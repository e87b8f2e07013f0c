package org.tally.operate.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.util.unit.DataSize;
import org.tally.database.DatabaseProperties;

/**
 * Given the data directory's file system, health is UP above the configured floor and
 * DEGRADED below it, with the free space in its details.
 */
class DataDiskHealthTest {

	@Test
	void givenMoreFreeSpaceThanTheFloor_healthIsUpWithTheFreeSpace(@TempDir Path dataDir) {
		Health health = new DataDiskHealth(embedded(dataDir.resolve("not-yet-created")), DataSize.ofBytes(1)).health();

		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat((Long) health.getDetails().get("free")).isPositive();
	}

	@Test
	void givenLessFreeSpaceThanTheFloor_healthIsDegraded(@TempDir Path dataDir) {
		Health health = new DataDiskHealth(embedded(dataDir), DataSize.ofTerabytes(1_000_000)).health();

		assertThat(health.getStatus().getCode()).isEqualTo("DEGRADED");
		assertThat(health.getDetails()).containsKeys("path", "free", "minFree");
	}

	private static DatabaseProperties embedded(Path dataDir) {
		return new DatabaseProperties(null, null, null, null, null, dataDir, 8, Duration.ofSeconds(5), 0);
	}

}
