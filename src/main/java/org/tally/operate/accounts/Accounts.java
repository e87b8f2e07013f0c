package org.tally.operate.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.tally.operate.Actor;
import org.tally.operate.internal.AuditLog;

/**
 * Web accounts kept in the database (beside the configured ones), API tokens for
 * automation, and the lockout of repeated wrong passwords; every change is audited.
 */
@Service
public class Accounts {

	/** Tokens start so, which makes a leaked one easy to recognise in a log or a repo. */
	static final String TOKEN_PREFIX = "tally_";

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

	private static final int MIN_PASSWORD_LENGTH = 10;

	private static final List<String> ROLES = List.of("OPERATOR", "PRESS");

	private final JdbcClient jdbc;

	private final PasswordEncoder encoder;

	private final AccountUsers users;

	private final AccountsProperties lockout;

	private final AuditLog audit;

	private final SecureRandom random = new SecureRandom();

	private final TokenPrincipals tokenUsers;

	Accounts(JdbcClient jdbc, PasswordEncoder encoder, AccountUsers users, AccountsProperties lockout, AuditLog audit,
			@Value("${tally.security.token-cache:5s}") Duration tokenCache) {
		this.jdbc = jdbc;
		this.encoder = encoder;
		this.users = users;
		this.lockout = lockout;
		this.audit = audit;
		this.tokenUsers = new TokenPrincipals(tokenCache, System::nanoTime);
	}

	/** Every account, configured ones first, each with its lock if it has one. */
	public List<Account> list() {
		List<Account> accounts = new ArrayList<>();
		users.configuredNames()
			.forEach(name -> accounts.add(new Account(name, users.configuredRole(name), Account.CONFIGURATION, true,
					lockedUntil(name).orElse(null))));
		accounts.addAll(jdbc.sql("""
				SELECT u.name, u.role, u.enabled, f.locked_until
				FROM ops.web_user u LEFT JOIN ops.sign_in_failure f ON f.user_name = u.name AND f.locked_until > now()
				ORDER BY u.name""")
			.query((rs, n) -> new Account(rs.getString(1), rs.getString(2), Account.DATABASE, rs.getBoolean(3),
					instant(rs.getTimestamp(4))))
			.list());
		return accounts;
	}

	public void add(String name, String role, char[] password, Actor actor) {
		requireName(name);
		if (!ROLES.contains(role)) {
			throw refused(actor, "add user", name, "role must be OPERATOR or PRESS, not '" + role + "'");
		}
		if (users.isConfigured(name) || existsInDatabase(name)) {
			throw refused(actor, "add user", name, "exists already");
		}
		String hash = hash(name, password, actor, "add user");
		jdbc.sql("INSERT INTO ops.web_user (name, password_hash, role) VALUES (?, ?, ?)")
			.params(name, hash, role)
			.update();
		audit.record(actor, "add user", name, "ok", "role " + role);
	}

	public void disable(String name, Actor actor) {
		requireDatabaseAccount(name, actor, "disable user");
		jdbc.sql("UPDATE ops.web_user SET enabled = false, updated_at = now() WHERE name = ?").param(name).update();
		tokenUsers.forgetAll();
		audit.record(actor, "disable user", name, "ok", null);
	}

	public void changePassword(String name, char[] password, Actor actor) {
		requireDatabaseAccount(name, actor, "change password");
		String hash = hash(name, password, actor, "change password");
		jdbc.sql("UPDATE ops.web_user SET password_hash = ?, updated_at = now() WHERE name = ?")
			.params(hash, name)
			.update();
		jdbc.sql("DELETE FROM ops.sign_in_failure WHERE user_name = ?").param(name).update();
		tokenUsers.forgetAll();
		audit.record(actor, "change password", name, "ok", null);
	}

	/**
	 * A new token for the user: the secret is returned once and only its SHA-256 digest
	 * is kept.
	 */
	public String createToken(String user, String label, Actor actor) {
		if (!users.isConfigured(user) && !existsInDatabase(user)) {
			throw refused(actor, "create token", user, "no such user");
		}
		byte[] secret = new byte[32];
		random.nextBytes(secret);
		String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		long id = jdbc.sql("INSERT INTO ops.api_token (user_name, digest, label) VALUES (?, ?, ?) RETURNING id")
			.params(user, digest(token), label)
			.query(Long.class)
			.single();
		audit.record(actor, "create token", user, "ok", "token " + id + (label == null ? "" : " " + label));
		return token;
	}

	public List<ApiToken> tokens() {
		return jdbc.sql("SELECT id, user_name, label, created_at, revoked_at FROM ops.api_token ORDER BY id")
			.query((rs, n) -> new ApiToken(rs.getLong(1), rs.getString(2), rs.getString(3), instant(rs.getTimestamp(4)),
					instant(rs.getTimestamp(5))))
			.list();
	}

