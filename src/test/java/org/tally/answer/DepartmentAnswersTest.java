package org.tally.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.tally.support.Runs.completedRun;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.tally.support.InboxRunTest;
import org.tally.support.ProjectConfig;
import org.tally.support.TallyTest;
import org.tally.support.WorkbookBuilder;
import org.tally.validate.RejectLog;
import org.tally.validate.RejectedCell;

/**
 * Given the seed inbox with a bad cell planted in the finance ledger (XLSX), the
 * education sheet (XLS) and the health CSV, and a real SMTP server in the JVM, each
 * department gets exactly one mail: its own rejects workbook, opening on its own rows and
 * no other department's, and its own files back marked red with the reasons as comments;
 * the science bureau, which asked for a receipt, gets one. A mail the server could not
 * take is recorded, shown on the run pages as not sent, and sent after the server is
 * back; a rejected file left in the inbox is answered once.
 */
@TallyTest
@ActiveProfiles("demo")
@AutoConfigureMockMvc
class DepartmentAnswersTest extends InboxRunTest {

	static final String LEDGER = "finance/市财政局_京长对口合作项目台账_2024-12-31.xlsx";

	static final String EDUCATION = "education/市教育局_教育对口合作统计表_2024全年.xls";

	static final String HEALTH = "health/市卫健委_卫生健康对口合作_20241231.csv";

	static final Charset GB18030 = Charset.forName("GB18030");

	static final Map<String, String> CONTACTS = Map.of("finance", "caiwu@finance.example", "education",
			"jiaoyu@education.example", "health", "weijian@health.example", "science", "keji@science.example");

	static final Map<String, String> NAMES = Map.of("finance", "市财政局", "education", "市教育局", "health", "市卫健委", "science",
			"市科技局");

	static final int SMTP_PORT = freePort();

	static final Path CONFIG = configWithContacts();

	static GreenMail smtp = startSmtp();

	@Autowired
	RejectLog rejectLog;

	@Autowired
	DepartmentMails departmentMails;

	@Autowired
	MockMvc mvc;

	@DynamicPropertySource
	static void answerThroughTheTestServer(DynamicPropertyRegistry registry) {
		registry.add("tally.config-dir", CONFIG::toString);
		registry.add("tally.answer.mail.host", () -> "127.0.0.1");
		registry.add("tally.answer.mail.port", () -> SMTP_PORT);
		registry.add("tally.answer.mail.tls", () -> "none");
		registry.add("tally.answer.mail.from", () -> "tally@changzhi.example");
		registry.add("tally.answer.mail.reply-to", () -> "baosong@changzhi.example");
		registry.add("tally.answer.mail.timeout", () -> "5s");
	}

	@AfterAll
	static void stopSmtp() {
		smtp.stop();
	}

	@BeforeEach
	void smtpUpAndEmpty() throws Exception {
		if (!smtp.isRunning()) {
			smtp = startSmtp();
		}
		smtp.purgeEmailFromAllMailboxes();
	}

