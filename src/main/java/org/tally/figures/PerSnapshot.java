package org.tally.figures;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * A value derived from the press view (its JSON, its page, the facts claims are checked
 * against), derived once per generation of the published figures and kept until the next
 * publish, however many requests ask for it.
 */
public final class PerSnapshot<T> {

	private record Held<T>(String generation, T value) {
	}

	private final AtomicReference<Held<T>> held = new AtomicReference<>();

	private final Function<PressSnapshot, T> derive;

	public PerSnapshot(Function<PressSnapshot, T> derive) {
		this.derive = derive;
	}

	/** The value for {@code snapshot}: derived when its generation is new. */
	public T of(PressSnapshot snapshot) {
		Held<T> last = held.get();
		if (last != null && last.generation().equals(snapshot.generation())) {
			return last.value();
		}
		T value = derive.apply(snapshot);
		held.set(new Held<>(snapshot.generation(), value));
		return value;
	}

}
