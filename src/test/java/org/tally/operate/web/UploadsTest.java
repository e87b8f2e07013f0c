package org.tally.operate.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tally.bench.internal.SmallDisk;
import org.tally.catalog.Catalog;
import org.tally.catalog.SourceDefinition;
import org.tally.ingest.IngestProperties;

/**
 * Given hostile or careless file names, an upload stays inside its source's inbox folder
 * or is refused.
 */
class UploadsTest {

	@TempDir
	Path temp;

	/** The inbox the uploads are accepted into. */
	Path inbox;

	@BeforeEach
	void emptyInbox() throws IOException {
		inbox = Files.createDirectories(temp.resolve("inbox"));
	}

	@Test
	void givenPathsAndOddCharacters_theNameKeepsOnlyItsLastSegmentAndSafeCharacters() {
		assertThat(UploadNames.sanitise("../../etc/passwd.csv")).isEqualTo("passwd.csv");
		assertThat(UploadNames.sanitise("..\\..\\windows\\台账_2024-12-31.xlsx")).isEqualTo("台账_2024-12-31.xlsx");
		assertThat(UploadNames.sanitise("...hidden.csv")).isEqualTo("hidden.csv");
		assertThat(UploadNames.sanitise("a b;c|d$e.csv")).isEqualTo("a_b_c_d_e.csv");
		assertThat(UploadNames.sanitise("市卫健委_卫生健康对口合作_20241231（更正）.csv")).isEqualTo("市卫健委_卫生健康对口合作_20241231（更正）.csv");
		assertThat(UploadNames.sanitise("x".repeat(300) + ".xlsx")).hasSize(120).endsWith(".xlsx");
	}

	@Test
	void givenASourceGlob_itsFolderIsThePartBeforeTheWildcard() {
		assertThat(source("finance/*.{xlsx,xlsm,xls,csv}").inboxFolder()).isEqualTo("finance");
		assertThat(source("a/b/*.csv").inboxFolder()).isEqualTo("a/b");
	}

	@Test
	void givenAnUpload_itIsHeldAsideUntilAcceptedAndThenMovedIntoTheSourceFolderOnly() throws Exception {
		Uploads uploads = uploads(1000);

		Uploads.Upload upload = uploads.store("finance-projects", "C:\\Users\\li\\台账_2024-12-31.csv", 3,
				new ByteArrayInputStream("a,b".getBytes()));

		assertThat(upload.file()).startsWith(temp.resolve("data/uploads"));
		assertThat(uploads.find(upload.token())).get()
			.extracting(Uploads.Upload::fileName)
			.isEqualTo("台账_2024-12-31.csv");
		Path accepted = uploads.accept(upload);
		assertThat(accepted).isEqualTo(inbox.toAbsolutePath().resolve("finance/台账_2024-12-31.csv"));
		assertThat(uploads.find(upload.token())).isEmpty();
		assertThat(uploads.find("../../etc")).isEmpty();
	}

	@Test
	void givenAWrongTypeATooLargeFileOrANameTaken_theUploadIsRefused() throws Exception {
		Uploads uploads = uploads(10);

		assertThatThrownBy(() -> uploads.store("finance-projects", "run.sh", 3, new ByteArrayInputStream(new byte[3])))
			.hasMessageContaining("only xlsx, xlsm, xls, csv");
		assertThatThrownBy(
				() -> uploads.store("finance-projects", "big.csv", 11, new ByteArrayInputStream(new byte[11])))
			.hasMessageContaining("at most 10");
		assertThatThrownBy(() -> uploads.store("no-such-source", "a.csv", 1, new ByteArrayInputStream(new byte[1])))
			.hasMessageContaining("unknown source");
		Files.createDirectories(inbox.resolve("finance"));
		Files.writeString(inbox.resolve("finance/taken.csv"), "x");
		Uploads.Upload again = uploads.store("finance-projects", "taken.csv", 1, new ByteArrayInputStream(new byte[1]));
		assertThatThrownBy(() -> uploads.accept(again)).hasMessageContaining("exists already");
	}

	@Test
	void givenAFileOfTheSameNameArrivingWhileTheUploadIsCopiedIn_itIsKeptAndTheAcceptRefused() throws Exception {
		Uploads uploads = uploads(1000);
		Uploads.Upload upload = uploads.store("finance-projects", "台账_2024-12-31.csv", 4,
				new ByteArrayInputStream("ours".getBytes()));
		Path theirs = inbox.resolve("finance/台账_2024-12-31.csv");

		assertThatThrownBy(() -> uploads.accept(upload, () -> write(theirs, "theirs")))
			.isInstanceOf(Uploads.UploadRefusedException.class)
			.hasMessageContaining("exists already");

		assertThat(theirs).hasContent("theirs");
		assertThat(inbox.resolve("finance")).isDirectoryNotContaining("glob:**/.*");
		assertThat(uploads.find(upload.token())).as("the upload waits for a new name").isPresent();
	}