	@Test
	void givenRejectsInThreeDepartments_eachGetsOneMailWithItsOwnRowsAndItsOwnFilesMarked() throws Exception {
		inbox.withSeeds();
		plantLedgerError();
		plantEducationError();
		plantHealthError();

		long runId = completedRun(jobs, "answer-three");

		assertThat(smtp.getReceivedMessages()).hasSize(4);
		for (String department : List.of("finance", "education", "health")) {
			MimeMessage mail = onlyMailTo(department);
			assertThat(mail.getSubject()).startsWith("【数据报送退回】" + NAMES.get(department) + "：1个文件需要更正");
			assertThat(mail.getReplyTo()[0].toString()).isEqualTo("baosong@changzhi.example");
			assertThat(text(mail)).startsWith(NAMES.get(department) + "：").contains("需要更正1处（1行）");
			List<RejectedCell> own = rejectLog.rejects(runId)
				.stream()
				.filter(r -> r.department().equals(department))
				.toList();
			assertThat(own).hasSize(1);
			Map<String, byte[]> attached = attachments(mail);
			String original = own.get(0).filePath().substring(department.length() + 1);
			String markedName = "标注_" + (original.endsWith(".csv") ? original.replace(".csv", ".xlsx") : original);
			assertThat(attached.keySet()).containsExactly("退回明细_" + NAMES.get(department) + "_运行" + runId + ".xlsx",
					markedName);
			try (Workbook summary = new XSSFWorkbook(new ByteArrayInputStream(
					attached.get("退回明细_" + NAMES.get(department) + "_运行" + runId + ".xlsx")))) {
				assertThat(rejectRows(summary.getSheetAt(1))).containsExactlyElementsOf(
						own.stream().map(r -> List.of(r.cellRef(), r.rawValue(), r.reasonZh(), r.reasonEn())).toList());
				String everything = allText(summary);
				NAMES.forEach((other, name) -> {
					if (!other.equals(department)) {
						assertThat(everything).as("%s's workbook names %s", department, name).doesNotContain(name);
					}
				});
			}
			try (Workbook marked = original.endsWith(".xls")
					? new HSSFWorkbook(new ByteArrayInputStream(attached.get(markedName)))
					: new XSSFWorkbook(new ByteArrayInputStream(attached.get(markedName)))) {
				assertThat(marks(marked.getSheetAt(marked.getActiveSheetIndex()))).isEqualTo(expectedMarks(own));
			}
		}
		MimeMessage receipt = onlyMailTo("science");
		assertThat(receipt.getSubject()).startsWith("【数据报送回执】市科技局：2个文件已入库");
		assertThat(attachments(receipt)).isEmpty();
		assertThat(text(receipt)).contains("已入库：共", "全部无误");
		assertThat(departmentMails.ofRun(runId)).hasSize(4).allSatisfy(m -> {
			assertThat(m.status()).isEqualTo("sent");
			assertThat(m.recipients()).containsExactly(CONTACTS.get(m.department()));
			assertThat(m.files()).allMatch(f -> f.startsWith(m.department() + "/"));
		});
	}

	@Test
	void givenTheMailServerDown_theMailIsRecordedShownAsNotSentAndSentAfterTheServerIsBack() throws Exception {
		smtp.stop();
		inbox.withSeeds();
		plantLedgerError();

		long failedRun = completedRun(jobs, "answer-smtp-down");

		assertThat(departmentMails.ofRun(failedRun)).extracting(DepartmentMail::department, DepartmentMail::status)
			.containsExactlyInAnyOrder(tuple("finance", "failed"), tuple("science", "failed"));
		assertThat(departmentMails.ofRun(failedRun)).allSatisfy(m -> assertThat(m.error()).contains("Connect"));
		assertThat(page("/runs/" + failedRun)).contains("run-mails", "caiwu@finance.example", "failed",
				"sent again after the next run");

		long stillDown = completedRun(jobs, "answer-smtp-still-down");

		assertThat(departmentMails.unsent()).hasSize(2).allMatch(m -> m.runId() == failedRun);
		assertThat(page("/runs/" + stillDown)).contains("较早运行还有 2 封邮件未发出", "(runs " + failedRun + ")");

		smtp = startSmtp();
		long back = completedRun(jobs, "answer-smtp-back");

		assertThat(departmentMails.ofRun(failedRun)).allSatisfy(m -> {
			assertThat(m.status()).isEqualTo("sent");
			assertThat(m.error()).isNull();
		});
		assertThat(departmentMails.ofRun(failedRun)).filteredOn(m -> m.department().equals("finance"))
			.singleElement()
			.satisfies(m -> assertThat(m.attempts()).isEqualTo(3));
		assertThat(departmentMails.ofRun(stillDown)).as("nothing new was read").isEmpty();
		assertThat(departmentMails.ofRun(back)).isEmpty();
		assertThat(departmentMails.unsent()).isEmpty();
		assertThat(onlyMailTo("finance").getSubject()).contains("运行 " + failedRun);
		assertThat(onlyMailTo("science").getSubject()).startsWith("【数据报送回执】");
	}

	@Test
	void givenAReceiptRequested_onlyThatDepartmentHearsOfItsCleanLoad() throws Exception {
		inbox.copySeed("science/市科技局_科技成果转化_2024-12-31.xlsx", "science/市科技局_科技成果转化_2024-12-31.xlsx");
		inbox.copySeed("finance/市财政局_京长对口合作项目台账_2024-12-31.xlsx", LEDGER);

		long runId = completedRun(jobs, "answer-receipt");

		assertThat(smtp.getReceivedMessages()).singleElement().satisfies(mail -> {
			assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("keji@science.example");
			assertThat(mail.getSubject()).isEqualTo("【数据报送回执】市科技局：1个文件已入库（运行 " + runId + "）");
			assertThat(text(mail)).contains("市科技局_科技成果转化_2024-12-31.xlsx（报告期 2024年12月31日）", "特此回执");
		});
		assertThat(departmentMails.ofRun(runId)).extracting(DepartmentMail::kind).containsExactly("receipt");
	}

