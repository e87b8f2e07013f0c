package org.tally.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a backup archive holds (its manifest.json): the Tally and Flyway versions it was
 * taken under, and per table its columns, row count and the SHA-256 of its COPY file.
 */
public record BackupManifest(String format, String tallyVersion, String flywayVersion, String takenAt,
		String postgresVersion, List<Table> tables, List<Sequence> sequences) {

	/** The format of the archive this code writes and reads. */
	public static final String FORMAT = "tally-backup/1";

	static final String ENTRY = "manifest.json";

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(SerializationFeature.INDENT_OUTPUT)
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	/** One table: its COPY file in the archive (binary format), rows and checksum. */
	public record Table(String schema, String name, String file, List<Column> columns, long rows, String sha256) {

		public String qualifiedName() {
			return schema + "." + name;
		}

	}

	/** A column as PostgreSQL names its type (format_type). */
	public record Column(String name, String type) {
	}

	/** A sequence's position, so that ids go on where they stood. */
	public record Sequence(String schema, String name, long lastValue, boolean called) {
	}

	public long rows() {
		return tables.stream().mapToLong(Table::rows).sum();
	}

	byte[] toJson() {
		return JSON.writeValueAsBytes(this);
	}

	/** Reads the manifest of {@code archive}, naming the file when it is not a backup. */
	public static BackupManifest read(Path archive) {
		try (ZipFile zip = new ZipFile(archive.toFile())) {
			ZipEntry entry = zip.getEntry(ENTRY);
			if (entry == null) {
				throw new BackupException(archive + " is not a Tally backup: it holds no " + ENTRY, null);
			}
			try (InputStream in = zip.getInputStream(entry)) {
				BackupManifest manifest = JSON.readValue(in, BackupManifest.class);
				if (!FORMAT.equals(manifest.format())) {
					throw new BackupException(
							archive + " is a backup of format '" + manifest.format() + "'; this Tally reads " + FORMAT,
							null);
				}
				return manifest;
			}
		}
		catch (JacksonException ex) {
			throw new BackupException(archive + ": unreadable " + ENTRY + ": " + ex.getOriginalMessage(), ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the backup " + archive + ": " + ex.getMessage(), ex);
		}
	}

}
