package org.tally.operate.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.springframework.context.ConfigurableApplicationContext;
import org.tally.operate.Actor;
import org.tally.operate.accounts.Account;
import org.tally.operate.accounts.Accounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * `tally users add|list|disable|passwd`: the console's accounts kept in the database,
 * without editing YAML; every change is audited.
 */
@Command(name = "users", description = "Adds, lists, disables web users and changes their passwords.", subcommands = {
		UsersCommand.Add.class, UsersCommand.List.class, UsersCommand.Disable.class, UsersCommand.Passwd.class })
class UsersCommand extends BaseCommand.Group {

	/** A password typed at the console (twice), or the first line of standard input. */
	static char[] readPassword(String prompt) throws IOException {
		Console console = System.console();
		if (console != null) {
			char[] first = console.readPassword("%s: ", prompt);
			char[] again = console.readPassword("%s again: ", prompt);
			if (first == null || !Arrays.equals(first, again)) {
				throw new IllegalArgumentException("the two passwords differ");
			}
			return first;
		}
		String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
		if (line == null) {
			throw new IllegalArgumentException("no password on standard input");
		}
		return line.toCharArray();
	}

	/**
	 * A change to one user's account, made on behalf of the command line (and so audited
	 * as such); it says what it did.
	 */
	abstract static class UserChange extends ContextCommand {

		@Parameters(paramLabel = "NAME", description = "the user's sign-in name")
		String name;

		@Override
		int call(ConfigurableApplicationContext context) throws IOException {
			out().println(change(context.getBean(Accounts.class), Actor.cli()));
			return ExitCode.OK.code();
		}

		/** Changes the account; answers what it did, in a line. */
		abstract String change(Accounts accounts, Actor actor) throws IOException;

	}

	@Command(name = "add", description = "Adds a user; the password is prompted, or read from standard input.")
	static class Add extends UserChange {

		@Option(names = "--role", required = true, paramLabel = "OPERATOR|PRESS",
				description = "OPERATOR (everything) or PRESS (verified figures only)")
		String role;

		@Override
		String change(Accounts accounts, Actor actor) throws IOException {
			accounts.add(name, role.toUpperCase(), readPassword("password for " + name), actor);
			return "user " + name + " added (" + role.toUpperCase() + ")";
		}

	}

	@Command(name = "list", description = "Lists the users, configured and kept, with their locks.")
	static class List extends ListingCommand<Account> {

		@Override
		java.util.List<Account> rows(ConfigurableApplicationContext context) {
			return context.getBean(Accounts.class).list();
		}

		@Override
		String table(java.util.List<Account> accounts) {
			TextTable table = new TextTable("user", "role", "kept in", "enabled", "locked until");
			accounts.forEach(a -> table.row(a.name(), a.role(), a.source(), a.enabled() ? "yes" : "no",
					a.lockedUntil() == null ? "" : a.lockedUntil()));
			return table.isEmpty() ? "no users: `tally users add NAME --role OPERATOR` adds one\n" : table.toString();
		}

	}

	@Command(name = "disable", description = "Disables a user kept in the database: it can no longer sign in.")
	static class Disable extends UserChange {

		@Override
		String change(Accounts accounts, Actor actor) {
			accounts.disable(name, actor);
			return "user " + name + " disabled";
		}

	}

	@Command(name = "passwd", description = "Sets a new password (prompted, or from standard input); ends a lockout.")
	static class Passwd extends UserChange {

		@Override
		String change(Accounts accounts, Actor actor) throws IOException {
			accounts.changePassword(name, readPassword("new password for " + name), actor);
			return "password of " + name + " changed";
		}

	}

}
