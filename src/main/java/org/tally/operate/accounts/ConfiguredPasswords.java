package org.tally.operate.accounts;

import java.util.regex.Pattern;

/**
 * A configured password must be a hash: `{noop}` (clear text in the YAML) and anything
 * that is not a bcrypt or an `{id}`-prefixed hash stop the start-up, naming the user.
 */
final class ConfiguredPasswords {

	private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}");

	private static final Pattern PREFIXED = Pattern.compile("\\{(bcrypt|argon2|argon2@SpringSecurity_v5_8|"
			+ "pbkdf2|pbkdf2@SpringSecurity_v5_8|scrypt|scrypt@SpringSecurity_v5_8)\\}.+");

	private ConfiguredPasswords() {
	}

	static String requireHash(String user, String password) {
		if (user == null || user.isBlank() || password == null) {
			throw new IllegalStateException("tally.security.users: user '" + user
					+ "' needs a name, a bcrypt password hash and roles (OPERATOR and/or PRESS)");
		}
		if (password.startsWith("{noop}")) {
			throw new IllegalStateException("tally.security.users: user '" + user
					+ "' has a {noop} (clear-text) password; give a bcrypt hash instead (docs/security.md)");
		}
		if (!BCRYPT.matcher(password).matches() && !PREFIXED.matcher(password).matches()) {
			throw new IllegalStateException("tally.security.users: user '" + user
					+ "' has a password that is not a hash; give a bcrypt hash ({bcrypt}$2a$…) (docs/security.md)");
		}
		return password;
	}

}
