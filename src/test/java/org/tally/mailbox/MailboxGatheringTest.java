package org.tally.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.tally.catalog.Catalog;
import org.tally.ingest.FileDigests;
import org.tally.ingest.IngestProperties;
import org.tally.mailbox.MailGatherSummary.Outcome;
import org.tally.support.InboxRunTest;
import org.tally.support.ProjectConfig;
import org.tally.support.Runs;
import org.tally.support.TallyCli;
import org.tally.support.TallyTest;

/**
 * Given a reporting mailbox on a real IMAP server reached over TLS (GreenMail behind
 * {@link ImapsFront}), and sources that allow one finance clerk by address and the health
 * and education departments by domain: what Chinese mail clients send is written into the
 * right inbox folders under the names the clerks gave, each message is flagged done only
 * after its files are registered, a message sent twice or a gather killed halfway writes
 * nothing twice, a stranger's message is left alone and shown as ignored, and hostile
 * attachments are refused with their reasons while the run goes on.
 */
@TallyTest
@AutoConfigureMockMvc
class MailboxGatheringTest extends InboxRunTest {

	static final String LEDGER = "市财政局_京长对口合作项目台账_2024-12-31.xlsx";

	static final String HALF_YEAR_LEDGER = "市财政局_京长对口合作项目台账_2024-06-30.xlsx";

	static final String HEALTH = "市卫健委_卫生健康对口合作_20241231.csv";

	static final String CLERK = "xmk@czj.changzhi.gov.cn";

	static final String DONE = "$TallyGathered";

	static final GreenMail imap = imap();

	static final ImapsFront front = new ImapsFront(imap.getImap().getPort());

	static final GreenMailUser mailbox = imap.setUser("tjbs@changzhi.gov.cn", "tjbs", "secret");

	static final Path CONFIG = configAllowingMail();

	@Autowired
	MailboxGatherer gatherer;

	@Autowired
	MailRegistry registry;

	@Autowired
	MailProperties properties;

	@Autowired
	Catalog catalog;

	@Autowired
	IngestProperties ingest;

	@Autowired
	MockMvc mvc;

	@DynamicPropertySource
	static void theReportingMailbox(DynamicPropertyRegistry registry) {
		registry.add("tally.config-dir", CONFIG::toString);
		registry.add("tally.mail.mailboxes.reporting.host", () -> "127.0.0.1");
		registry.add("tally.mail.mailboxes.reporting.port", front::port);
		registry.add("tally.mail.mailboxes.reporting.user", () -> "tjbs");
		registry.add("tally.mail.mailboxes.reporting.password", () -> "secret");
		registry.add("tally.mail.mailboxes.reporting.trust-store", () -> ImapsFront.trustStore().toString());
		registry.add("tally.mail.mailboxes.reporting.trust-store-password", () -> ImapsFront.PASSWORD);
		registry.add("tally.mail.mailboxes.reporting.timeout", () -> "10s");
		registry.add("tally.mail.limits.max-message-bytes", () -> 1 << 20);
	}

	@AfterAll
	static void stopServers() {
		front.close();
		imap.stop();
	}

	@BeforeEach
	void anEmptyMailbox() throws Exception {
		imap.purgeEmailFromAllMailboxes();
	}

	@Test
	void givenAnAttachmentNamedPerRfc2231InUtf8_itIsWrittenUnderItsChineseNameAndTheMessageIsFlaggedDone()
			throws Exception {
		deliver(Mails.message(CLERK, "<ledger-1@czj>", "2024年台账", Mails.rfc2231Utf8(LEDGER, seed("finance", LEDGER))));

		MailGatherSummary summary = gatherer.gather(null);

		assertThat(summary.messages()).singleElement().satisfies(m -> {
			assertThat(m.outcome()).isEqualTo(Outcome.GATHERED);
			assertThat(m.subject()).isEqualTo("2024年台账");
			assertThat(m.files()).containsExactly("finance/" + LEDGER);
		});
		assertThat(FileDigests.sha256(inbox.root().resolve("finance").resolve(LEDGER)))
			.isEqualTo(FileDigests.sha256(Path.of("seeds/inbox/finance", LEDGER)));
		assertThat(registry.recent(10)).singleElement().satisfies(m -> {
			assertThat(m.sender()).isEqualTo(CLERK);
			assertThat(m.messageId()).isEqualTo("<ledger-1@czj>");
			assertThat(m.department()).isEqualTo("finance");
			assertThat(m.status()).isEqualTo("gathered");
			assertThat(m.doneAt()).isNotNull();
		});
		assertThat(flagged()).containsExactly(true);
		assertThat(seen()).as("read with PEEK: a person still sees it as new").containsExactly(false);
	}