	@Test
	void givenARejectedFileLeftInTheInbox_itsDepartmentHearsOfItOnce() throws Exception {
		WorkbookBuilder.transfersWithAnUnknownCounty().writeTo(inbox.file("science/transfers-2024-12-31.xlsx"));

		long first = completedRun(jobs, "answer-once-1");
		long second = completedRun(jobs, "answer-once-2");

		assertThat(smtp.getReceivedMessages()).singleElement().satisfies(mail -> {
			assertThat(mail.getSubject()).startsWith("【数据报送退回】市科技局：1个文件需要更正（运行 " + first + "）");
			assertThat(text(mail)).contains("整表退回：2行中1行有误，超过5%的上限，上期数据继续有效");
		});
		assertThat(departmentMails.ofRun(second)).isEmpty();
	}

	private String page(String path) throws Exception {
		MockHttpServletResponse response = mvc.perform(get(path).with(user("operator").roles("OPERATOR")))
			.andReturn()
			.getResponse();
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString();
	}

	private MimeMessage onlyMailTo(String department) {
		MimeMessage[] mails = smtp.getReceivedMessagesForDomain(department + ".example");
		assertThat(mails).as("mails to %s", department).hasSize(1);
		return mails[0];
	}

	/**
	 * Each rejected cell's reference, value and both reasons, as the sheet lists them.
	 */
	private static List<List<String>> rejectRows(Sheet sheet) {
		DataFormatter formatter = new DataFormatter();
		List<List<String>> rows = new ArrayList<>();
		for (Row row : sheet) {
			if (row.getRowNum() >= 5) {
				rows.add(List.of(formatter.formatCellValue(row.getCell(1)), formatter.formatCellValue(row.getCell(3)),
						formatter.formatCellValue(row.getCell(4)), formatter.formatCellValue(row.getCell(5))));
			}
		}
		return rows;
	}

	/** Every red cell with a comment, by reference: its comment. */
	private static Map<String, String> marks(Sheet sheet) {
		Map<String, String> marks = new LinkedHashMap<>();
		for (Map.Entry<CellAddress, ? extends Comment> entry : sheet.getCellComments().entrySet()) {
			Cell cell = sheet.getRow(entry.getKey().getRow()).getCell(entry.getKey().getColumn());
			assertThat(cell.getCellStyle().getFillPattern()).isEqualTo(FillPatternType.SOLID_FOREGROUND);
			assertThat(cell.getCellStyle().getFillForegroundColor()).isEqualTo(IndexedColors.RED.getIndex());
			marks.put(entry.getKey().formatAsString(), entry.getValue().getString().getString());
		}
		return marks;
	}

	private static Map<String, String> expectedMarks(List<RejectedCell> rejects) {
		Map<String, String> marks = new LinkedHashMap<>();
		rejects.forEach(r -> marks.put(r.cellRef(), r.reasonZh() + "\n" + r.reasonEn()));
		return marks;
	}

	private static String allText(Workbook workbook) {
		DataFormatter formatter = new DataFormatter();
		StringBuilder text = new StringBuilder();
		workbook.forEach(sheet -> sheet.forEach(row -> row.forEach(c -> text.append(formatter.formatCellValue(c)))));
		return text.toString();
	}

