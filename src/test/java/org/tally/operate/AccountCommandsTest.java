package org.tally.operate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tally.TallyApplication;

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
		String[] withDataDir = new String[args.length + 2];
		System.arraycopy(args, 0, withDataDir, 0, args.length);
		withDataDir[args.length] = "--data-dir";
		withDataDir[args.length + 1] = dataDir.toString();
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		InputStream standardInput = System.in;
		System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
		try {
			int status = TallyCommandLine.execute(TallyApplication.class, new PrintWriter(out, true),
					new PrintWriter(err, true), withDataDir);
			return new Result(status, out.toString(), err.toString());
		}
		finally {
			System.setIn(standardInput);
		}
	}

	record Result(int status, String out, String err) {
	}

}
