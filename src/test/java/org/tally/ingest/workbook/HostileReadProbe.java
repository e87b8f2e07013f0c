package org.tally.ingest.workbook;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;

/**
 * Reads each file named on the command line to its end in this (small-heap) JVM and
 * prints one tab-separated line per file: path, verdict (OK rows chars | REFUSED reason |
 * FAILED exception), milliseconds; then the peak heap. Run by
 * {@link HostileInputBoundsTest} as a child process.
 */
final class HostileReadProbe {

	private HostileReadProbe() {
	}

	public static void main(String[] args) {
		for (String arg : args) {
			long start = System.nanoTime();
			String verdict;
			try (SheetCursor cursor = Workbooks.open(Path.of(arg), SheetSelector.first(), ReadLimits.defaults())) {
				long rows = 0;
				long chars = 0;
				StringBuilder sample = new StringBuilder();
				while (cursor.hasNext()) {
					RawRow row = cursor.next();
					rows++;
					for (RawCell cell : row.cells()) {
						chars += cell.value().length();
						if (sample.length() < 200) {
							sample.append(cell.value().replace('\t', ' ').replace('\n', ' ')).append('|');
						}
					}
				}
				verdict = "OK " + rows + " " + chars + " " + sample;
			}
			catch (UnreadableFileException ex) {
				verdict = "REFUSED " + ex.reason().replace('\n', ' ');
			}
			catch (OutOfMemoryError ex) {
				verdict = "FAILED OutOfMemoryError";
			}
			catch (RuntimeException | StackOverflowError ex) {
				verdict = "FAILED " + ex.getClass().getSimpleName() + ": "
						+ String.valueOf(ex.getMessage()).replace('\n', ' ');
			}
			System.out.println(arg + "\t" + verdict + "\t" + (System.nanoTime() - start) / 1_000_000);
		}
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			// The old generation holds what survives: its peak is the reader's real
			// footprint.
			if (pool.getType() == MemoryType.HEAP
					&& (pool.getName().contains("Old") || pool.getName().contains("Tenured"))) {
				peak = Math.max(peak, pool.getPeakUsage().getUsed());
			}
		}
		System.out.println("peak-heap\t" + peak + "\t" + Runtime.getRuntime().maxMemory());
	}

}
