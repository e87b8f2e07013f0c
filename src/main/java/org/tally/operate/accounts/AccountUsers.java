package org.tally.operate.accounts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Who may sign in: the configured users (tally.security.users, or the demo ones), then
 * those kept in the database; each locked while it has a lock.
 */
class AccountUsers implements UserDetailsService {

	private final Map<String, UserDetails> configured = new LinkedHashMap<>();

	private final JdbcClient jdbc;

	AccountUsers(List<UserDetails> configured, JdbcClient jdbc) {
		configured.forEach(user -> this.configured.put(user.getUsername(), user));
		this.jdbc = jdbc;
	}

	@Override
	public UserDetails loadUserByUsername(String name) {
		boolean locked = jdbc.sql("SELECT count(*) FROM ops.sign_in_failure WHERE user_name = ? AND locked_until > ?")
			.params(name, Timestamp.from(Instant.now()))
			.query(Long.class)
			.single() > 0;
		UserDetails user = configured.get(name);
		if (user != null) {
			return User.withUserDetails(user).accountLocked(locked).build();
		}
		return jdbc.sql("SELECT password_hash, role, enabled FROM ops.web_user WHERE name = ?")
			.param(name)
			.query((rs, n) -> User.withUsername(name)
				.password(rs.getString(1))
				.roles(rs.getString(2))
				.disabled(!rs.getBoolean(3))
				.accountLocked(locked)
				.build())
			.optional()
			.orElseThrow(() -> new UsernameNotFoundException("no user " + name));
	}

	boolean isConfigured(String name) {
		return configured.containsKey(name);
	}

	Set<String> configuredNames() {
		return configured.keySet();
	}

	/** OPERATOR if the configured user has it, else its first role. */
	String configuredRole(String name) {
		List<String> roles = configured.get(name)
			.getAuthorities()
			.stream()
			.map(authority -> authority.getAuthority().replaceFirst("^ROLE_", ""))
			.toList();
		return roles.contains("OPERATOR") ? "OPERATOR" : String.join(",", roles);
	}

}
