package org.tally.database;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Properties;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The passwords of the embedded server's roles, generated at first start into
 * {@code <data-dir>/postgres-credentials.properties}, which only its owner may read
 * (0600).
 */
public final class EmbeddedCredentials {

	/** Bootstrap only: creates the roles and the database. */
	public static final String SUPERUSER = "postgres";

	/**
	 * Tally's own role: owns the schemas, runs Flyway, batch and Quartz; no superuser.
	 */
	public static final String OWNER = "tally";

	/** The role of the {@code sql} reconciliation checks: SELECT only. */
	public static final String CHECKER = "tally_check";

	static final String FILE_NAME = "postgres-credentials.properties";

	private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
			PosixFilePermission.OWNER_WRITE);

	private static final Logger log = LoggerFactory.getLogger(EmbeddedCredentials.class);

	private final Path file;

	private final Properties passwords;

	private EmbeddedCredentials(Path file, Properties passwords) {
		this.file = file;
		this.passwords = passwords;
	}

	/** The credentials of an existing data directory, for tools that probe its server. */
	public static EmbeddedCredentials of(Path dataDir) {
		Path file = dataDir.resolve(FILE_NAME);
		if (!Files.isRegularFile(file)) {
			throw new EmbeddedDatabaseException("no credentials file " + file
					+ ": the embedded PostgreSQL has not been started on " + dataDir + " yet", null);
		}
		return read(file);
	}

	/**
	 * Reads the file, or writes a new one with fresh passwords when there is none. Two
	 * processes starting at once agree: the file appears whole (a hard link to a finished
	 * temporary file) and the loser reads the winner's.
	 */
	static EmbeddedCredentials readOrCreate(Path dataDir) {
		Path file = dataDir.resolve(FILE_NAME);
		if (Files.isRegularFile(file)) {
			return read(file);
		}
		try {
			Files.createDirectories(dataDir);
			Properties passwords = new Properties();
			SecureRandom random = new SecureRandom();
			for (String role : new String[] { SUPERUSER, OWNER, CHECKER }) {
				byte[] bytes = new byte[24];
				random.nextBytes(bytes);
				passwords.setProperty(role, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
			}
			Path temporary = Files.createTempFile(dataDir, ".credentials", ".tmp",
					PosixFilePermissions.asFileAttribute(OWNER_ONLY));
			try {
				try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
					passwords.store(out, "Passwords of the embedded PostgreSQL's roles (docs/operations.md, "
							+ "\"Database roles\"). Keep this file: the server accepts nothing else.");
				}
				Files.createLink(file, temporary);
				log.info("Generated the passwords of the embedded PostgreSQL's roles into {}", file);
				return new EmbeddedCredentials(file, passwords);
			}
			catch (FileAlreadyExistsException raced) {
				return read(file);
			}
			finally {
				Files.deleteIfExists(temporary);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write the credentials file " + file, ex);
		}
	}

	private static EmbeddedCredentials read(Path file) {
		try {
			if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
				log.warn("{} could be read by others than its owner: made it 0600", file);
				Files.setPosixFilePermissions(file, OWNER_ONLY);
			}
			Properties passwords = new Properties();
			try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				passwords.load(in);
			}
			for (String role : new String[] { SUPERUSER, OWNER, CHECKER }) {
				if (passwords.getProperty(role, "").isBlank()) {
					throw new EmbeddedDatabaseException(file + " holds no password for role '" + role + "'", null);
				}
			}
			return new EmbeddedCredentials(file, passwords);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the credentials file " + file, ex);
		}
	}

	public String password(String role) {
		String password = passwords.getProperty(role);
		if (password == null) {
			throw new IllegalArgumentException("no password for role '" + role + "' in " + file);
		}
		return password;
	}

	Path file() {
		return file;
	}

}
