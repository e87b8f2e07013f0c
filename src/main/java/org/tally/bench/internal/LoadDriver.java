package org.tally.bench.internal;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.tally.bench.ApiBenchReport;

/**
 * Concurrent clients on one JDK HttpClient (keep-alive, HTTP/1.1), each sending one kind
 * of request back to back until the time is up, the stop condition holds or the request
 * budget is spent; every latency is kept, so percentiles are exact. A response counts
 * only with status 200 and a body that holds its endpoint's marker, so that a server
 * answering errors fast cannot look fast.
 */
public final class LoadDriver {

	/**
	 * One kind of request: a name for the report, the request, and text every good answer
	 * holds, looked for from the body's end.
	 */
	public record Endpoint(String name, HttpRequest request, String marker) {
	}

	private final HttpClient client;

	private final long maxRequests;

	public LoadDriver(HttpClient client, long maxRequests) {
		this.client = client;
		this.maxRequests = maxRequests;
	}

	/**
	 * Drives the endpoints with {@code clients} clients dealt out in turn, for at most
	 * {@code window} or until {@code stop} holds.
	 */
	public List<ApiBenchReport.Measure> drive(List<Endpoint> endpoints, int clients, Duration window,
			BooleanSupplier stop) throws InterruptedException {
		long deadline = System.nanoTime() + window.toNanos();
		AtomicLong budget = new AtomicLong(maxRequests);
		List<Client> running = new ArrayList<>();
		for (int i = 0; i < Math.max(clients, endpoints.size()); i++) {
			running.add(new Client(endpoints.get(i % endpoints.size()), deadline, budget, stop));
		}
		long started = System.nanoTime();
		List<Thread> threads = running.stream().map(c -> new Thread(c, "bench-client")).toList();
		threads.forEach(Thread::start);
		for (Thread thread : threads) {
			thread.join();
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		Map<String, List<Client>> byEndpoint = new LinkedHashMap<>();
		running.forEach(c -> byEndpoint.computeIfAbsent(c.endpoint.name(), k -> new ArrayList<>()).add(c));
		List<ApiBenchReport.Measure> results = new ArrayList<>();
		byEndpoint.forEach((name, group) -> results.add(result(name, group, seconds)));
		return results;
	}

	private static ApiBenchReport.Measure result(String name, List<Client> group, double seconds) {
		long failures = group.stream().mapToLong(c -> c.failures).sum();
		String first = group.stream().map(c -> c.firstFailure).filter(f -> f != null).findFirst().orElse(null);
		long[] all = group.stream().flatMapToLong(c -> Arrays.stream(c.latencies, 0, c.count)).sorted().toArray();
		return new ApiBenchReport.Measure(name, all.length, failures, seconds, all.length / seconds,
				percentile(all, 0.50), percentile(all, 0.99), all.length == 0 ? 0 : all[all.length - 1] / 1e6, first);
	}

	private static double percentile(long[] sorted, double p) {
		if (sorted.length == 0) {
			return 0;
		}
		int index = (int) Math.ceil(p * sorted.length) - 1;
		return sorted[Math.max(0, index)] / 1e6;
	}

	/** Whether the body holds the marker, searched from its end, where answers close. */
	static boolean holds(byte[] body, byte[] marker) {
		for (int at = body.length - marker.length; at >= 0; at--) {
			if (Arrays.equals(body, at, at + marker.length, marker, 0, marker.length)) {
				return true;
			}
		}
		return false;
	}

	private final class Client implements Runnable {

		private final Endpoint endpoint;

		private final long deadline;

		private final AtomicLong budget;

		private final BooleanSupplier stop;

		private final byte[] marker;

		private long[] latencies = new long[1024];

		private int count;

		private long failures;

		private String firstFailure;

		Client(Endpoint endpoint, long deadline, AtomicLong budget, BooleanSupplier stop) {
			this.endpoint = endpoint;
			this.deadline = deadline;
			this.budget = budget;
			this.stop = stop;
			this.marker = endpoint.marker().getBytes(StandardCharsets.UTF_8);
		}

		@Override
		public void run() {
			while (System.nanoTime() < deadline && !stop.getAsBoolean() && budget.decrementAndGet() >= 0) {
				long start = System.nanoTime();
				String failure;
				try {
					HttpResponse<byte[]> response = client.send(endpoint.request(),
							HttpResponse.BodyHandlers.ofByteArray());
					failure = response.statusCode() != 200 ? "HTTP " + response.statusCode()
							: holds(response.body(), marker) ? null
									: "HTTP 200 without " + endpoint.marker() + " in its body";
				}
				catch (IOException ex) {
					failure = ex.toString();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
				long elapsed = System.nanoTime() - start;
				if (failure != null) {
					failures++;
					firstFailure = firstFailure == null ? failure : firstFailure;
					continue;
				}
				if (count == latencies.length) {
					latencies = Arrays.copyOf(latencies, count * 2);
				}
				latencies[count++] = elapsed;
			}
		}

	}

}
