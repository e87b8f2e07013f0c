package org.tally.bench;

import java.util.List;

/**
 * What `tally bench --api` measured: requests per second and latency percentiles per
 * endpoint, each endpoint alone on an idle server, then all together while a night run
 * loads; with the machine and its load average, since the numbers mean little without.
 */
public record ApiBenchReport(int clients, double windowSeconds, String machine, double loadAverageBefore,
		List<Measure> idle, List<Measure> duringNight, long nightRows, double nightSeconds, String nightStatus,
		List<Cost> idleCosts) {

	/**
	 * What one request cost on the idle server, less sensitive to the machine's load than
	 * its rate: CPU of this JVM (server and clients together) and database transactions
	 * (pg_stat_database, which each connection reports at most once a second, so about).
	 */
	public record Cost(String endpoint, double jvmCpuMillisPerRequest, double databaseTransactionsPerRequest) {
	}

	/** What one endpoint answered in one phase; latencies of successful requests only. */
	public record Measure(String endpoint, long requests, long failures, double seconds, double requestsPerSecond,
			double p50Millis, double p99Millis, double maxMillis, String firstFailure) {
	}

}
