package org.tally.reporting.internal;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tally.catalog.Catalog;
import org.tally.catalog.SourceDefinition;

/**
 * Writes the rows of the reporting dimensions (period, county, department) from config
 * into the registry tables their views read, as bound values; rewritten whole each time,
 * so that an edit of config shows in the next run.
 */
public final class Dimensions {

	private Dimensions() {
	}

	public static void write(JdbcClient jdbc, Catalog catalog, ReportingSettings settings) {
		jdbc.sql("DELETE FROM registry.reporting_period").update();
		ReportingSettings.Periods periods = settings.periods();
		for (int year = periods.from(); year <= periods.to(); year++) {
			for (ReportingSettings.End end : periods.ends()) {
				LocalDate date = MonthDay.parse("--" + end.monthDay()).atYear(year);
				jdbc.sql(
						"INSERT INTO registry.reporting_period (period, year, half, quarter, label) VALUES (?, ?, ?, ?, ?)"
								+ " ON CONFLICT (period) DO NOTHING")
					.params(date, year, end.half(), end.quarter(),
							end.label().replace("{year}", Integer.toString(year)))
					.update();
			}
		}
		jdbc.sql("DELETE FROM registry.reporting_county").update();
		ReportingSettings.Counties counties = settings.counties();
		int order = 0;
		for (Map.Entry<String, String> county : counties.codes().entrySet()) {
			jdbc.sql("""
					INSERT INTO registry.reporting_county (code, name, city_code, city, sort_order)
					VALUES (?, ?, ?, ?, ?)""")
				.params(county.getValue(), county.getKey(), counties.city().code(), counties.city().name(), ++order)
				.update();
		}
		jdbc.sql("DELETE FROM registry.reporting_department").update();
		order = 0;
		for (Department department : departments(catalog)) {
			jdbc.sql("""
					INSERT INTO registry.reporting_department (code, name, datasets, sources, sort_order)
					VALUES (?, ?, ?, ?, ?)""")
				.params(department.code, department.name, String.join(",", department.datasets),
						String.join(",", department.sources), ++order)
				.update();
		}
	}

	private static List<Department> departments(Catalog catalog) {
		Map<String, Department> departments = new LinkedHashMap<>();
		for (SourceDefinition source : catalog.sources()) {
			Department department = departments.computeIfAbsent(source.department(),
					code -> new Department(code, source.departmentName() == null || source.departmentName().isBlank()
							? code : source.departmentName()));
			department.datasets.add(source.dataset());
			department.sources.add(source.id());
		}
		return new ArrayList<>(departments.values());
	}

	private static final class Department {

		final String code;

		final String name;

		final Set<String> datasets = new LinkedHashSet<>();

		final Set<String> sources = new LinkedHashSet<>();

		Department(String code, String name) {
			this.code = code;
			this.name = name;
		}

	}

}
