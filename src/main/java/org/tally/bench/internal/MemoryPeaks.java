package org.tally.bench.internal;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * The benchmark's memory peaks: heap in use while a measure runs (sampled), the process's
 * peak resident set size, and the heap limit.
 */
public final class MemoryPeaks {

	private MemoryPeaks() {
	}

	/**
	 * Samples the heap in use every 10 ms on a daemon thread until closed. Per-pool peaks
	 * would add up peaks of different moments; one sampled total is what the process
	 * really held at once. Garbage included: it mostly shows how full the collector lets
	 * the heap get, more the longer a run lasts ({@link LiveHeapProbe} for what is live).
	 */
	public static final class HeapSampler implements AutoCloseable {

		private volatile boolean paused;

		private volatile long peak;

		private final Every sampling;

		public HeapSampler() {
			// What the preparation left is not the measure's.
			System.gc();
			this.sampling = new Every("tally-bench-heap", 10, this::sample);
		}

		private void sample() {
			if (!paused) {
				peak = Math.max(peak, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
			}
		}

		public long peakBytes() {
			return peak;
		}

		/**
		 * Runs {@code step} unsampled: a reference measured between Tally's repetitions
		 * is not Tally's heap.
		 */
		public <T> T unsampled(Callable<T> step) throws Exception {
			paused = true;
			try {
				return step.call();
			}
			finally {
				paused = false;
			}
		}

		@Override
		public void close() {
			sampling.close();
		}

	}

	/**
	 * The most heap live at once while open: a full collection every {@code every} on a
	 * daemon thread, and the heap in use right after it. Each collection stops the
	 * application, so it runs beside a repetition that is not timed. Collections the
	 * collector chooses fall wherever the heap happens to fill, at one point in a short
	 * run and at another in a long one; forced at a fixed pace they compare runs of any
	 * length.
	 */
	public static final class LiveHeapProbe implements AutoCloseable {

		private volatile long peak;

		private final Every probing;

		public LiveHeapProbe(Duration every) {
			this.probing = new Every("tally-bench-live-heap", every.toMillis(), this::probe);
		}

		private void probe() {
			long before = fullCollections();
			System.gc();
			// A thread inside a JNI critical region (the inflater's) holds the GC locker:
			// the JVM may then skip the collection, and the heap in use is not what is
			// live.
			if (fullCollections() > before) {
				peak = Math.max(peak, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
			}
		}

		/** The most heap found in use right after a forced full collection. */
		public long peakBytes() {
			return peak;
		}

		@Override
		public void close() {
			probing.close();
		}

	}

	/**
	 * Full collections so far: those of the collectors of the old generation (Parallel's
	 * "PS MarkSweep", Serial's "MarkSweepCompact", G1's "G1 Old Generation").
	 */
	private static long fullCollections() {
		return ManagementFactory.getGarbageCollectorMXBeans()
			.stream()
			.filter(collector -> collector.getName().contains("MarkSweep") || collector.getName().contains("Old"))
			.mapToLong(GarbageCollectorMXBean::getCollectionCount)
			.sum();
	}

	/**
	 * Runs {@code action} every {@code millis} on a daemon thread of its own until
	 * closed.
	 */
	private static final class Every implements AutoCloseable {

		private final Thread thread;

		private volatile boolean running = true;

		private Every(String name, long millis, Runnable action) {
			this.thread = new Thread(() -> {
				while (running) {
					action.run();
					try {
						Thread.sleep(millis);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						return;
					}
				}
			}, name);
			this.thread.setDaemon(true);
			this.thread.start();
		}

		@Override
		public void close() {
			running = false;
			try {
				thread.join(1000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

	public static long maxHeapBytes() {
		return Runtime.getRuntime().maxMemory();
	}

	/**
	 * VmHWM from /proc/self/status: the peak resident set of this process (Linux); -1
	 * elsewhere.
	 */
	public static long peakRssBytes() {
		return procStatus("VmHWM:");
	}

	private static long procStatus(String key) {
		Path status = Path.of("/proc/self/status");
		if (!Files.isReadable(status)) {
			return -1;
		}
		try {
			for (String line : Files.readAllLines(status)) {
				if (line.startsWith(key)) {
					return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]) * 1024;
				}
			}
			return -1;
		}
		catch (IOException | NumberFormatException ex) {
			return -1;
		}
	}

}
