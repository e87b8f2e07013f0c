package org.tally.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tally.TallyApplication;
import org.tally.operate.TallyCommandLine;

/**
 * Given a data directory that holds anything, or an archive newer than this Tally, `tally
 * restore` refuses (exit 3) before it starts a server, and changes nothing.
 */
class RestoreRefusalsTest {

	@Test
	void givenANonEmptyDataDirectory_restoreRefusesAndChangesNothing(@TempDir Path temp) throws Exception {
		Path archive = Files.writeString(temp.resolve("some.zip"), "not read");
		Path dataDir = Files.createDirectories(temp.resolve("data"));
		Path kept = Files.writeString(dataDir.resolve("keep.txt"), "kept");
		StringWriter err = new StringWriter();

		int status = restore(err, archive, dataDir);

		assertThat(status).isEqualTo(3);
		assertThat(err.toString()).startsWith("tally restore: refused: " + dataDir + " is not empty");
		assertThat(Files.readString(kept)).isEqualTo("kept");
		try (Stream<Path> files = Files.list(dataDir)) {
			assertThat(files.count()).isOne();
		}
	}

	@Test
	void givenAnArchiveFromANewerFlywayVersion_restoreRefusesNamingBothVersions(@TempDir Path temp) throws Exception {
		Path archive = temp.resolve("newer.zip");
		try (OutputStream file = Files.newOutputStream(archive); ZipOutputStream zip = new ZipOutputStream(file)) {
			zip.putNextEntry(new ZipEntry("manifest.json"));
			zip.write("""
					{"format": "tally-backup/1", "tallyVersion": "9.0", "flywayVersion": "999",
					 "takenAt": "2030-01-01T00:00:00Z", "tables": [], "sequences": []}"""
				.getBytes(StandardCharsets.UTF_8));
		}
		Path dataDir = temp.resolve("new-data");
		StringWriter err = new StringWriter();

		int status = restore(err, archive, dataDir);

		assertThat(status).isEqualTo(3);
		assertThat(err.toString())
			.contains("Flyway version 999, newer than this Tally's " + Backups.codeFlywayVersion());
		assertThat(dataDir).doesNotExist();
	}

	@Test
	void givenTheMigrationsOnTheClasspath_theCodesFlywayVersionIsTheHighest() {
		assertThat(Integer.parseInt(Backups.codeFlywayVersion())).isGreaterThanOrEqualTo(38);
	}

	private static int restore(StringWriter err, Path archive, Path dataDir) {
		return TallyCommandLine.execute(TallyApplication.class, new PrintWriter(new StringWriter()),
				new PrintWriter(err), "restore", archive.toString(), "--data-dir", dataDir.toString());
	}

}
