package org.tally.operate.web;

import static org.springframework.security.config.Customizer.withDefaults;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.tally.figures.PressFigures;
import org.tally.operate.accounts.Accounts;

/**
 * Who may do what on the web: OPERATOR everything, PRESS the verified figures only. The
 * API takes an API token or HTTP basic without a session, and refuses state-changing
 * requests a browser marks as cross-site; the pages take a form login with CSRF on every
 * form. Only /actuator/health is open; /actuator/prometheus also takes the scrape token.
 * docs/security.md has the whole matrix.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String OPERATOR = "OPERATOR";
	static final String PRESS = "PRESS";

	private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

	/** Whether the caller holds the OPERATOR role (null: nobody signed in). */
	static boolean isOperator(Authentication authentication) {
		return authentication != null
				&& authentication.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + OPERATOR));
	}

	/**
	 * Body limits run before Spring Security, whose CSRF check would otherwise parse a
	 * whole multipart body for an anonymous caller.
	 */
	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	FilterRegistrationBean<RequestBodyLimits> requestBodyLimits(
			@Value("${tally.web.max-body-bytes:1048576}") long bodyBytes,
			@Value("${tally.web.max-anonymous-multipart-bytes:65536}") long anonymousMultipartBytes,
			@Value("${tally.web.max-upload-bytes:52428800}") long uploadBytes) {
		FilterRegistrationBean<RequestBodyLimits> registration = new FilterRegistrationBean<>(
				new RequestBodyLimits(bodyBytes, anonymousMultipartBytes, uploadBytes + 65536));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

	/**
	 * The plain press view skips Spring MVC, but only after Spring Security's chain has
	 * authorized the request: the order says so.
	 */
	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	FilterRegistrationBean<PressViewFilter> pressViewFilter(PressFigures press, PressViewBody bodies,
			SecurityFilterProperties securityFilter) {
		FilterRegistrationBean<PressViewFilter> registration = new FilterRegistrationBean<>(
				new PressViewFilter(press, bodies));
		registration.addUrlPatterns(PressViewFilter.PATH);
		registration.setOrder(securityFilter.getOrder() + 1);
		return registration;
	}

	@Bean
	@Order(1)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	SecurityFilterChain apiSecurity(HttpSecurity http, Accounts accounts) throws Exception {
		if (accounts.list().isEmpty()) {
			log.warn("no web users: nobody can sign in; add one with `tally users add` (docs/security.md)");
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
			// filters with nothing to do on a stateless API, run on every request: no
			// logout URL under /api, no saved request to replay, and a caller without
			// credentials is sent to the entry point (401) as an anonymous one was
			.logout(logout -> logout.disable())
			.requestCache(cache -> cache.disable())
			.anonymous(anonymous -> anonymous.disable())
			.addFilterBefore(new CrossSiteApiGuard(), BasicAuthenticationFilter.class)
			.addFilterBefore(new ApiTokenFilter(accounts), BasicAuthenticationFilter.class)
			.build();
	}

	/**
	 * `/actuator/prometheus`: an OPERATOR (HTTP basic or API token) or a monitoring
	 * system with the scrape token; anyone else 401, a PRESS user 403.
	 */
	@Bean
	@Order(0)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	SecurityFilterChain metricsSecurity(HttpSecurity http, Accounts accounts,
			@Value("${tally.metrics.scrape-token:}") String scrapeToken) throws Exception {
		return http.securityMatcher("/actuator/prometheus")
			.authorizeHttpRequests(requests -> requests.anyRequest().hasAnyRole(OPERATOR, ScrapeTokenFilter.SCRAPER))
			.httpBasic(basic -> basic.realmName("tally"))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.addFilterBefore(new ScrapeTokenFilter(scrapeToken), BasicAuthenticationFilter.class)
			.addFilterBefore(new ApiTokenFilter(accounts), BasicAuthenticationFilter.class)
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
