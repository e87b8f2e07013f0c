package org.tally.operate.cli;

import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Mixin;

/**
 * A command that lists rows: as a table, or with {@code --format json} as a JSON
 * document.
 */
abstract class ListingCommand<T> extends ReadingCommand {

	@Mixin
	FormatOption format;

	@Override
	int call(ConfigurableApplicationContext context) {
		List<T> rows = rows(context);
		return printed(format.render(() -> table(rows), () -> document(rows)), ExitCode.OK);
	}

	abstract List<T> rows(ConfigurableApplicationContext context);

	abstract String table(List<T> rows);

	/**
	 * What {@code --format json} prints: the rows themselves unless a command says
	 * otherwise.
	 */
	Object document(List<T> rows) {
		return rows;
	}

}