	public void revokeToken(long id, Actor actor) {
		int revoked = jdbc.sql("UPDATE ops.api_token SET revoked_at = now() WHERE id = ? AND revoked_at IS NULL")
			.param(id)
			.update();
		if (revoked == 0) {
			throw refused(actor, "revoke token", String.valueOf(id), "no active token with that id");
		}
		tokenUsers.forgetAll();
		audit.record(actor, "revoke token", String.valueOf(id), "ok", null);
	}

	/**
	 * The user an active token belongs to, if the token is known and its user may still
	 * sign in; one indexed look-up by digest, no password hashing. A token accepted
	 * within the last {@code tally.security.token-cache} is accepted again without asking
	 * the database, unless this process changed tokens, users or locks since.
	 */
	public Optional<UserDetails> userForToken(String token) {
		if (token == null || !token.startsWith(TOKEN_PREFIX)) {
			return Optional.empty();
		}
		byte[] digest = digest(token);
		String key = HexFormat.of().formatHex(digest);
		Optional<UserDetails> known = tokenUsers.get(key);
		if (known.isPresent()) {
			return known;
		}
		long epoch = tokenUsers.epoch();
		Optional<String> user = jdbc.sql("SELECT user_name FROM ops.api_token WHERE digest = ? AND revoked_at IS NULL")
			.param(digest)
			.query(String.class)
			.optional();
		Optional<UserDetails> accepted;
		try {
			accepted = user.map(users::loadUserByUsername)
				.filter(details -> details.isEnabled() && details.isAccountNonLocked());
		}
		catch (UsernameNotFoundException ex) {
			return Optional.empty();
		}
		accepted.ifPresent(details -> tokenUsers.put(key, details, epoch));
		return accepted;
	}

	/**
	 * A wrong password: audited; the account is locked once it has had too many in a row.
	 */
	public void signInFailed(String name, Actor actor) {
		boolean known = users.isConfigured(name) || existsInDatabase(name);
		String detail = "wrong password";
		if (known) {
			int failures = jdbc.sql("""
					INSERT INTO ops.sign_in_failure (user_name, failures) VALUES (?, 1)
					ON CONFLICT (user_name) DO UPDATE SET failures = ops.sign_in_failure.failures + 1
					RETURNING failures""").param(name).query(Integer.class).single();
			if (failures >= lockout.maxFailures()) {
				jdbc.sql("""
						UPDATE ops.sign_in_failure SET failures = 0, locked_until = now() + ?::interval
						WHERE user_name = ?""").params(lockout.duration().toSeconds() + " seconds", name).update();
				tokenUsers.forgetAll();
				detail = "wrong password; locked for " + lockout.duration().toMinutes() + " min after " + failures
						+ " failures";
			}
		}
		audit.record(actor, "sign in", name, "failed", known ? detail : "unknown user");
	}

	/** A sign-in refused because the account is locked or disabled: audited too. */
	public void signInRefused(String name, String reason, Actor actor) {
		audit.record(actor, "sign in", name, "refused", reason);
	}

	/**
	 * A right password ends the run of failures (a lock already set stays until it ends).
	 */
	public void signedIn(String name) {
		jdbc.sql("UPDATE ops.sign_in_failure SET failures = 0 WHERE user_name = ? AND failures > 0")
			.param(name)
			.update();
	}

	Optional<Instant> lockedUntil(String name) {
		return jdbc.sql("SELECT locked_until FROM ops.sign_in_failure WHERE user_name = ? AND locked_until > now()")
			.param(name)
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant);
	}

	private void requireName(String name) {
		if (name == null || !NAME.matcher(name).matches()) {
			throw new AccountException(String.valueOf(name),
					"a name is 1 to 64 letters, digits or . _ @ - (no spaces)");
		}
	}

	private void requireDatabaseAccount(String name, Actor actor, String action) {
		if (users.isConfigured(name)) {
			throw refused(actor, action, name, "configured in tally.security.users: change it there");
		}
		if (!existsInDatabase(name)) {
			throw refused(actor, action, name, "no such user");
		}
	}

	private boolean existsInDatabase(String name) {
		return jdbc.sql("SELECT count(*) FROM ops.web_user WHERE name = ?").param(name).query(Long.class).single() > 0;
	}

	private String hash(String name, char[] password, Actor actor, String action) {
		if (password == null || password.length < MIN_PASSWORD_LENGTH) {
			throw refused(actor, action, name, "a password needs at least " + MIN_PASSWORD_LENGTH + " characters");
		}
		return encoder.encode(new String(password));
	}

	private AccountException refused(Actor actor, String action, String name, String reason) {
		audit.record(actor, action, name, "refused", reason);
		return new AccountException(name, reason);
	}

	static byte[] digest(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
