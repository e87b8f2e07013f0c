package org.tally.validate;

import java.util.List;

/**
 * One page of a run's rejects, in file, row and cell order, with the keys to the pages
 * before and after it ({@code null} when there is none): a page is found by key, not by
 * offset, so the last page of 100,000 rejects costs what the first does.
 */
public record RejectsPage(List<RejectedCell> rejects, long total, Key before, Key after) {

	public RejectsPage {
		rejects = List.copyOf(rejects);
	}

	/**
	 * Where a reject sits in the order of a run's rejects: its load, row and id. Written
	 * {@code load.row.id} in a page's address.
	 */
	public record Key(long loadId, int rowNumber, long rejectId) {

		/** Before every reject: load ids start at 1. */
		static final Key START = new Key(0, Integer.MIN_VALUE, 0);

		/** After every reject. */
		static final Key END = new Key(Long.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE);

		/** Reads a key as a page's address writes it; a malformed one is refused. */
		public static Key parse(String text) {
			String[] parts = text.split("\\.", -1);
			if (parts.length != 3) {
				throw new IllegalArgumentException("not a reject key (load.row.id): " + text);
			}
			try {
				return new Key(Long.parseLong(parts[0]), Integer.parseInt(parts[1]), Long.parseLong(parts[2]));
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("not a reject key (load.row.id): " + text, ex);
			}
		}

		@Override
		public String toString() {
			return loadId + "." + rowNumber + "." + rejectId;
		}

	}

}
