package org.tally.operate.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.tally.backup.LastBackup;
import org.tally.backup.ScheduledBackups;
import org.tally.figures.FigureStatuses;
import org.tally.pipeline.LastSuccessfulRun;

/**
 * What stands now, read when scraped: the time of the last successful run and of the last
 * backup, and the figures by status. Read from the database and the backup folder rather
 * than counted in this process, so that runs of `tally run` and of other nodes show too.
 */
final class StateGauges implements MeterBinder {

	/** Long enough to answer one scrape's three figure gauges with one query. */
	private static final Duration SCRAPE = Duration.ofSeconds(2);

	private final LastSuccessfulRun lastRun;

	private final ScheduledBackups backups;

	private final Supplier<FigureStatuses.Counts> figures;

	StateGauges(LastSuccessfulRun lastRun, ScheduledBackups backups, FigureStatuses figures) {
		this.lastRun = lastRun;
		this.backups = backups;
		this.figures = new Recent<>(figures::now, SCRAPE);
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		TimeGauge.builder("tally.run.last.success", lastRun, TimeUnit.SECONDS, runs -> epochSeconds(runs.endedAt()))
			.description("When the latest run of every source completed (0: never)")
			.register(registry);
		TimeGauge
			.builder("tally.backup.last", backups, TimeUnit.SECONDS,
					folder -> epochSeconds(folder.last().map(LastBackup::writtenAt)))
			.description("When the newest archive of the backup folder was written (0: none)")
			.register(registry);
		Gauge.builder("tally.figures", figures, counts -> counts.get().verified())
			.description("Figures in their latest version, by status")
			.tag("status", "verified")
			.register(registry);
		Gauge.builder("tally.figures", figures, counts -> counts.get().unverified())
			.description("Figures in their latest version, by status")
			.tag("status", "unverified")
			.register(registry);
		Gauge.builder("tally.figures.verification.lost", figures, counts -> counts.get().lostVerification())
			.description("Figures unverified in their latest version that their version before had verified")
			.register(registry);
	}

	private static double epochSeconds(Optional<Instant> time) {
		return time.map(Instant::getEpochSecond).orElse(0L);
	}

	/**
	 * A value read at most once per {@code fresh}, shared by the gauges of one scrape.
	 */
	static final class Recent<T> implements Supplier<T> {

		private final Supplier<T> source;

		private final long freshNanos;

		private T value;

		private long readAt;

		Recent(Supplier<T> source, Duration fresh) {
			this.source = source;
			this.freshNanos = fresh.toNanos();
		}

		@Override
		public synchronized T get() {
			long now = System.nanoTime();
			if (value == null || now - readAt > freshNanos) {
				value = source.get();
				readAt = now;
			}
			return value;
		}

	}

}