	@Test
	void givenAnAcceptedUpload_theInboxHoldsItWholeUnderItsNameAndNoTemporaryCopy() throws Exception {
		Uploads uploads = uploads(1000);
		Uploads.Upload upload = uploads.store("finance-projects", "台账_2024-12-31.csv", 4,
				new ByteArrayInputStream("ours".getBytes()));

		Path accepted = uploads.accept(upload);

		assertThat(accepted).hasContent("ours");
		try (var listed = Files.list(accepted.getParent())) {
			assertThat(listed.map(p -> p.getFileName().toString())).containsExactly("台账_2024-12-31.csv");
		}
	}

	@Test
	void givenNamesTooLongWithControlCharactersOrAParentFolder_theUploadIsRefusedQuotingThemHarmlessly() {
		Uploads uploads = uploads(1000);

		assertThatThrownBy(() -> uploads.store("finance-projects", "台".repeat(100) + "_2024-12-31.csv", 1,
				new ByteArrayInputStream(new byte[1])))
			.hasMessageContaining("too long");
		assertThatThrownBy(() -> uploads.store("finance-projects", "x".repeat(300) + "_2024-12-31.csv", 1,
				new ByteArrayInputStream(new byte[1])))
			.hasMessageContaining("too long");
		assertThatThrownBy(() -> uploads.store("finance-projects", "a\r\nb_2024-12-31.csv", 1,
				new ByteArrayInputStream(new byte[1])))
			.hasMessageContaining("'a??b_2024-12-31.csv': a file name may not hold control characters");
		assertThatThrownBy(() -> uploads.store("finance-projects", "..\\x_2024-12-31.csv", 1,
				new ByteArrayInputStream(new byte[1])))
			.hasMessageContaining("parent folder");
	}

	@Test
	void givenAnUploadLeftForMoreThanADay_theNextUploadClearsItAndKeepsRecentOnes() throws Exception {
		Uploads uploads = uploads(1000);
		Uploads.Upload forgotten = uploads.store("finance-projects", "old.csv", 1,
				new ByteArrayInputStream(new byte[1]));
		Uploads.Upload recent = uploads.store("finance-projects", "recent.csv", 1,
				new ByteArrayInputStream(new byte[1]));
		Files.setLastModifiedTime(temp.resolve("data/uploads").resolve(forgotten.token()),
				FileTime.from(Instant.now().minus(Uploads.HELD_FOR).minusSeconds(60)));

		uploads.store("finance-projects", "new.csv", 1, new ByteArrayInputStream(new byte[1]));

		assertThat(uploads.find(forgotten.token())).isEmpty();
		assertThat(uploads.find(recent.token())).isPresent();
	}

	@Test
	void givenTheUploadFoldersDiskFull_theUploadIsRefusedNamingItAndLeavesNothingBehind() throws Exception {
		Optional<String> cannot = SmallDisk.unavailable();
		assumeThat(cannot).as(cannot.orElse("")).isEmpty();
		Uploads uploads = uploads(10_000_000);
		Path folder = Files.createDirectories(temp.resolve("data/uploads"));
		try (SmallDisk disk = SmallDisk.mountOver(folder, 64 * 1024)) {

			assertThatThrownBy(() -> uploads.store("finance-projects", "台账_2024-12-31.csv", 1_000_000,
					new ByteArrayInputStream(new byte[1_000_000])))
				.isInstanceOf(Uploads.UploadRefusedException.class)
				.hasMessageContaining("台账_2024-12-31.csv")
				.hasMessageContaining("No space left on device")
				.hasMessageContaining("nothing was changed");
			try (Stream<Path> left = Files.list(folder)) {
				assertThat(left).isEmpty();
			}
		}
		try (Stream<Path> inboxFiles = Files.walk(inbox)) {
			assertThat(inboxFiles).containsExactly(inbox);
		}
	}

	private Uploads uploads(long maxBytes) {
		Catalog catalog = new Catalog(temp, Map.of(), List.of(source("finance/*.{xlsx,xlsm,xls,csv}")), Map.of(),
				List.of(), List.of());
		return new Uploads(temp.resolve("data"), new IngestProperties(inbox, 1_000_000), catalog, maxBytes);
	}

	private static void write(Path file, String text) {
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, text);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static SourceDefinition source(String glob) {
		return new SourceDefinition("finance-projects", "finance", "市财政局", "projects", glob, null, null, null,
				BigDecimal.ONE, 0, Map.of());
	}

}
