package org.tally.operate.cli;

import java.io.IOException;
import java.util.Arrays;
import org.springframework.context.ConfigurableApplicationContext;
import org.tally.database.ReaderRoles;
import org.tally.operate.Actor;
import org.tally.operate.internal.AuditLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * `tally readers add|list|remove`: the database accounts of analysts and BI tools, which
 * may read the reporting schema and nothing else (docs/reporting.md); audited.
 */
@Command(name = "readers", description = "Adds, lists and removes read-only database accounts for BI tools.",
		subcommands = { ReadersCommand.Add.class, ReadersCommand.List.class, ReadersCommand.Remove.class })
class ReadersCommand extends BaseCommand.Group {

	@Command(name = "add", description = "Adds a reader; the password is prompted, or read from standard input.")
	static class Add extends ContextCommand {

		@Parameters(paramLabel = "NAME", description = "the database role's name (lower-case letters, digits, _)")
		String name;

		@Override
		int call(ConfigurableApplicationContext context) throws IOException {
			char[] password = UsersCommand.readPassword("password for reader " + name);
			AuditLog audit = context.getBean(AuditLog.class);
			try {
				context.getBean(ReaderRoles.class).add(name, password);
			}
			catch (RuntimeException ex) {
				audit.record(Actor.cli(), "add reader", name, "failed", ex.getMessage());
				throw ex;
			}
			finally {
				Arrays.fill(password, '\0');
			}
			audit.record(Actor.cli(), "add reader", name, "ok", "SELECT on reporting");
			out().println("reader " + name + " added: may read the reporting schema (tally warehouse info)");
			return ExitCode.OK.code();
		}

	}

	@Command(name = "list", description = "Lists the readers.")
	static class List extends ContextCommand {

		@Mixin
		FormatOption format;

		@Override
		int call(ConfigurableApplicationContext context) {
			java.util.List<ReaderRoles.Reader> readers = context.getBean(ReaderRoles.class).list();
			out().print(format.render(() -> {
				TextTable table = new TextTable("reader", "can log in");
				readers.forEach(r -> table.row(r.name(), r.canLogin() ? "yes" : "no"));
				return table.isEmpty() ? "no readers: `tally readers add NAME` adds one\n" : table.toString();
			}, () -> readers));
			out().flush();
			return ExitCode.OK.code();
		}

	}

	@Command(name = "remove", description = "Removes a reader's database role.")
	static class Remove extends ContextCommand {

		@Parameters(paramLabel = "NAME")
		String name;

		@Override
		int call(ConfigurableApplicationContext context) {
			AuditLog audit = context.getBean(AuditLog.class);
			try {
				context.getBean(ReaderRoles.class).remove(name);
			}
			catch (RuntimeException ex) {
				audit.record(Actor.cli(), "remove reader", name, "failed", ex.getMessage());
				throw ex;
			}
			audit.record(Actor.cli(), "remove reader", name, "ok", null);
			out().println("reader " + name + " removed");
			return ExitCode.OK.code();
		}

	}

}
