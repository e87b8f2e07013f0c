package org.tally.operate.web;

import static org.springframework.security.config.Customizer.withDefaults;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may do what on the web: OPERATOR everything, PRESS the verified figures only. The
 * API takes HTTP basic without a session (so no cookie can be ridden: no CSRF token
 * needed there); the pages take a form login with CSRF on every form. Only
 * /actuator/health is open.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityUsers.class)
class SecurityConfiguration {

	static final String OPERATOR = "OPERATOR";
	static final String PRESS = "PRESS";

	private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

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
	UserDetailsService userDetailsService(SecurityUsers configured, Environment environment, PasswordEncoder encoder) {
		List<UserDetails> users = new ArrayList<>();
		for (SecurityUsers.User user : configured.users()) {
			if (user.name() == null || user.password() == null || user.roles() == null || user.roles().isEmpty()) {
				throw new IllegalStateException("tally.security.users: user '" + user.name()
						+ "' needs a name, a bcrypt password hash and roles (OPERATOR and/or PRESS)");
			}
			users.add(User.withUsername(user.name())
				.password(user.password())
				.roles(user.roles().toArray(String[]::new))
				.build());
		}
		if (users.isEmpty() && environment.acceptsProfiles(Profiles.of("demo"))) {
			log.warn(
					"demo profile: web users operator/operator (OPERATOR) and press/press (PRESS); never use it in production");
			users.add(User.withUsername("operator").password(encoder.encode("operator")).roles(OPERATOR).build());
			users.add(User.withUsername("press").password(encoder.encode("press")).roles(PRESS).build());
		}
		return new InMemoryUserDetailsManager(users);
	}

	@Bean
	@Order(1)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	SecurityFilterChain apiSecurity(HttpSecurity http, SecurityUsers configured, Environment environment)
			throws Exception {
		if (configured.users().isEmpty() && !environment.acceptsProfiles(Profiles.of("demo"))) {
			log.warn("no web users configured (tally.security.users): nobody can sign in; see docs/operations.md");
		}
		return http.securityMatcher("/api/**", "/v3/api-docs", "/v3/api-docs/**")
			.authorizeHttpRequests(
					requests -> requests.requestMatchers(HttpMethod.GET, "/api/figures", "/api/figures/**")
						.hasAnyRole(PRESS, OPERATOR)
						// the claim check and the API's description are for the press too
						.requestMatchers(HttpMethod.POST, "/api/claims/check")
						.hasAnyRole(PRESS, OPERATOR)
						.requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**")
						.hasAnyRole(PRESS, OPERATOR)
						.anyRequest()
						.hasRole(OPERATOR))
			.httpBasic(basic -> basic.realmName("tally"))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.build();
	}

	@Bean
	@Order(2)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	SecurityFilterChain pageSecurity(HttpSecurity http) throws Exception {
		return http
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/actuator/health", "/actuator/health/**", "/login", "/error", "/css/**")
				.permitAll()
				.requestMatchers("/press", "/press/**")
				.hasAnyRole(PRESS, OPERATOR)
				.requestMatchers("/")
				.authenticated()
				.anyRequest()
				.hasRole(OPERATOR))
			.formLogin(form -> form.loginPage("/login").permitAll())
			.logout(withDefaults())
			.build();
	}

}
