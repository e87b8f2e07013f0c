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

	private final Path file;

	private final JsonMapper json = JsonMapper.builder().build();

	RunLog(@Value("${tally.log-dir:logs}") Path logDir) {
		this.file = logDir.resolve("tally.json");
	}

	record Line(Instant at, String level, String step, String logger, String message) {
	}

	/**
	 * Lines {@code from} to {@code from + size} of a run's {@code total}, in the order
	 * they were written.
	 */
	record Page(List<Line> lines, int from, int size, int total) {

		Page {
			lines = List.copyOf(lines);
		}

		public boolean hasEarlier() {
			return from > 0;
		}

		public boolean hasLater() {
			return from + lines.size() < total;
		}

		public int earlier() {
			return Math.max(0, from - size);
		}

		public int later() {
			return from + size;
		}

	}

	/**
	 * One page of a run's lines: from line {@code from} (0 is the first), or the newest
	 * page when {@code from} is null. The file is read as a stream and only the page is
	 * kept, so a long log costs time, not memory.
	 */
	Page page(long runId, Integer from, int size) {
		if (!Files.isRegularFile(file)) {
			return new Page(List.of(), 0, size, 0);
		}
		String needle = "\"run\":\"" + runId + "\"";
		Deque<Line> kept = new ArrayDeque<>();
		int total = 0;
		try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			for (String text = reader.readLine(); text != null; text = reader.readLine()) {
				// Cheap filter first: most lines belong to other runs or to none.
				if (!text.contains(needle)) {
					continue;
				}
				Line line = parse(text, runId);
				if (line == null) {
					continue;
				}
				if (from == null) {
					kept.addLast(line);
					if (kept.size() > size) {
						kept.removeFirst();
					}
				}
				else if (total >= from && total < from + size) {
					kept.addLast(line);
				}
				total++;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the run log " + file, ex);
		}
		int first = from == null ? total - kept.size() : from;
		return new Page(List.copyOf(kept), first, size, total);
	}

	/**
	 * A message as one line: a file named {@code "a\r\nINFO …"} shows its CR and LF as
	 * {@code \r} and {@code \n} and cannot pass for a line of its own.
	 */
	static String oneLine(String text) {
		return text.replace("\r", "\\r").replace("\n", "\\n");
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
					oneLine(node.path("formattedMessage").asString("")));
		}
		catch (JacksonException ex) {
			return null; // a line cut short by a crash or a rollover: skip it, the rest
							// is still worth reading
		}
	}

}
