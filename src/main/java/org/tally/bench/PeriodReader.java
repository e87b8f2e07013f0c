package org.tally.bench;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.tally.bench.internal.WarehouseProbe;

/** A reader polling the December project rows during a promotion, and what it saw. */
final class PeriodReader extends Thread {

	private final Installation it;

	private final AtomicBoolean done = new AtomicBoolean();

	private final AtomicLong looks = new AtomicLong();

	private final List<String> mixed = Collections.synchronizedList(new ArrayList<>());

	private final List<Long> loadsSeen = Collections.synchronizedList(new ArrayList<>());

	PeriodReader(Installation it) {
		super("fault-suite-reader");
		this.it = it;
		setDaemon(true);
	}

	@Override
	public void run() {
		try (WarehouseProbe probe = it.probe()) {
			while (!done.get()) {
				try {
					WarehouseProbe.Sight sight = probe.sight(FaultHarness.DECEMBER);
					looks.incrementAndGet();
					if (!sight.whole() && mixed.size() < 5) {
						mixed.add("a reader saw a half-promoted period: " + sight.seen());
					}
					if (loadsSeen.isEmpty() || loadsSeen.get(loadsSeen.size() - 1) != sight.load()) {
						loadsSeen.add(sight.load());
					}
				}
				catch (SQLException ex) {
					// the server is the one the killed process started; it keeps
					// running
				}
				Thread.sleep(5);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	void finish() throws InterruptedException {
		done.set(true);
		join();
	}

	long looks() {
		return looks.get();
	}

	/** Up to five sights of a half-promoted period. */
	List<String> mixed() {
		return mixed;
	}

	String summary() {
		return "current December load went " + loadsSeen + ", " + mixed.size() + " half-promoted sights";
	}

}
