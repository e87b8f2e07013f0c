package org.tally.reporting.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.MonthDay;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.tally.catalog.Catalog;
import org.tally.catalog.CatalogException;
import org.tally.catalog.DatasetDefinition;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads config/reporting.yml (optional: without it the dimensions list no declared period
 * and no county) and checks it against the catalog, so that a bad edit fails at start-up
 * with file and key.
 */
public final class ReportingSettingsLoader {

	static final String FILE_NAME = "reporting.yml";

	private static final Pattern DIVISION_CODE = Pattern.compile("[1-9][0-9]{5}");

	private static final ObjectMapper YAML = YAMLMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private ReportingSettingsLoader() {
	}

	public static ReportingSettings load(Catalog catalog) {
		for (DatasetDefinition dataset : catalog.datasets().values()) {
			if (DatasetViews.FIXED_VIEWS.contains(dataset.name())) {
				throw new CatalogException("dataset '" + dataset.name() + "' would hide the view reporting."
						+ dataset.name() + " (docs/reporting.md): name the dataset otherwise");
			}
			if (!DatasetViews.clashes(dataset).isEmpty()) {
				throw new CatalogException("dataset '" + dataset.name() + "' declares columns "
						+ DatasetViews.clashes(dataset) + " that its reporting view uses for provenance: rename them");
			}
		}
		Path file = catalog.directory().resolve(FILE_NAME);
		if (!Files.isRegularFile(file)) {
			return new ReportingSettings(null, null, null);
		}
		ReportingSettings settings;
		try {
			settings = YAML.readValue(file.toFile(), ReportingSettings.class);
		}
		catch (JacksonException ex) {
			throw new CatalogException(file + ": " + ex.getOriginalMessage(), ex);
		}
		if (settings == null) {
			return new ReportingSettings(null, null, null);
		}
		checkPeriods(file, settings.periods());
		checkCounties(file, settings.counties(), catalog);
		SummaryTables.check(file, settings.summaries(), catalog);
		return settings;
	}

	private static void checkPeriods(Path file, ReportingSettings.Periods periods) {
		if (periods.ends().isEmpty()) {
			return;
		}
		if (periods.from() < 1900 || periods.to() < periods.from() || periods.to() > 2200) {
			throw new CatalogException(file + ": 'periods.from' and 'periods.to' must be years, from <= to (found "
					+ periods.from() + ".." + periods.to() + ")");
		}
		for (ReportingSettings.End end : periods.ends()) {
			try {
				MonthDay.parse("--" + end.monthDay());
			}
			catch (DateTimeException | NullPointerException ex) {
				throw new CatalogException(
						file + ": 'periods.ends.monthDay' = '" + end.monthDay() + "' is not a month-day such as 06-30",
						ex);
			}
			if (end.quarter() < 1 || end.quarter() > 4 || blank(end.half()) || blank(end.label())) {
				throw new CatalogException(
						file + ": period end " + end.monthDay() + " needs a half (上半年/全年), a quarter 1-4 and a label");
			}
		}
	}

	private static void checkCounties(Path file, ReportingSettings.Counties counties, Catalog catalog) {
		if (counties.codes().isEmpty()) {
			return;
		}
		if (counties.city() == null || blank(counties.city().name()) || !code(counties.city().code())) {
			throw new CatalogException(file + ": 'counties.city' needs a name and a six-digit code");
		}
		Map<String, String> seen = new LinkedHashMap<>();
		counties.codes().forEach((name, code) -> {
			if (!code(code)) {
				throw new CatalogException(
						file + ": county '" + name + "' has code '" + code + "', not a six-digit GB/T 2260 code");
			}
			String other = seen.put(code, name);
			if (other != null) {
				throw new CatalogException(file + ": code " + code + " is given to both " + other + " and " + name);
			}
		});
		Map<String, List<String>> vocabulary = catalog.vocabularies().get(counties.vocabulary());
		if (vocabulary == null) {
			throw new CatalogException(file + ": 'counties.vocabulary' = '" + counties.vocabulary()
					+ "' is not a vocabulary of vocabularies.yml (declared: " + catalog.vocabularies().keySet() + ")");
		}
		Set<String> named = counties.codes().keySet();
		for (String name : named) {
			if (!vocabulary.containsKey(name)) {
				throw new CatalogException(file + ": county '" + name + "' is not a canonical value of vocabulary '"
						+ counties.vocabulary() + "' " + vocabulary.keySet());
			}
		}
		for (String name : vocabulary.keySet()) {
			if (!named.contains(name)) {
				throw new CatalogException(file + ": county '" + name + "' of vocabulary '" + counties.vocabulary()
						+ "' has no code under 'counties.codes'");
			}
		}
	}

	private static boolean code(String code) {
		return code != null && DIVISION_CODE.matcher(code).matches();
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

}