	private static Map<String, byte[]> attachments(MimeMessage mail) throws Exception {
		Map<String, byte[]> files = new LinkedHashMap<>();
		if (mail.getContent() instanceof Multipart parts) {
			for (int i = 0; i < parts.getCount(); i++) {
				BodyPart part = parts.getBodyPart(i);
				if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
					files.put(MimeUtility.decodeText(part.getFileName()), part.getInputStream().readAllBytes());
				}
			}
		}
		return files;
	}

	private static String text(Part part) throws Exception {
		if (part.isMimeType("text/plain")) {
			return (String) part.getContent();
		}
		if (part.getContent() instanceof Multipart parts) {
			for (int i = 0; i < parts.getCount(); i++) {
				String text = text(parts.getBodyPart(i));
				if (text != null) {
					return text;
				}
			}
		}
		return null;
	}

	/**
	 * An amount that is not a number, in a ledger row no other department's file refers
	 * to (a rejected project would reject their rows too).
	 */
	private void plantLedgerError() {
		Set<String> referenced = referencedCodes();
		inbox.rewriteSeedLedger(LEDGER, sheet -> {
			int code = -1;
			int amount = -1;
			List<Row> rows = new ArrayList<>();
			for (Row row : sheet) {
				for (Cell cell : row) {
					if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals("项目编号")) {
						code = cell.getColumnIndex();
					}
					if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().startsWith("签约投资额")) {
						amount = cell.getColumnIndex();
					}
				}
				rows.add(row);
			}
			for (int i = rows.size() - 1; i >= 0; i--) {
				Cell codeCell = rows.get(i).getCell(code);
				if (codeCell != null && codeCell.getCellType() == CellType.STRING
						&& codeCell.getStringCellValue().matches("JC\\d{4}-\\d{4}")
						&& !referenced.contains(codeCell.getStringCellValue())) {
					rows.get(i).getCell(amount).setCellValue("-12x");
					return;
				}
			}
			throw new IllegalStateException("every ledger row is referenced");
		});
	}

	/** A count of teachers trained that is no number, in the first data row. */
	private void plantEducationError() throws IOException {
		try (HSSFWorkbook workbook = new HSSFWorkbook(
				Files.newInputStream(Path.of("seeds/inbox").resolve(EDUCATION)))) {
			for (Sheet sheet : workbook) {
				int column = -1;
				for (Row row : sheet) {
					for (Cell cell : row) {
						if (column < 0 && cell.getCellType() == CellType.STRING
								&& cell.getStringCellValue().startsWith("培训教师")) {
							column = cell.getColumnIndex();
						}
					}
					if (column >= 0 && row.getCell(column) != null
							&& row.getCell(column).getCellType() == CellType.NUMERIC) {
						row.getCell(column).setCellValue("很多");
						try (var out = Files.newOutputStream(inbox.file(EDUCATION))) {
							workbook.write(out);
						}
						return;
					}
				}
			}
		}
		throw new IllegalStateException("no 培训教师 column in " + EDUCATION);
	}

	/**
	 * A count of patients that is no number, in the first data row (GB18030, as sent).
	 */
	private void plantHealthError() throws IOException {
		List<String> lines = new ArrayList<>(Arrays
			.asList(new String(Files.readAllBytes(Path.of("seeds/inbox").resolve(HEALTH)), GB18030).split("\n")));
		String[] fields = lines.get(1).split(",", -1);
		fields[6] = "x" + fields[6];
		lines.set(1, String.join(",", fields));
		Files.write(inbox.file(HEALTH), String.join("\n", lines).getBytes(GB18030));
	}

	/** The project codes the education and health seeds refer to. */
	private static Set<String> referencedCodes() {
		Set<String> codes = new TreeSet<>();
		Pattern code = Pattern.compile("JC\\d{4}-\\d{4}");
		try {
			for (String csv : List.of(HEALTH, "health/市卫健委_卫生健康对口合作_20240630.csv")) {
				Matcher m = code.matcher(new String(Files.readAllBytes(Path.of("seeds/inbox").resolve(csv)), GB18030));
				while (m.find()) {
					codes.add(m.group());
				}
			}
			for (String xls : List.of(EDUCATION, "education/市教育局_教育对口合作统计表_2024上半年.xls")) {
				try (HSSFWorkbook workbook = new HSSFWorkbook(
						Files.newInputStream(Path.of("seeds/inbox").resolve(xls)))) {
					Matcher m = code.matcher(allText(workbook));
					while (m.find()) {
						codes.add(m.group());
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return codes;
	}

	/**
	 * A copy of config/ whose sources name their department's contact; science asks for
	 * receipts.
	 */
	private static Path configWithContacts() {
		Path dir = Path.of("target/answer-config");
		try {
			ProjectConfig.copyTo(dir);
			for (String source : List.of("finance-projects", "education-activities", "health-activities",
					"science-transfers")) {
				String department = source.substring(0, source.indexOf('-'));
				Path file = dir.resolve("sources/" + source + ".yml");
				Files.writeString(file, Files.readString(file) + "\nanswer: { contacts: [" + CONTACTS.get(department)
						+ "], receipt: " + department.equals("science") + " }\n");
			}
			return dir.toAbsolutePath();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static GreenMail startSmtp() {
		GreenMail mail = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		mail.start();
		return mail;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
