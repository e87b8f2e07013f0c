package org.tally.operate.accounts;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The password encoder and the users the web signs in, configured and kept. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ SecurityUsers.class, AccountsProperties.class })
class AccountsConfiguration {

	private static final Logger log = LoggerFactory.getLogger(AccountsConfiguration.class);

	@Bean
	PasswordEncoder passwordEncoder() {
		DelegatingPasswordEncoder encoder = (DelegatingPasswordEncoder) PasswordEncoderFactories
			.createDelegatingPasswordEncoder();
		// Hashes configured without an {id} prefix are bcrypt.
		encoder.setDefaultPasswordEncoderForMatches(new BCryptPasswordEncoder());
		return encoder;
	}

	/**
	 * Configured users; in the `demo` profile only, operator/operator and press/press
	 * when none are.
	 */
	@Bean
	AccountUsers userDetailsService(SecurityUsers configured, Environment environment, PasswordEncoder encoder,
			JdbcClient jdbc) {
		List<UserDetails> users = new ArrayList<>();
		for (SecurityUsers.User user : configured.users()) {
			if (user.roles() == null || user.roles().isEmpty()) {
				throw new IllegalStateException(
						"tally.security.users: user '" + user.name() + "' needs roles (OPERATOR and/or PRESS)");
			}
			users.add(User.withUsername(user.name())
				.password(ConfiguredPasswords.requireHash(user.name(), user.password()))
				.roles(user.roles().toArray(String[]::new))
				.build());
		}
		if (users.isEmpty() && environment.acceptsProfiles(Profiles.of("demo"))) {
			log.warn("demo profile: web users operator/operator (OPERATOR) and press/press (PRESS), "
					+ "served on the loopback address only; never use it in production");
			users.add(User.withUsername("operator").password(encoder.encode("operator")).roles("OPERATOR").build());
			users.add(User.withUsername("press").password(encoder.encode("press")).roles("PRESS").build());
		}
		return new AccountUsers(users, jdbc);
	}

}
