package org.tally.operate.health;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.tally.database.DatabaseProperties;

/**
 * `/actuator/health`'s "dataDisk": the free space of the file system the data directory
 * is on; DEGRADED below {@code tally.health.min-free-disk}, before a run fills it.
 */
@Component("dataDisk")
class DataDiskHealth implements HealthIndicator {

	/** Serves, but an operator should act (management.endpoint.health.status.order). */
	static final Status DEGRADED = new Status("DEGRADED", "less free disk space than tally.health.min-free-disk");

	private final DatabaseProperties database;

	private final DataSize floor;

	DataDiskHealth(DatabaseProperties database, @Value("${tally.health.min-free-disk:1GB}") DataSize floor) {
		this.database = database;
		this.floor = floor;
	}

	@Override
	public Health health() {
		if (database.external()) {
			return Health.unknown().withDetail("reason", "the warehouse is an external PostgreSQL").build();
		}
		Path dir = existing(database.dataDir().toAbsolutePath());
		try {
			FileStore store = Files.getFileStore(dir);
			long free = store.getUsableSpace();
			Health.Builder health = free < floor.toBytes() ? Health.status(DEGRADED) : Health.up();
			return health.withDetail("path", dir.toString())
				.withDetail("free", free)
				.withDetail("total", store.getTotalSpace())
				.withDetail("minFree", floor.toBytes())
				.build();
		}
		catch (IOException ex) {
			return Health.down(ex).withDetail("path", dir.toString()).build();
		}
	}

	private static Path existing(Path dir) {
		Path at = dir;
		while (at != null && !Files.exists(at)) {
			at = at.getParent();
		}
		return at == null ? dir : at;
	}

}
