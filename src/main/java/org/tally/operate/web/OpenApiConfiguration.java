package org.tally.operate.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API's description at /v3/api-docs (springdoc reads the controllers); HTTP basic, as
 * the API takes.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class OpenApiConfiguration {

	@Bean
	OpenAPI tallyOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Tally API")
				.description("Verified press figures, claim checking, press exports and the operator's runs and "
						+ "schedules. PRESS may read figures, check claims and download exports; OPERATOR may do "
						+ "everything. All of it takes HTTP basic.")
				.version("0.1"))
			.components(new Components().addSecuritySchemes("basic",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
			.addSecurityItem(new SecurityRequirement().addList("basic"));
	}

}
