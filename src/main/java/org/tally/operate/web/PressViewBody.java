package org.tally.operate.web;

import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;
import org.tally.figures.PressSnapshot;
import tools.jackson.databind.json.JsonMapper;

/**
 * The press view's JSON as the API answers it, written once per snapshot of the published
 * figures: every request for the same snapshot gets the same bytes.
 */
@Component
class PressViewBody {

	private record Written(PressSnapshot snapshot, byte[] json) {
	}

	private final JsonMapper json;

	private final AtomicReference<Written> held = new AtomicReference<>();

	/**
	 * The application's mapper: the bytes are those its message converter would write.
	 */
	PressViewBody(JsonMapper json) {
		this.json = json;
	}

	/** The snapshot's figures as JSON; callers must not change the array. */
	byte[] of(PressSnapshot snapshot) {
		Written written = held.get();
		// a snapshot stands for one generation, and a new generation is a new snapshot
		if (written != null && written.snapshot() == snapshot) {
			return written.json();
		}
		byte[] bytes = json.writeValueAsBytes(snapshot.figures());
		held.set(new Written(snapshot, bytes));
		return bytes;
	}

	/** Any other answer of the figures API, written as the converter would. */
	byte[] write(Object value) {
		return json.writeValueAsBytes(value);
	}

}
