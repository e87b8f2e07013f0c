package org.tally.catalog.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.tally.catalog.Catalog;
import org.tally.catalog.CatalogException;
import org.tally.catalog.CheckDefinition;
import org.tally.catalog.ColumnDefinition;
import org.tally.catalog.ColumnType;
import org.tally.catalog.DatasetDefinition;
import org.tally.catalog.DerivedFigure;
import org.tally.catalog.FigureDefinition;
import org.tally.catalog.SourceDefinition;
import org.tally.catalog.SqlIdentifier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads config/ and checks every cross-reference, so a bad edit fails at start-up with
 * file and key.
 */
public final class CatalogLoader {

	private static final Set<String> RESERVED_COLUMNS = Set.of("load_id", "row_number");

	/** A plain address: one @, no spaces, a dot in the domain. */
	private static final Pattern MAIL_ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	/** A sender allowed to mail: an address, or a domain (with or without its @). */
	private static final Pattern SENDER = Pattern.compile("([^@\\s]+@|@)?[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

	private final ObjectMapper yaml = YAMLMapper.builder()
		.enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		// An omitted flag means false.
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private final Path directory;

	private CatalogLoader(Path directory) {
		this.directory = directory;
	}

	public static Catalog load(Path directory) {
		if (!Files.isDirectory(directory)) {
			throw new CatalogException("configuration directory " + directory.toAbsolutePath() + " does not exist");
		}
		return new CatalogLoader(directory).load();
	}

	private Catalog load() {
		Map<String, DatasetDefinition> datasets = new LinkedHashMap<>();
		for (Path file : yamlFiles(directory.resolve("datasets"))) {
			DatasetDefinition dataset = read(file, DatasetDefinition.class);
			validateDataset(file, dataset);
			if (datasets.put(dataset.name(), dataset) != null) {
				throw new CatalogException(file + ": dataset '" + dataset.name() + "' is declared twice");
			}
		}
		VocabulariesFile vocabularies = read(directory.resolve("vocabularies.yml"), VocabulariesFile.class);
		List<SourceDefinition> sources = new ArrayList<>();
		for (Path file : yamlFiles(directory.resolve("sources"))) {
			SourceDefinition source = read(file, SourceDefinition.class);
			validateSource(file, source, datasets);
			if (sources.stream().anyMatch(s -> s.id().equals(source.id()))) {
				throw new CatalogException(file + ": source id '" + source.id() + "' is used twice");
			}
			sources.add(source);
		}
		ChecksFile checks = read(directory.resolve("reconciliation.yml"), ChecksFile.class);
		FiguresFile figures = read(directory.resolve("figures.yml"), FiguresFile.class);
		Catalog catalog = new Catalog(directory, datasets, sources, vocabularies.vocabularies(), checks.checks(),
				figures.figures(), figures.derived());
		CrossReferences.check(catalog);
		return catalog;
	}

	private void validateDataset(Path file, DatasetDefinition dataset) {
		requireIdentifier(file, "name", dataset.name());
		if (dataset.name().length() > SqlIdentifier.MAX_DATASET_NAME) {
			throw new CatalogException(file + ": dataset name '" + dataset.name() + "' has " + dataset.name().length()
					+ " characters; at most " + SqlIdentifier.MAX_DATASET_NAME
					+ ", so that the tables and constraints named after it fit PostgreSQL's 63-byte identifiers");
		}
		Set<String> names = new HashSet<>();
		for (ColumnDefinition column : dataset.columns()) {
			requireIdentifier(file, "columns.name", column.name());
			if (RESERVED_COLUMNS.contains(column.name())) {
				throw new CatalogException(file + ": column name '" + column.name() + "' is reserved by Tally");
			}
			if (!names.add(column.name())) {
				throw new CatalogException(file + ": column '" + column.name() + "' is declared twice");
			}
			if (column.type() == null) {
				throw new CatalogException(file + ": column '" + column.name() + "' needs a type (one of "
						+ List.of(ColumnType.values()) + ")");
			}
			if (column.type() == ColumnType.ENUM && column.vocabulary() == null) {
				throw new CatalogException(file + ": enum column '" + column.name() + "' needs a vocabulary");
			}
		}
		for (String key : dataset.key()) {
			if (!names.contains(key)) {
				throw new CatalogException(file + ": key column '" + key + "' is not a column of the dataset");
			}
		}
	}

	private void validateSource(Path file, SourceDefinition source, Map<String, DatasetDefinition> datasets) {
		requireText(file, "id", source.id());
		requireText(file, "department", source.department());
		requireText(file, "inbox", source.inbox());
		DatasetDefinition dataset = datasets.get(source.dataset());
		if (dataset == null) {
			throw new CatalogException(file + ": dataset '" + source.dataset() + "' is not declared in "
					+ directory.resolve("datasets") + " (declared: " + datasets.keySet() + ")");
		}
		if (source.period() == null || source.period().from() == null) {
			throw new CatalogException(file + ": 'period.from' must be one of filename, title, fixed");
		}
		if (source.period().from() == SourceDefinition.PeriodFrom.FIXED && source.period().date() == null) {
			throw new CatalogException(file + ": a fixed period needs 'period.date'");
		}
		source.columns().forEach((name, column) -> {
			if (dataset.column(name).isEmpty()) {
				throw new CatalogException(file + ": column '" + name + "' is not in dataset '" + dataset.name() + "'");
			}
			if (column.aliases().isEmpty()) {
				throw new CatalogException(file + ": column '" + name + "' needs at least one header alias");
			}
		});
		for (String contact : source.answer().contacts()) {
			if (contact == null || !MAIL_ADDRESS.matcher(contact).matches()) {
				throw new CatalogException(
						file + ": 'answer.contacts' has '" + contact + "', which is not a mail address (name@domain)");
			}
		}
		for (ColumnDefinition column : dataset.columns()) {
			if (column.required() && !source.columns().containsKey(column.name())) {
				throw new CatalogException(file + ": required column '" + column.name() + "' of dataset '"
						+ dataset.name() + "' has no header aliases");
			}
		}
		if (source.mail() != null) {
			validateMail(file, source.mail());
		}
	}

	/**
	 * A mail block names its mailbox and at least one sender; a sender is an address
	 * (czj@changzhi.gov.cn) or a domain (changzhi.gov.cn, or @changzhi.gov.cn).
	 */
	private static void validateMail(Path file, SourceDefinition.Mail mail) {
		requireText(file, "mail.mailbox", mail.mailbox());
		if (mail.senders().isEmpty()) {
			throw new CatalogException(file + ": 'mail.senders' needs at least one address or domain: mail from"
					+ " anyone else is left in the mailbox");
		}
		for (String sender : mail.senders()) {
			if (sender == null || !SENDER.matcher(sender).matches()) {
				throw new CatalogException(file + ": 'mail.senders' entry '" + sender
						+ "' is neither an address (name@domain) nor a domain (domain, or @domain)");
			}
		}
	}

	static void requireIdentifier(Path file, String key, String value) {
		if (!SqlIdentifier.valid(value)) {
			throw new CatalogException(file + ": '" + key + "' = '" + value
					+ "' must be lower-case letters, digits and underscores, starting with a letter");
		}
	}

	static void requireText(Path file, String key, String value) {
		if (value == null || value.isBlank()) {
			throw new CatalogException(file + ": '" + key + "' is required");
		}
	}

	private <T> T read(Path file, Class<T> type) {
		if (!Files.isRegularFile(file)) {
			throw new CatalogException("configuration file " + file + " is missing");
		}
		try {
			return yaml.readValue(file.toFile(), type);
		}
		catch (JacksonException ex) {
			throw new CatalogException(file + ": " + ex.getOriginalMessage(), ex);
		}
	}

	private static List<Path> yamlFiles(Path dir) {
		if (!Files.isDirectory(dir)) {
			throw new CatalogException("configuration directory " + dir + " is missing");
		}
		try (Stream<Path> files = Files.list(dir)) {
			return files.filter(f -> f.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
		}
		catch (IOException ex) {
			throw new CatalogException("cannot list " + dir + ": " + ex.getMessage(), ex);
		}
	}

	record VocabulariesFile(Map<String, Map<String, List<String>>> vocabularies) {
	}

	record ChecksFile(List<CheckDefinition> checks) {
		ChecksFile {
			checks = checks == null ? List.of() : checks;
		}
	}

	record FiguresFile(List<FigureDefinition> figures, List<DerivedFigure> derived) {
		FiguresFile {
			figures = figures == null ? List.of() : figures;
			derived = derived == null ? List.of() : derived;
		}
	}

}