	@Test
	void givenAnAttachmentNamedPerRfc2047InGbkFromADomainTheHealthDepartmentAllows_itGoesIntoTheHealthFolder()
			throws Exception {
		deliver(Mails.message("clerk@wjw.changzhi.gov.cn", "<health-1@wjw>", "卫健委报表",
				Mails.rfc2047Gbk(HEALTH, seed("health", HEALTH))));

		gatherer.gather(null);

		assertThat(inboxFiles()).containsExactly("health/" + HEALTH);
	}

	@Test
	void givenAZipWhoseEntryNamesAreGbkWithoutTheUtf8Flag_theSheetInsideIsWrittenUnderItsChineseName()
			throws Exception {
		byte[] zip = Mails.zip("GBK", false, Map.of("报表/" + LEDGER, "placeholder", "说明.txt", "见附件"));
		deliver(Mails.message(CLERK, "<zip-1@czj>", "台账压缩包", Mails.rfc2047Gbk("财政局报表.zip", zip)));

		MailGatherSummary summary = gatherer.gather(null);

		assertThat(inboxFiles()).containsExactly("finance/" + LEDGER);
		assertThat(summary.messages()).singleElement()
			.extracting(MailGatherSummary.MessageOutcome::outcome)
			.isEqualTo(Outcome.GATHERED);
		assertThat(registry.recent(1).get(0).attachments())
			.extracting(MailMessageRecord.Attachment::name, MailMessageRecord.Attachment::status)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("财政局报表.zip/报表/" + LEDGER, "written"),
					org.assertj.core.groups.Tuple.tuple("财政局报表.zip/说明.txt", "skipped"));
	}

	@Test
	void givenSeveralSheetsInOneMessage_eachIsWrittenAndRegistered() throws Exception {
		deliver(Mails.message(CLERK, "<two@czj>", "两期台账", Mails.rfc2231Utf8(LEDGER, seed("finance", LEDGER)),
				Mails.rfc2047Gbk(HALF_YEAR_LEDGER, seed("finance", HALF_YEAR_LEDGER))));

		gatherer.gather(null);

		assertThat(inboxFiles()).containsExactlyInAnyOrder("finance/" + LEDGER, "finance/" + HALF_YEAR_LEDGER);
		assertThat(registry.recent(1).get(0).attachments()).extracting(MailMessageRecord.Attachment::status)
			.containsExactly("written", "written");
	}

	@Test
	void givenAForwardedMessage_theSheetInsideItsMessageRfc822PartIsTaken() throws Exception {
		byte[] original = Mails.message("someone@bj.gov.cn", "<orig@bj>", "原始台账",
				Mails.rfc2231Utf8(LEDGER, seed("finance", LEDGER)));
		deliver(Mails.message(CLERK, "<fwd@czj>", "转发：原始台账", Mails.forwarded(original)));

		gatherer.gather(null);

		assertThat(inboxFiles()).containsExactly("finance/" + LEDGER);
		assertThat(flagged()).containsExactly(true);
	}

	@Test
	void givenTheSameMessageSentTwice_oneFileIsWrittenAndBothCopiesAreMarkedDone() throws Exception {
		byte[] message = Mails.message(CLERK, "<twice@czj>", "台账", Mails.rfc2231Utf8(LEDGER, seed("finance", LEDGER)));
		deliver(message);
		deliver(message);

		MailGatherSummary summary = gatherer.gather(null);

		assertThat(summary.messages()).extracting(MailGatherSummary.MessageOutcome::outcome)
			.containsExactly(Outcome.GATHERED, Outcome.DUPLICATE);
		assertThat(inboxFiles()).containsExactly("finance/" + LEDGER);
		assertThat(warehouse.count("SELECT count(*) FROM registry.mail_message")).isOne();
		assertThat(warehouse.count("SELECT count(*) FROM registry.mail_attachment")).isOne();
		assertThat(flagged()).containsExactly(true, true);
	}

	@Test
	void givenASenderNoSourceAllows_theMessageIsLeftAloneAndTheFilesPageSaysIgnored() throws Exception {
		deliver(Mails.message("stranger@example.com", "<spam@example>", "发票",
				Mails.rfc2231Utf8(LEDGER, seed("finance", LEDGER))));

		assertThat(gatherer.gather(null).messages()).singleElement()
			.extracting(MailGatherSummary.MessageOutcome::outcome)
			.isEqualTo(Outcome.IGNORED);
		gatherer.gather(null);

		assertThat(inboxFiles()).isEmpty();
		assertThat(flagged()).containsExactly(false);
		assertThat(seen()).as("nothing read it: a person still sees it as new").containsExactly(false);
		assertThat(warehouse.count("SELECT count(*) FROM registry.mail_message WHERE status = 'ignored'")).isOne();
		String page = mvc.perform(get("/files").with(user("operator").roles("OPERATOR")))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("stranger@example.com").contains("ignored: sender not allowed");
	}

	@Test
	void givenAZipBombAZipOfTooManyEntriesAnEntryClimbingOutAndAnAbsoluteName_eachIsRefusedAndTheGoodSheetTaken()
			throws Exception {
		byte[] bomb = Mails.zip("UTF-8", true, Map.of("台账.csv", "0".repeat(4 << 20)));
		Map<String, String> many = new java.util.LinkedHashMap<>();
		for (int i = 0; i < 101; i++) {
			many.put("表" + i + ".csv", "x");
		}
		byte[] tooMany = Mails.zip("UTF-8", true, many);
		byte[] climbing = Mails.zip("GBK", false, Map.of("../../../etc/cron.d/" + LEDGER, "x"));
		deliver(Mails.message(CLERK, "<hostile@czj>", "报表", Mails.rfc2231Utf8("炸弹.zip", bomb),
				Mails.rfc2231Utf8("很多.zip", tooMany), Mails.rfc2047Gbk("越界.zip", climbing),
				Mails.plain("../../" + HALF_YEAR_LEDGER.replaceAll("[^ -~]", "x"), new byte[] { 1 }),
				Mails.rfc2231Utf8("C:\\Users\\clerk\\" + HALF_YEAR_LEDGER, new byte[] { 2 }),
				Mails.rfc2231Utf8(LEDGER, seed("finance", LEDGER))));

		MailGatherSummary summary = gatherer.gather(null);

		assertThat(inboxFiles()).containsExactly("finance/" + LEDGER);
		assertThat(summary.messages()).singleElement().satisfies(m -> {
			assertThat(m.outcome()).isEqualTo(Outcome.GATHERED);
			assertThat(m.refusedFiles()).hasSize(5);
		});
		assertThat(registry.recent(1).get(0).attachments()).filteredOn(a -> a.status().equals("refused"))
			.extracting(MailMessageRecord.Attachment::reason)
			.containsExactlyInAnyOrder("'炸弹.zip' unpacks to more than 100 times its own size: refused as a zip bomb",
					"'很多.zip' holds 101 entries; at most 100 are opened",
					"'越界.zip' entry '../../../etc/cron.d/" + LEDGER
							+ "' names a parent folder (..): refused, not written",
					"'../../" + HALF_YEAR_LEDGER.replaceAll("[^ -~]", "x")
							+ "' names a parent folder (..): refused, not written",
					"'C:\\Users\\clerk\\" + HALF_YEAR_LEDGER + "' is an absolute path: refused, not written");
		assertThat(flagged()).containsExactly(true);
	}

	@Test
	void givenAMessageLargerThanTheLimit_itIsRefusedUnreadAndMarkedDone() throws Exception {
		byte[] large = new byte[1 << 20];
		new java.util.Random(7).nextBytes(large);
		deliver(Mails.message(CLERK, "<large@czj>", "大文件", Mails.rfc2231Utf8(LEDGER, large)));

		assertThat(gatherer.gather(null).messages()).singleElement().satisfies(m -> {
			assertThat(m.outcome()).isEqualTo(Outcome.REFUSED);
			assertThat(m.reason()).startsWith("the message is larger than 1048576 bytes: refused unread");
		});
		assertThat(inboxFiles()).isEmpty();
		assertThat(flagged()).containsExactly(true);
	}

	@Test
	void givenAMessageThatIsNoValidMime_itIsRefusedWithTheReasonAndMarkedDone() throws Exception {
		deliver(("From: " + CLERK + "\r\nMessage-ID: <broken@czj>\r\nSubject: broken\r\nMIME-Version: 1.0\r\n"
				+ "Content-Type: multipart/mixed\r\n\r\nno boundary anywhere\r\n")
			.getBytes(StandardCharsets.US_ASCII));

		assertThat(gatherer.gather(null).messages()).singleElement().satisfies(m -> {
			assertThat(m.outcome()).isEqualTo(Outcome.REFUSED);
			assertThat(m.reason()).startsWith("the message cannot be read as MIME");
		});
		assertThat(flagged()).containsExactly(true);
	}

	@Test
	void givenAGatherKilledAfterWritingBeforeRegistering_theNextRegistersTheOneFileAndMarksTheMessageDone()
			throws Exception {
		deliver(Mails.message(CLERK, "<killed-1@czj>", "台账", Mails.rfc2231Utf8(LEDGER, seed("finance", LEDGER))));

		assertThatThrownBy(() -> killedAt(MailboxGatherer.Moment.WRITTEN).gather(null)).isInstanceOf(Killed.class);
		assertThat(inboxFiles()).containsExactly("finance/" + LEDGER);
		assertThat(warehouse.count("SELECT count(*) FROM registry.mail_attachment")).isZero();
		assertThat(flagged()).containsExactly(false);

		gatherer.gather(null);

		assertThat(inboxFiles()).containsExactly("finance/" + LEDGER);
		assertThat(warehouse.strings("SELECT inbox_path FROM registry.mail_attachment WHERE status = 'written'"))
			.containsExactly("finance/" + LEDGER);
		assertThat(flagged()).containsExactly(true);
	}

	@Test
	void givenAGatherKilledAfterRegisteringBeforeMarkingDone_theNextOnlyMarksTheMessageDone() throws Exception {
		deliver(Mails.message(CLERK, "<killed-2@czj>", "台账", Mails.rfc2231Utf8(LEDGER, seed("finance", LEDGER))));

		assertThatThrownBy(() -> killedAt(MailboxGatherer.Moment.REGISTERED).gather(null)).isInstanceOf(Killed.class);
		assertThat(flagged()).containsExactly(false);

		assertThat(gatherer.gather(null).messages()).extracting(MailGatherSummary.MessageOutcome::outcome)
			.containsExactly(Outcome.DUPLICATE);

		assertThat(inboxFiles()).containsExactly("finance/" + LEDGER);
		assertThat(warehouse.count("SELECT count(*) FROM registry.mail_attachment")).isOne();
		assertThat(warehouse.count("SELECT count(*) FROM registry.mail_message WHERE done_at IS NOT NULL")).isOne();
		assertThat(flagged()).containsExactly(true);
	}

	@Test
	void givenADoneFolder_aGatheredMessageIsMovedThereAndAStrangersStays() throws Exception {
		deliver(Mails.message(CLERK, "<moved@czj>", "台账", Mails.rfc2231Utf8(LEDGER, seed("finance", LEDGER))));
		deliver(Mails.message("stranger@example.com", "<stays@example>", "广告",
				Mails.plain("a.xlsx", new byte[] { 1 })));
		MailProperties.Mailbox configured = properties.mailboxes().get("reporting");
		MailProperties.Mailbox moving = new MailProperties.Mailbox(configured.host(), configured.port(),
				configured.user(), configured.password(), configured.folder(), configured.doneFlag(), "已报送",
				configured.trustStore(), configured.trustStorePassword(), configured.timeout());
		MailboxGatherer gathererMoving = new MailboxGatherer(catalog,
				new MailProperties(Map.of("reporting", moving), properties.limits()), ingest, registry);

		gathererMoving.gather(null);

		assertThat(inboxFiles()).containsExactly("finance/" + LEDGER);
		assertThat(messages("INBOX")).extracting(m -> m.getMimeMessage().getMessageID())
			.containsExactly("<stays@example>");
		assertThat(messages("已报送")).extracting(m -> m.getMimeMessage().getMessageID()).containsExactly("<moved@czj>");
	}

	@Test
	void givenAMailedLedgerAndAHostileMessage_theNightlyRunCompletesAndLoadsTheLedger() throws Exception {
		deliver(Mails.message(CLERK, "<run@czj>", "台账", Mails.rfc2231Utf8(LEDGER, seed("finance", LEDGER))));
		deliver(Mails.message(CLERK, "<bomb@czj>", "报表",
				Mails.rfc2231Utf8("炸弹.zip", Mails.zip("UTF-8", true, Map.of("台账.csv", "0".repeat(4 << 20))))));

		long run = Runs.completedRun(jobs, "mail");

		assertThat(warehouse.strings("SELECT file_path || ' ' || status FROM registry.load WHERE run_id = ?", run))
			.containsExactly("finance/" + LEDGER + " loaded");
		assertThat(warehouse.count("SELECT count(*) FROM registry.mail_message WHERE run_id = ?", run)).isEqualTo(2);
		assertThat(flagged()).containsExactly(true, true);
	}

	@Test
	void givenTallyGatherOnItsOwn_itTakesTheMailIntoTheInboxAndPrintsWhatBecameOfEachMessage() throws Exception {
		deliver(Mails.message(CLERK, "<cli@czj>", "台账", Mails.rfc2231Utf8(LEDGER, seed("finance", LEDGER)),
				Mails.rfc2231Utf8("报表.rar", new byte[] { 1 })));
		deliver(Mails.message("stranger@example.com", "<cli-spam@example>", "广告",
				Mails.plain("a.xlsx", new byte[] { 1 })));

		TallyCli.Result result = new TallyCli(Path.of("target/it-data")).run("", "gather", "--config",
				CONFIG.toString(), "--inbox", inbox.root().toString());

		assertThat(result.status()).as(result.err()).isEqualTo(5);
		assertThat(result.out()).contains("finance/" + LEDGER)
			.contains("报表.rar: a .rar archive cannot be opened: send the spreadsheets, or a .zip")
			.contains("stranger@example.com")
			.contains("1 gathered, 1 files in the inbox, 0 duplicates, 1 ignored (sender not allowed), 0 refused");
		assertThat(inboxFiles()).containsExactly("finance/" + LEDGER);
		assertThat(flagged()).containsExactly(true, false);
	}

	/**
	 * A gather that dies at {@code moment}, as a killed process would, for one message.
	 */
	private MailboxGatherer killedAt(MailboxGatherer.Moment moment) {
		return new MailboxGatherer(catalog, properties, ingest, registry, (reached, messageId) -> {
			if (reached == moment) {
				throw new Killed();
			}
		});
	}

	static final class Killed extends RuntimeException {

		private static final long serialVersionUID = 1L;

	}

	private static void deliver(byte[] raw) throws Exception {
		mailbox.deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw)));
	}

	private static byte[] seed(String department, String name) throws IOException {
		return Files.readAllBytes(Path.of("seeds/inbox", department, name));
	}

	private List<String> inboxFiles() throws IOException {
		try (Stream<Path> files = Files.walk(inbox.root())) {
			return files.filter(Files::isRegularFile).map(f -> inbox.root().relativize(f).toString()).sorted().toList();
		}
	}

	/** Whether each message of the mailbox's INBOX carries the done flag, in order. */
	private static List<Boolean> flagged() throws Exception {
		return messages("INBOX").stream().map(m -> m.getFlags().contains(DONE)).toList();
	}

	private static List<Boolean> seen() throws Exception {
		return messages("INBOX").stream().map(m -> m.isSet(jakarta.mail.Flags.Flag.SEEN)).toList();
	}

	private static List<StoredMessage> messages(String folder) throws Exception {
		var manager = imap.getManagers().getImapHostManager();
		var mailFolder = folder.equals("INBOX") ? manager.getInbox(mailbox) : manager.getFolder(mailbox, folder);
		return mailFolder == null ? List.of() : mailFolder.getMessages();
	}

	private static GreenMail imap() {
		GreenMail mail = new GreenMail(ServerSetupTest.IMAP.dynamicPort());
		mail.start();
		return mail;
	}

	/**
	 * The project's configuration with mail blocks: the finance clerk by address, the
	 * health and education departments by domain.
	 */
	private static Path configAllowingMail() {
		try {
			Path config = Files.createTempDirectory("tally-mail-config");
			ProjectConfig.copyTo(config);
			append(config.resolve("sources/finance-projects.yml"),
					"mail: { mailbox: reporting, senders: [" + CLERK + "] }");
			append(config.resolve("sources/health-activities.yml"),
					"mail: { mailbox: reporting, senders: [wjw.changzhi.gov.cn] }");
			append(config.resolve("sources/education-activities.yml"),
					"mail: { mailbox: reporting, senders: [\"@jyj.changzhi.gov.cn\"] }");
			// what `tally gather --config` reads; the test's own context has the same
			// from its dynamic properties
			Files.writeString(config.resolve("application.yml"), """
					tally:
					  mail:
					    mailboxes:
					      reporting:
					        host: 127.0.0.1
					        port: %d
					        user: tjbs
					        password: secret
					        trust-store: %s
					        trust-store-password: %s
					""".formatted(front.port(), ImapsFront.trustStore(), ImapsFront.PASSWORD));
			return config;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void append(Path file, String line) throws IOException {
		Files.writeString(file, Files.readString(file) + "\n" + line + "\n");
	}

}
