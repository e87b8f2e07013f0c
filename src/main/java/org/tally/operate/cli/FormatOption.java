package org.tally.operate.cli;

import java.math.BigDecimal;
import java.util.function.Supplier;
import picocli.CommandLine.Option;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The `--format table|json` option of the listing commands, and the JSON they print. */
class FormatOption {

	@Option(names = "--format", defaultValue = "table", description = "table or json")
	OutputFormat format;

	/** The table, or the document as indented JSON, as the option asks. */
	String render(Supplier<String> table, Supplier<?> document) {
		return format == OutputFormat.JSON ? json(document.get()) : table.get();
	}

	/** A value as JSON text: its {@code toString()}, or null. */
	static String text(Object value) {
		return value == null ? null : value.toString();
	}

	/** An amount as JSON text, never in exponent notation, or null. */
	static String plain(BigDecimal value) {
		return value == null ? null : value.toPlainString();
	}

	/** The document as indented JSON, ending with a newline. */
	static String json(Object document) {
		return Json.MAPPER.writeValueAsString(document) + "\n";
	}

	/**
	 * Made when a command first prints JSON, not when picocli makes every command's
	 * options at start-up: a mapper is a noticeable part of a short command's start.
	 */
	private static final class Json {

		private static final JsonMapper MAPPER = JsonMapper.builder()
			.enable(SerializationFeature.INDENT_OUTPUT)
			.build();

	}

}
