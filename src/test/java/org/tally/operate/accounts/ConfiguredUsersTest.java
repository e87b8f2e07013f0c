package org.tally.operate.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.tally.support.TallyTest;

/**
 * Given configured bcrypt users, they sign in with their roles; without any, only the
 * demo profile has users; a clear-text password stops the start-up.
 */
@TallyTest
class ConfiguredUsersTest {

	private final AccountsConfiguration configuration = new AccountsConfiguration();

	@Autowired
	JdbcClient jdbc;

	private final PasswordEncoder encoder = configuration.passwordEncoder();

	@Test
	void givenConfiguredBcryptHashesWithOrWithoutPrefix_theUsersSignInWithTheirRoles() {
		String hash = new BCryptPasswordEncoder().encode("s3cret");
		SecurityUsers users = new SecurityUsers(
				List.of(new SecurityUsers.User("alice", "{bcrypt}" + hash, List.of("OPERATOR")),
						new SecurityUsers.User("newsroom", hash, List.of("PRESS"))));

		UserDetailsService service = configuration.userDetailsService(users, new MockEnvironment(), encoder, jdbc);

		UserDetails alice = service.loadUserByUsername("alice");
		assertThat(encoder.matches("s3cret", alice.getPassword())).isTrue();
		assertThat(alice.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_OPERATOR");
		UserDetails newsroom = service.loadUserByUsername("newsroom");
		assertThat(encoder.matches("s3cret", newsroom.getPassword())).isTrue();
		assertThat(encoder.matches("wrong", newsroom.getPassword())).isFalse();
		assertThatThrownBy(() -> service.loadUserByUsername("operator")).isInstanceOf(UsernameNotFoundException.class);
	}

	@Test
	void givenNoUsers_thereIsNoDefaultPasswordOutsideTheDemoProfile() {
		UserDetailsService production = configuration.userDetailsService(new SecurityUsers(null), new MockEnvironment(),
				encoder, jdbc);
		assertThatThrownBy(() -> production.loadUserByUsername("operator"))
			.isInstanceOf(UsernameNotFoundException.class);

		MockEnvironment demo = new MockEnvironment();
		demo.setActiveProfiles("demo");
		UserDetailsService demoUsers = configuration.userDetailsService(new SecurityUsers(null), demo, encoder, jdbc);
		assertThat(encoder.matches("operator", demoUsers.loadUserByUsername("operator").getPassword())).isTrue();
		assertThat(demoUsers.loadUserByUsername("press").getAuthorities()).extracting(Object::toString)
			.containsExactly("ROLE_PRESS");
	}

	@Test
	void givenAClearTextOrNoopPassword_theStartUpStopsNamingTheUser() {
		for (String password : List.of("{noop}s3cret", "s3cret")) {
			SecurityUsers users = new SecurityUsers(List.of(new SecurityUsers.User("bob", password, List.of("PRESS"))));
			assertThatThrownBy(() -> configuration.userDetailsService(users, new MockEnvironment(), encoder, jdbc))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("'bob'")
				.hasMessageContaining("hash");
		}
	}

}
