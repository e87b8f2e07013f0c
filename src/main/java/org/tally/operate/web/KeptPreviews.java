package org.tally.operate.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.tally.validate.FileInspection;

/**
 * The previews of the uploads waiting for an operator, each computed once: a preview
 * reads and validates the whole file, too much to repeat on every page load. Bounded to
 * the most recently viewed; an upload accepted or discarded drops its own.
 */
@Component
class KeptPreviews {

	/** More than operators keep open at once; an evicted one is computed again. */
	static final int KEPT = 16;

	private final Map<String, FileInspection.Result> kept = new LinkedHashMap<>(KEPT, 0.75f, true) {

		private static final long serialVersionUID = 1L;

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, FileInspection.Result> eldest) {
			return size() > KEPT;
		}

	};

	/** The kept preview of the upload {@code token}, computing it the first time. */
	FileInspection.Result preview(String token, Supplier<FileInspection.Result> compute) {
		synchronized (kept) {
			FileInspection.Result result = kept.get(token);
			if (result != null) {
				return result;
			}
		}
		// Computed outside the lock: one long preview does not hold up the others' pages.
		FileInspection.Result computed = compute.get();
		synchronized (kept) {
			return kept.computeIfAbsent(token, t -> computed);
		}
	}

	void drop(String token) {
		synchronized (kept) {
			kept.remove(token);
		}
	}

}
