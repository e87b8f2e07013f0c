package org.tally.schedule.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.quartz.CronExpression;
import org.tally.schedule.ScheduleDefinition;
import org.tally.schedule.ScheduleException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads and checks jobs/*.yml: every key, with the file and key named when one is wrong.
 */
public final class ScheduleFiles {

	private static final Set<String> KEYS = Set.of("cron", "timeZone", "job", "sources", "misfire");

	private static final Set<String> JOBS = Set.of("nightlyConsolidationJob", "backupJob");

	private ScheduleFiles() {
	}

	public static List<ScheduleDefinition> read(Path dir) {
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		List<Path> files;
		try (Stream<Path> list = Files.list(dir)) {
			files = list.filter(f -> f.getFileName().toString().endsWith(".yml")).sorted().toList();
		}
		catch (IOException ex) {
			throw new ScheduleException(null, "cannot list the schedules in " + dir + ": " + ex.getMessage(), ex);
		}
		List<ScheduleDefinition> definitions = new ArrayList<>();
		for (Path file : files) {
			definitions.add(read(file, name(file)));
		}
		return definitions;
	}

	static String name(Path file) {
		String fileName = file.getFileName().toString();
		return fileName.substring(0, fileName.length() - ".yml".length());
	}

	@SuppressWarnings("unchecked")
	static ScheduleDefinition read(Path file, String name) {
		ObjectMapper yaml = YAMLMapper.builder().build();
		Map<String, Object> document;
		try {
			document = yaml.readValue(file.toFile(), Map.class);
		}
		catch (JacksonException ex) {
			throw new ScheduleException(name, file + ": not valid YAML: " + ex.getOriginalMessage(), ex);
		}
		if (document == null) {
			throw new ScheduleException(name, file + ": empty schedule file", null);
		}
		for (String key : document.keySet()) {
			if (!KEYS.contains(key)) {
				throw new ScheduleException(name, file + ": unknown key '" + key + "' (known: " + KEYS + ")", null);
			}
		}
		String cron = text(document, "cron", file, name);
		if (!CronExpression.isValidExpression(cron)) {
			throw new ScheduleException(name, file + ": cron '" + cron + "' is not a Quartz cron expression", null);
		}
		ZoneId zone;
		try {
			zone = ZoneId.of(text(document, "timeZone", file, name));
		}
		catch (DateTimeException ex) {
			throw new ScheduleException(name, file + ": timeZone '" + document.get("timeZone") + "' is not a time zone",
					ex);
		}
		String job = text(document, "job", file, name);
		if (!JOBS.contains(job)) {
			throw new ScheduleException(name, file + ": job '" + job + "' is not one of " + JOBS, null);
		}
		Object sources = document.getOrDefault("sources", "all");
		List<String> only;
		if ("all".equals(sources)) {
			only = List.of();
		}
		else if (sources instanceof List<?> list && !list.isEmpty()) {
			only = list.stream().map(String::valueOf).toList();
		}
		else {
			throw new ScheduleException(name,
					file + ": sources must be `all` or a list of source ids or departments, not '" + sources + "'",
					null);
		}
		String misfire = String.valueOf(document.getOrDefault("misfire", "fire-once-now"));
		ScheduleDefinition.Misfire policy;
		try {
			policy = ScheduleDefinition.Misfire.valueOf(misfire.toUpperCase(Locale.ROOT).replace('-', '_'));
		}
		catch (IllegalArgumentException ex) {
			throw new ScheduleException(name, file + ": misfire '" + misfire + "' is not fire-once-now or skip", ex);
		}
		return new ScheduleDefinition(name, cron, zone, job, only, policy);
	}

	private static String text(Map<String, Object> document, String key, Path file, String name) {
		Object value = document.get(key);
		if (value == null || value.toString().isBlank()) {
			throw new ScheduleException(name, file + ": missing key '" + key + "'", null);
		}
		return value.toString();
	}

}
