package org.tally.operate.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.tally.database.WarehouseAddress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** `tally warehouse info`: where analysts and BI tools connect (docs/reporting.md). */
@Command(name = "warehouse", description = "Tells where BI tools connect to the reporting warehouse.",
		subcommands = { WarehouseCommand.Info.class })
class WarehouseCommand extends BaseCommand.Group {

	@Command(name = "info", description = "Prints host, port, database, schema, a JDBC URL and a libpq string.")
	static class Info extends ContextCommand {

		@Mixin
		FormatOption format;

		@Override
		int call(ConfigurableApplicationContext context) {
			WarehouseAddress address = context.getBean(WarehouseAddress.class);
			Map<String, Object> info = new LinkedHashMap<>();
			info.put("host", address.host());
			info.put("port", address.port());
			info.put("database", address.database());
			info.put("schema", address.schema());
			info.put("jdbcUrl", address.jdbcUrl());
			info.put("libpq", address.libpq());
			out().print(format.render(() -> {
				StringBuilder text = new StringBuilder();
				info.forEach((key, value) -> text.append(String.format("%-9s %s%n", key, value)));
				return text.append("readers: tally readers add NAME (docs/reporting.md)\n").toString();
			}, () -> info));
			out().flush();
			return ExitCode.OK.code();
		}

	}

}
