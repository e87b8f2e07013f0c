package org.tally.operate.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A run's log lines, read back from the JSON log (logs/tally.json, one object per line)
 * by the run id logback put in the MDC: what the operator sees on a run's page without a
 * shell on the server.
 */
@Component
class RunLog {

	/**
	 * Only the newest lines of a run are shown; a million-row run logs little, but a loop
	 * might not.
	 */
	static final int MAX_LINES = 500;

	private final Path file;

	private final JsonMapper json = JsonMapper.builder().build();

	RunLog(@Value("${tally.log-dir:logs}") Path logDir) {
		this.file = logDir.resolve("tally.json");
	}

	record Line(Instant at, String level, String step, String logger, String message) {
	}

	List<Line> lines(long runId) {
		if (!Files.isRegularFile(file)) {
			return List.of();
		}
		String needle = "\"run\":\"" + runId + "\"";
		Deque<Line> lines = new ArrayDeque<>();
		try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			for (String text = reader.readLine(); text != null; text = reader.readLine()) {
				// Cheap filter first: most lines belong to other runs or to none.
				if (!text.contains(needle)) {
					continue;
				}
				Line line = parse(text, runId);
				if (line != null) {
					lines.addLast(line);
					if (lines.size() > MAX_LINES) {
						lines.removeFirst();
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the run log " + file, ex);
		}
		return List.copyOf(lines);
	}

	private Line parse(String text, long runId) {
		try {
			JsonNode node = json.readTree(text);
			JsonNode mdc = node.path("mdc");
			if (!String.valueOf(runId).equals(mdc.path("run").asString(""))) {
				return null;
			}
			long millis = node.path("timestamp").asLong(0);
			String logger = node.path("loggerName").asString("");
			return new Line(millis == 0 ? null : Instant.ofEpochMilli(millis), node.path("level").asString(""),
					mdc.path("step").asString(""), logger.substring(logger.lastIndexOf('.') + 1),
					node.path("formattedMessage").asString(""));
		}
		catch (JacksonException ex) {
			return null; // a line cut short by a crash or a rollover: skip it, the rest
							// is still worth reading
		}
	}

}
