package org.tally.operate.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.tally.support.TallyTest;
import org.tally.support.TestInbox;
import org.tally.support.TestWarehouse;

/**
 * Given the console's upload pages: an upload waits under the data directory where only
 * its owner may look, its preview is read once, storing, discarding and accepting it are
 * audited, a file that appears meanwhile is never replaced, and a hostile name is refused
 * with a message rather than an error.
 */
@TallyTest
@ActiveProfiles("demo")
@AutoConfigureMockMvc
class UploadPagesTest {

	private static final String NAME = "市卫健委_卫生健康对口合作_20241231.csv";

	private static final Pattern ROWS_READ = Pattern.compile("id=\"rows-read\">(\\d+)<");

	@Autowired
	MockMvc mvc;

	@Autowired
	Uploads uploads;

	@Autowired
	TestInbox inbox;

	@Autowired
	TestWarehouse warehouse;

	byte[] seed;

	@BeforeEach
	void anEmptyWarehouseAndInbox() throws Exception {
		warehouse.reset();
		inbox.clear();
		seed = Files.readAllBytes(Path.of("seeds/inbox/health", NAME));
	}

	@Test
	void givenAnUpload_itWaitsUnderTheDataDirectoryInFoldersOnlyItsOwnerMayOpen() throws Exception {
		String token = upload(NAME, seed);

		Path file = uploads.find(token).orElseThrow().file();
		Path root = Path.of("target/it-data/uploads").toAbsolutePath().normalize();
		assertThat(file).startsWith(root);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		for (Path folder = file.getParent(); folder.startsWith(root); folder = folder.getParent()) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).as("%s", folder)
				.isEqualTo("rwx------");
		}
	}

	@Test
	void givenThePreviewLoadedTwice_theFileIsReadOnceAndItsPreviewKept() throws Exception {
		String token = upload(NAME, seed);
		String first = page("/files/uploads/" + token);
		// The held file changes under the page: a second read would show it.
		Files.writeString(uploads.find(token).orElseThrow().file(), "");

		String second = page("/files/uploads/" + token);

		assertThat(rowsRead(first)).isEqualTo("21");
		assertThat(rowsRead(second)).isEqualTo("21");
	}

	@Test
	void givenAFileOfTheSameNameArrivingAfterThePreview_acceptIsRefusedAndThatFileKept() throws Exception {
		String token = upload(NAME, seed);
		page("/files/uploads/" + token);
		Path theirs = inbox.root().resolve("health").resolve(NAME);
		Files.createDirectories(theirs.getParent());
		Files.writeString(theirs, "theirs");

		MvcResult accepted = mvc.perform(post("/files/uploads/" + token + "/accept").with(csrf()).with(operator()))
			.andReturn();

		assertThat(accepted.getResponse().getStatus()).isEqualTo(302);
		assertThat(accepted.getResponse().getRedirectedUrl()).isEqualTo("/files/uploads/" + token);
		assertThat((String) accepted.getFlashMap().get("error")).contains("exists already");
		assertThat(Files.readString(theirs)).isEqualTo("theirs");
		assertThat(inbox.root().resolve("health")).isDirectoryNotContaining("glob:**/.*");
		assertThat(latestAudit(1)).containsExactly("upload inbox/health/" + NAME + " refused");
	}

	@Test
	void givenAStoreADiscardAndAnAccept_eachIsAudited() throws Exception {
		String discarded = upload(NAME, seed);
		mvc.perform(post("/files/uploads/" + discarded + "/discard").with(csrf()).with(operator()));
		String accepted = upload(NAME, seed);
		mvc.perform(post("/files/uploads/" + accepted + "/accept").with(csrf()).with(operator()));

		assertThat(latestAudit(4)).containsExactly("upload inbox/health/" + NAME + " ok",
				"store upload inbox/health/" + NAME + " ok", "discard upload inbox/health/" + NAME + " ok",
				"store upload inbox/health/" + NAME + " ok");
		assertThat(uploads.find(discarded)).isEmpty();
		assertThat(inbox.root().resolve("health").resolve(NAME)).hasBinaryContent(seed);
	}

	@Test
	void givenHostileOrOddNames_eachIsRefusedWithAMessageNotAnError() throws Exception {
		List<String> names = List.of("台".repeat(300) + "_20241231.csv", "x".repeat(300) + "_20241231.csv", "x.exe",
				"..\\x_20241231.csv", "../x_20241231.csv", "a\u0000b_20241231.csv", "a\rb_20241231.csv",
				"a\nb_20241231.csv");
		for (String name : names) {
			MvcResult result = send(name, seed);

			assertThat(result.getResponse().getStatus()).as("%s", name).isEqualTo(302);
			assertThat(result.getResponse().getRedirectedUrl()).as("%s", name).isEqualTo("/files");
			assertThat((String) result.getFlashMap().get("error")).as("%s", name)
				.isNotBlank()
				.doesNotContain("\n", "\r", "\u0000");
		}
		assertThat(latestAudit(1)).singleElement().asString().startsWith("store upload ").endsWith(" refused");
	}

	private String upload(String name, byte[] content) throws Exception {
		MvcResult result = send(name, content);
		String target = result.getResponse().getRedirectedUrl();
		assertThat(target).as("%s", result.getFlashMap()).startsWith("/files/uploads/");
		return target.substring("/files/uploads/".length());
	}

	/** Sends a file to the upload form as the operator, for the health activities. */
	private MvcResult send(String name, byte[] content) throws Exception {
		return mvc
			.perform(multipart("/files/upload").file(new MockMultipartFile("file", name, "text/csv", content))
				.param("source", "health-activities")
				.with(csrf())
				.with(operator()))
			.andReturn();
	}

	private String page(String path) throws Exception {
		MvcResult result = mvc.perform(get(path).with(operator())).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		return result.getResponse().getContentAsString();
	}

	private List<String> latestAudit(int count) {
		return warehouse.strings(
				"SELECT action || ' ' || target || ' ' || outcome FROM ops.audit WHERE channel = 'web' ORDER BY id DESC LIMIT ?",
				count);
	}

	private static String rowsRead(String page) {
		Matcher matcher = ROWS_READ.matcher(page);
		assertThat(matcher.find()).as("rows read on the preview page").isTrue();
		return matcher.group(1);
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor operator() {
		return user("operator").roles("OPERATOR");
	}

}
