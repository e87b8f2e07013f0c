package org.tally.operate.cli;

import org.springframework.context.ConfigurableApplicationContext;
import org.tally.database.WarehouseAddress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** `tally warehouse info`: where analysts and BI tools connect (docs/reporting.md). */
@Command(name = "warehouse", description = "Tells where BI tools connect to the reporting warehouse.",
		subcommands = { WarehouseCommand.Info.class })
class WarehouseCommand extends BaseCommand.Group {

	/** What `warehouse info` prints, and its JSON document. */
	record Address(String host, int port, String database, String schema, String jdbcUrl, String libpq) {
	}

	@Command(name = "info", description = "Prints host, port, database, schema, a JDBC URL and a libpq string.")
	static class Info extends ContextCommand {

		@Mixin
		FormatOption format;

		@Override
		int call(ConfigurableApplicationContext context) {
			WarehouseAddress address = context.getBean(WarehouseAddress.class);
			Address info = new Address(address.host(), address.port(), address.database(), address.schema(),
					address.jdbcUrl(), address.libpq());
			out()
				.print(format.render(
						() -> String.format(
								"host      %s%nport      %s%ndatabase  %s%nschema    %s%njdbcUrl   %s%nlibpq     %s%n"
										+ "readers: tally readers add NAME (docs/reporting.md)%n",
								info.host(), info.port(), info.database(), info.schema(), info.jdbcUrl(), info.libpq()),
						() -> info));
			out().flush();
			return ExitCode.OK.code();
		}

	}

}
