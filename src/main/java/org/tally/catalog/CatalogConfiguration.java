package org.tally.catalog;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tally.catalog.internal.CatalogLoader;

/**
 * Loads the catalog once per application context from {@code tally.config-dir}; public so
 * that a context without the database (`tally inspect`) can import it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CatalogConfiguration.CatalogProperties.class)
public class CatalogConfiguration {

	@Bean
	Catalog catalog(CatalogProperties properties) {
		return CatalogLoader.load(properties.configDir());
	}

	/** Where the configuration lives (sources, datasets, checks, figures). */
	@ConfigurationProperties("tally")
	record CatalogProperties(@DefaultValue("./config") Path configDir) {
	}

}
