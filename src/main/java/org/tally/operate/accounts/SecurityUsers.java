package org.tally.operate.accounts;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The web's users, from configuration (tally.security.users) or the environment
 * (TALLY_SECURITY_USERS_0_NAME, …_PASSWORD as a bcrypt hash, …_ROLES_0 = OPERATOR or
 * PRESS).
 */
@ConfigurationProperties("tally.security")
record SecurityUsers(List<User> users) {

	SecurityUsers {
		users = users == null ? List.of() : List.copyOf(users);
	}

	/**
	 * One user: its name, its password's bcrypt hash ({bcrypt}$2a$… or $2a$…), its roles.
	 */
	record User(String name, String password, List<String> roles) {
	}
}
