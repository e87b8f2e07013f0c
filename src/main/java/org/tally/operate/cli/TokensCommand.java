package org.tally.operate.cli;

import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import org.tally.operate.Actor;
import org.tally.operate.accounts.Accounts;
import org.tally.operate.accounts.ApiToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * `tally tokens create|list|revoke`: API tokens for automation, shown once and kept as
 * digests; every change is audited.
 */
@Command(name = "tokens", description = "Creates, lists and revokes API tokens (Authorization: Bearer …).",
		subcommands = { TokensCommand.Create.class, TokensCommand.ListTokens.class, TokensCommand.Revoke.class })
class TokensCommand extends BaseCommand.Group {

	@Command(name = "create", description = "Creates a token for a user and prints it once.")
	static class Create extends ContextCommand {

		@Option(names = "--user", required = true, paramLabel = "NAME", description = "the user the token signs in as")
		String user;

		@Option(names = "--label", paramLabel = "TEXT", description = "what the token is for")
		String label;

		@Override
		int call(ConfigurableApplicationContext context) {
			out().println(context.getBean(Accounts.class).createToken(user, label, Actor.cli()));
			err().println("tally tokens create: shown once; send it as `Authorization: Bearer <token>`");
			return ExitCode.OK.code();
		}

	}

	@Command(name = "list", description = "Lists the tokens (never their secrets).")
	static class ListTokens extends ListingCommand<ApiToken> {

		@Override
		List<ApiToken> rows(ConfigurableApplicationContext context) {
			return context.getBean(Accounts.class).tokens();
		}

		@Override
		String table(List<ApiToken> tokens) {
			TextTable table = new TextTable("id", "user", "label", "created", "revoked");
			tokens.forEach(t -> table.row(t.id(), t.user(), t.label() == null ? "" : t.label(), t.createdAt(),
					t.revokedAt() == null ? "" : t.revokedAt()));
			return table.isEmpty() ? "no tokens: `tally tokens create --user NAME` makes one\n" : table.toString();
		}

	}

	@Command(name = "revoke", description = "Revokes a token: it signs nobody in from now on.")
	static class Revoke extends ContextCommand {

		@Parameters(paramLabel = "ID", description = "token id, as `tally tokens list` shows it")
		long id;

		@Override
		int call(ConfigurableApplicationContext context) {
			context.getBean(Accounts.class).revokeToken(id, Actor.cli());
			out().println("token " + id + " revoked");
			return ExitCode.OK.code();
		}

	}

}
