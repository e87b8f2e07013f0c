package org.tally.bench;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.tally.bench.internal.ChildTally;
import org.tally.bench.internal.WarehouseProbe;

/**
 * Polls for a condition while the processes it depends on are alive, until a deadline.
 */
final class Await {

	private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

	private Await() {
	}

	/** One look: a value once the awaited condition holds, empty until then. */
	@FunctionalInterface
	interface Look<T> {

		Optional<T> next() throws Exception;

	}

	/** One look at a condition. */
	@FunctionalInterface
	interface Condition {

		boolean holds() throws Exception;

	}

	/**
	 * Looks every {@code interval} while {@code alive} holds; empty when time ran out or
	 * {@code alive} stopped holding first.
	 */
	static <T> Optional<T> poll(Duration timeout, Duration interval, BooleanSupplier alive, Look<T> look)
			throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline && alive.getAsBoolean()) {
			Optional<T> value = look.next();
			if (value.isPresent()) {
				return value;
			}
			Thread.sleep(interval.toMillis());
		}
		return Optional.empty();
	}

	/** Whether {@code condition} came to hold in time. */
	static boolean until(Duration timeout, Duration interval, BooleanSupplier alive, Condition condition)
			throws Exception {
		return poll(timeout, interval, alive, () -> condition.holds() ? Optional.of(true) : Optional.empty())
			.isPresent();
	}

	/**
	 * The value of a count query once it reaches {@code atLeast}, while the child runs.
	 */
	static long count(WarehouseProbe probe, ChildTally child, String sql, long atLeast, Object... params)
			throws Exception {
		return poll(FIVE_MINUTES, Duration.ofMillis(20), child::alive, () -> {
			try {
				long n = probe.count(sql, params);
				return n >= atLeast ? Optional.of(n) : Optional.empty();
			}
			catch (SQLException ex) {
				// the tables may not exist yet in a fresh installation
				return Optional.empty();
			}
		}).orElseThrow(() -> new IllegalStateException(
				"the run never reached " + atLeast + " rows for: " + sql + "\n" + child.output()));
	}

	/**
	 * Returns once the child's database session runs a statement starting with
	 * {@code prefix}.
	 */
	static void statement(WarehouseProbe probe, ChildTally child, String prefix) throws Exception {
		if (!until(FIVE_MINUTES, Duration.ofMillis(5), child::alive, () -> probe.running(prefix))) {
			throw new IllegalStateException("the run never ran " + prefix + "\n" + child.output());
		}
	}

}
