package org.tally.operate.web;

import org.springframework.stereotype.Component;
import org.tally.figures.PerSnapshot;
import org.tally.figures.PressSnapshot;
import tools.jackson.databind.json.JsonMapper;

/**
 * The press view's JSON as the API answers it, written once per snapshot of the published
 * figures: every request for the same snapshot gets the same bytes.
 */
@Component
class PressViewBody {

	private final JsonMapper json;

	private final PerSnapshot<byte[]> written;

	/**
	 * The application's mapper: the bytes are those its message converter would write.
	 */
	PressViewBody(JsonMapper json) {
		this.json = json;
		this.written = new PerSnapshot<>(snapshot -> json.writeValueAsBytes(snapshot.figures()));
	}

	/** The snapshot's figures as JSON; callers must not change the array. */
	byte[] of(PressSnapshot snapshot) {
		return written.of(snapshot);
	}

	/** Any other answer of the figures API, written as the converter would. */
	byte[] write(Object value) {
		return json.writeValueAsBytes(value);
	}

}
