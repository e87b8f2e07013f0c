package org.tally.operate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tally.support.TallyCli;
import org.tally.support.TallyCli.Result;

/**
 * Given a fresh data directory, `tally users` and `tally tokens` manage the web's
 * accounts without YAML: passwords come from standard input, a token is printed once,
 * refusals are one line with exit code 3.
 */
class AccountCommandsTest {

	@TempDir
	Path dataDir;

	@Test
	void givenAFreshInstallation_usersAndTokensAreManagedFromTheCommandLine() {
		Result added = tally("a long enough password\n", "users", "add", "newsdesk", "--role", "press");
		assertThat(added.status()).as(added.err()).isZero();
		assertThat(added.out()).contains("user newsdesk added (PRESS)");

		Result again = tally("another long password\n", "users", "add", "newsdesk", "--role", "PRESS");
		assertThat(again.status()).isEqualTo(3);
		assertThat(again.err().strip()).isEqualTo("tally users add: refused: account 'newsdesk': exists already");

		Result shortPassword = tally("short\n", "users", "add", "intern", "--role", "PRESS");
		assertThat(shortPassword.status()).isEqualTo(3);
		assertThat(shortPassword.err()).contains("at least 10 characters");

		Result token = tally("", "tokens", "create", "--user", "newsdesk", "--label", "newsroom script");
		assertThat(token.status()).as(token.err()).isZero();
		assertThat(token.out().strip()).startsWith("tally_");

		Result tokens = tally("", "tokens", "list", "--format", "json");
		assertThat(tokens.out()).contains("\"user\" : \"newsdesk\"")
			.contains("newsroom script")
			.doesNotContain(token.out().strip());

		assertThat(tally("", "tokens", "revoke", "1").out()).contains("token 1 revoked");
		assertThat(tally("", "users", "disable", "newsdesk").status()).isZero();
		Result listed = tally("", "users", "list");
		assertThat(listed.out()).containsPattern("newsdesk\\s+PRESS\\s+database\\s+no");
	}

	private Result tally(String stdin, String... args) {
		return new TallyCli(dataDir).run(stdin, args);
	}

}
