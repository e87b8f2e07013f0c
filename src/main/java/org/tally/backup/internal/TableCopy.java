package org.tally.backup.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * PostgreSQL's binary COPY of one table, out to or in from a stream, with the SHA-256 of
 * the bytes that passed.
 */
public final class TableCopy {

	/** What one COPY moved: rows and the checksum of the COPY file. */
	public record Copied(long rows, String sha256) {
	}

	private TableCopy() {
	}

	public static Copied out(Connection c, String schema, String name, List<String> columns, OutputStream to)
			throws SQLException, IOException {
		CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
		MessageDigest digest = sha256();
		// The archive's stream stays open for the next entry.
		OutputStream unclosed = new java.io.FilterOutputStream(to) {
			@Override
			public void write(byte[] b, int off, int len) throws IOException {
				out.write(b, off, len);
			}

			@Override
			public void close() throws IOException {
				flush();
			}
		};
		DigestOutputStream hashing = new DigestOutputStream(unclosed, digest);
		long rows = copy.copyOut("COPY " + Sql.qualified(c, schema, name) + " (" + Sql.columns(c, columns)
				+ ") TO STDOUT (FORMAT binary)", hashing);
		hashing.flush();
		return new Copied(rows, HexFormat.of().formatHex(digest.digest()));
	}

	public static Copied in(Connection c, String schema, String name, List<String> columns, InputStream from)
			throws SQLException, IOException {
		CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
		MessageDigest digest = sha256();
		InputStream unclosed = new FilterInputStream(from) {
			@Override
			public void close() {
			}
		};
		try (DigestInputStream hashing = new DigestInputStream(unclosed, digest)) {
			long rows = copy.copyIn("COPY " + Sql.qualified(c, schema, name) + " (" + Sql.columns(c, columns)
					+ ") FROM STDIN (FORMAT binary)", hashing, 65_536);
			// Whatever follows the COPY trailer still belongs to the file's checksum.
			hashing.transferTo(OutputStream.nullOutputStream());
			return new Copied(rows, HexFormat.of().formatHex(digest.digest()));
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("no SHA-256 in this JVM", ex);
		}
	}

}
