package org.tally.operate.accounts;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The users of API tokens recently accepted, by token digest, so that a client sending
 * request after request does not cost three queries each. An entry is trusted for the
 * time to live only; every change of this process to tokens, users or locks forgets them
 * all. A token revoked by another process (`tally tokens revoke`) or a lock set by
 * another node is refused once the entry expires: the time to live is the revocation
 * delay.
 */
final class TokenPrincipals {

	/**
	 * A bound on memory, not a working set: a server has a handful of tokens in use, and
	 * past the bound the cache starts again empty.
	 */
	static final int MAX_ENTRIES = 1_000;

	private record Entry(UserDetails user, long expiresAt, long epoch) {
	}

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	/**
	 * Moved on by every change: an entry read from the database before a change is never
	 * trusted after it, even when it is put after it.
	 */
	private final AtomicLong epoch = new AtomicLong();

	private final long ttlNanos;

	private final LongSupplier clock;

	TokenPrincipals(Duration ttl, LongSupplier clock) {
		this.ttlNanos = ttl.toNanos();
		this.clock = clock;
	}

	/** The user the token's digest was accepted for, while its entry lives. */
	Optional<UserDetails> get(String digest) {
		Entry entry = entries.get(digest);
		if (entry == null) {
			return Optional.empty();
		}
		if (entry.epoch() != epoch.get() || clock.getAsLong() - entry.expiresAt() >= 0) {
			entries.remove(digest, entry);
			return Optional.empty();
		}
		return Optional.of(entry.user());
	}

	/** The epoch to give {@link #put} for a user about to be read from the database. */
	long epoch() {
		return epoch.get();
	}

	/** Keeps the user read in {@code readIn}; useless if anything changed since. */
	void put(String digest, UserDetails user, long readIn) {
		if (ttlNanos <= 0) {
			return;
		}
		if (entries.size() >= MAX_ENTRIES) {
			entries.clear();
		}
		entries.put(digest, new Entry(user, clock.getAsLong() + ttlNanos, readIn));
	}

	/** After a change to tokens, users or locks has committed. */
	void forgetAll() {
		epoch.incrementAndGet();
		entries.clear();
	}

}
