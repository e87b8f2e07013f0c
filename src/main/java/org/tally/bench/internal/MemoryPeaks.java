package org.tally.bench.internal;

import java.io.IOException;
import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Set;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.nio.file.Files;
import java.nio.file.Path;
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
	 * really held at once.
	 */
	public static final class HeapSampler implements AutoCloseable {

		private final Thread thread;

		private volatile boolean running = true;

		private volatile boolean paused;

		private volatile long peak;

		private volatile long peakAfterGc;

		private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(pool -> pool.getType() == MemoryType.HEAP)
			.map(MemoryPoolMXBean::getName)
			.collect(Collectors.toUnmodifiableSet());

		private final NotificationListener afterGc = this::collected;

		public HeapSampler() {
			for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
				if (collector instanceof NotificationEmitter emitter) {
					emitter.addNotificationListener(afterGc, null, null);
				}
			}
			// The first full collection, counted here: its notification comes on another
			// thread, often once the first (unsampled) reference has paused the sampler.
			System.gc();
			this.peakAfterGc = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
			this.thread = new Thread(this::sample, "tally-bench-heap");
			this.thread.setDaemon(true);
			this.thread.start();
		}

		/**
		 * The heap in use just after each full collection: what was live then, the figure
		 * that grows with the rows if anything holds them, where the sampled peak mostly
		 * shows how full the collector lets the heap get (and after a young collection
		 * the old generation still holds its garbage).
		 */
		private void collected(Notification notification, Object handback) {
			if (paused || !GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION
				.equals(notification.getType())) {
				return;
			}
			GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
				.from((CompositeData) notification.getUserData());
			if (!"end of major GC".equals(info.getGcAction())) {
				return;
			}
			long used = info.getGcInfo()
				.getMemoryUsageAfterGc()
				.entrySet()
				.stream()
				.filter(pool -> heapPools.contains(pool.getKey()))
				.mapToLong(pool -> pool.getValue().getUsed())
				.sum();
			peakAfterGc = Math.max(peakAfterGc, used);
		}

		private void sample() {
			var memory = ManagementFactory.getMemoryMXBean();
			while (running) {
				if (!paused) {
					peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
				}
				try {
					Thread.sleep(10);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}

		public long peakBytes() {
			return peak;
		}

		/**
		 * The most heap found in use just after a full collection while sampling (the one
		 * at the start included).
		 */
		public long peakAfterGcBytes() {
			return peakAfterGc;
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
			running = false;
			for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
				if (collector instanceof NotificationEmitter emitter) {
					try {
						emitter.removeNotificationListener(afterGc);
					}
					catch (ListenerNotFoundException ex) {
						// never added: nothing to remove
					}
				}
			}
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
