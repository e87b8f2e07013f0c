package org.tally.operate.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tally.support.SeedInboxTest;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.tally.backup.BackupFailed;
import org.tally.support.TallyTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Given a webhook (a JDK HTTP server on 127.0.0.1), a webhook that is down, and an SMTP
 * server (GreenMail), a quiet run notifies nobody; a run that quarantines a file and
 * unverifies a figure posts each event and mails once with the link to the run; a failed
 * run is notified too; and the dead webhook never changes a run's outcome.
 */
@TallyTest
class RunNotificationTest extends SeedInboxTest {

	static final String LEDGER = "finance/市财政局_京长对口合作项目台账_2024-12-31.xlsx";
	static final String HALF_YEAR_LEDGER = "finance/市财政局_京长对口合作项目台账_2024-06-30.xlsx";
	static final String BASE_URL = "https://tally.example/console";

	static final List<String> posted = new CopyOnWriteArrayList<>();
	static final HttpServer webhook = webhook();
	static final GreenMail smtp = smtp();

	final JsonMapper json = JsonMapper.builder().build();

	@DynamicPropertySource
	static void notifyTheTestServers(DynamicPropertyRegistry registry) {
		registry.add("tally.notify.webhooks[0]", () -> "http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook");
		registry.add("tally.notify.webhooks[1]", () -> "http://127.0.0.1:1/down");
		registry.add("tally.notify.mail.to[0]", () -> "press-desk@tally.example");
		registry.add("tally.notify.mail.from", () -> "tally@tally.example");
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
		registry.add("tally.web.base-url", () -> BASE_URL + "/");
		// a second rejected row fails the run: the failed run below has two
		registry.add("tally.pipeline.skip-limit", () -> 1);
	}

	@AfterAll
	static void stopServers() {
		webhook.stop(0);
		smtp.stop();
	}

	@BeforeEach
	void seedsConsolidatedQuietly() throws Exception {
		posted.clear();
		smtp.purgeEmailFromAllMailboxes();
		assertThat(run("seeds").getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(posted).as("a run without events notifies nobody").isEmpty();
		assertThat(smtp.getReceivedMessages()).isEmpty();
	}

	@Test
	void givenAScheduledBackupThatFailed_itIsPostedAndMailedLikeAFailedRun(@Autowired ApplicationEventPublisher events)
			throws Exception {
		events.publishEvent(new BackupFailed(Path.of("/srv/tally/backups"), "No space left on device", Instant.now()));

		assertThat(posted).singleElement().satisfies(body -> {
			JsonNode event = json.readTree(body);
			assertThat(event.get("event").asString()).isEqualTo("backup_failed");
			assertThat(event.get("message").asString()).contains("/srv/tally/backups")
				.contains("No space left on device");
			assertThat(event.get("link").asString()).isEqualTo(BASE_URL + "/runs");
		});
		assertThat(smtp.getReceivedMessages()).singleElement()
			.satisfies(mail -> assertThat(mail.getSubject()).isEqualTo("[tally] 1 backup failed"));
	}

	@Test
	void givenAQuarantinedFileAndAFigureThatLostItsVerification_eachIsPostedAndMailedOnceWithTheLink()
			throws Exception {
		inbox.plantStartDateAfterPeriodEnd(LEDGER);
		Files.writeString(inbox.file("finance/市财政局_京长对口合作项目台账_2025-06-30.xlsx"), "not a workbook");

		JobExecution second = run("correction");

		assertThat(second.getStatus()).as("the dead webhook does not fail the run").isEqualTo(BatchStatus.COMPLETED);
		long runId = second.getJobInstance().getInstanceId();
		List<JsonNode> events = new ArrayList<>();
		posted.forEach(body -> events.add(json.readTree(body)));
		assertThat(events).extracting(e -> e.get("event").asString())
			.containsExactlyInAnyOrder("file_quarantined", "figure_unverified");
		assertThat(events).allSatisfy(e -> {
			assertThat(e.get("runId").asLong()).isEqualTo(runId);
			assertThat(e.get("link").asString()).isEqualTo(BASE_URL + "/runs/" + runId);
		});
		assertThat(message(events, "file_quarantined")).contains("2025-06-30.xlsx");
		assertThat(message(events, "figure_unverified")).contains("started_projects").contains("no longer verified");

		MimeMessage[] mails = smtp.getReceivedMessages();
		assertThat(mails).hasSize(1);
		assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("press-desk@tally.example");
		assertThat(mails[0].getSubject())
			.isEqualTo("[tally] run " + runId + ": 1 figure unverified, 1 file quarantined");
		assertThat(GreenMailUtil.getBody(mails[0])).contains(BASE_URL + "/runs/" + runId);
	}

	@Test
	void givenAFigureThatLostItsVerificationForAnEarlierPeriod_itIsNotifiedToo() throws Exception {
		inbox.plantStartDateAfterPeriodEnd(HALF_YEAR_LEDGER);

		JobExecution second = run("half-year-correction");

		assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(posted).hasSize(1);
		JsonNode event = json.readTree(posted.get(0));
		assertThat(event.get("event").asString()).isEqualTo("figure_unverified");
		assertThat(event.get("message").asString()).contains("started_projects").contains("as of 2024-06-30");
	}

	@Test
	void givenARunThatFails_theFailureIsPostedAndMailedWithTheLink() throws Exception {
		blankTwoProjectNames();

		JobExecution failed = run("failing");

		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
		long runId = failed.getJobInstance().getInstanceId();
		assertThat(posted).hasSize(1);
		JsonNode event = json.readTree(posted.get(0));
		assertThat(event.get("event").asString()).isEqualTo("run_failed");
		assertThat(event.get("message").asString()).startsWith("run " + runId + " failed: ");
		assertThat(event.get("link").asString()).isEqualTo(BASE_URL + "/runs/" + runId);
		assertThat(smtp.getReceivedMessages()).hasSize(1);
		assertThat(GreenMailUtil.getBody(smtp.getReceivedMessages()[0])).contains(BASE_URL + "/runs/" + runId)
			.contains("run_failed");
	}

	private static String message(List<JsonNode> events, String type) {
		return events.stream()
			.filter(e -> e.get("event").asString().equals(type))
			.findFirst()
			.orElseThrow()
			.get("message")
			.asString();
	}

	private JobExecution run(String trigger) throws Exception {
		return jobs.startJob(
				new JobParametersBuilder().addString("trigger", "test:notify:" + trigger + ":" + System.nanoTime())
					.toJobParameters());
	}

	/**
	 * Two required cells left empty: two rows rejected, one more than tolerated, and the
	 * run fails.
	 */
	private void blankTwoProjectNames() throws IOException {
		inbox.rewriteSeedLedger(LEDGER, sheet -> {
			int nameColumn = -1;
			int blanked = 0;
			for (Row row : sheet) {
				for (Cell cell : row) {
					if (nameColumn < 0 && cell.getCellType() == CellType.STRING
							&& cell.getStringCellValue().equals("项目名称")) {
						nameColumn = cell.getColumnIndex();
						break;
					}
				}
				if (nameColumn >= 0 && row.getRowNum() > 2 && row.getCell(nameColumn) != null
						&& row.getCell(nameColumn).getCellType() == CellType.STRING) {
					row.getCell(nameColumn).setBlank();
					if (++blanked == 2) {
						return;
					}
				}
			}
			throw new IllegalStateException("no 项目名称 column in " + LEDGER);
		});
	}

	private static HttpServer webhook() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/hook", exchange -> {
				posted.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
				exchange.sendResponseHeaders(204, -1);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static GreenMail smtp() {
		GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
		mail.start();
		return mail;
	}

}
