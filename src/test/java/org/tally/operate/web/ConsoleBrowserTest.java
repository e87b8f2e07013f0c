package org.tally.operate.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tally.operate.Actor;
import org.tally.operate.Operations;
import org.tally.pipeline.RunSummary;
import org.tally.support.TallyWebTest;
import org.tally.support.SeedInboxTest;

/**
 * The console and press pages in a real browser (Debian's chromium through chromedriver,
 * headless), against the application on a free port: an operator runs, watches, reads
 * rejects and uploads a corrected file; the press office sees verified figures only and
 * checks a release. Screenshots of the pages go to docs/screenshots. Skipped where
 * /usr/bin/chromedriver is missing; CI installs it.
 */
@TallyWebTest
class ConsoleBrowserTest extends SeedInboxTest {

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	/**
	 * Screenshots go to target/screenshots; `mvn verify
	 * -Dtally.screenshots=docs/screenshots` refreshes the README's, so an ordinary test
	 * run leaves the work tree as it was.
	 */
	static final Path SCREENSHOTS = Path.of(System.getProperty("tally.screenshots", "target/screenshots"));
	static final Charset GBK = Charset.forName("GBK");
	static final String HEALTH_YEAR_END = "health/市卫健委_卫生健康对口合作_20241231.csv";
	static final String LEDGER = "finance/市财政局_京长对口合作项目台账_2024-12-31.xlsx";

	@LocalServerPort
	int port;

	@Autowired
	Operations operations;

	@Autowired
	DataSource dataSource;

	@TempDir
	Path temp;

	WebDriver browser;

	@BeforeEach
	void freshBrowser() throws IOException {
		Assumptions.assumeTrue(Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM),
				"needs chromium and chromium-driver (apt-get install chromium chromium-driver)");
		// Contexts started later in the same JVM set org.tally to WARN; a run's page
		// shows its INFO lines.
		LoggingSystem.get(getClass().getClassLoader()).setLogLevel("org.tally", LogLevel.INFO);
		Files.createDirectories(SCREENSHOTS);
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1400,1000", "--lang=zh-CN",
				"--user-data-dir=" + Files.createDirectories(temp.resolve("chromium-profile")));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		browser = new ChromeDriver(service, options);
		browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
		// After a click that posts a form, find waits for the next page's elements
		// instead of failing at once.
		browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(10));
	}

	@AfterEach
	void closeBrowserAndLetRunsEnd() throws InterruptedException {
		if (browser != null) {
			browser.quit();
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while (operations.runs(10).stream().anyMatch(RunSummary::running) && System.nanoTime() < deadline) {
			Thread.sleep(200);
		}
	}

	@Test
	void givenABadRowInTheInbox_theOperatorRunsNowWatchesTheRunFinishAndOpensItsRejects() throws Exception {
		plantBadCountyRow();
		signIn("operator", "operator");

		browser.findElement(By.id("run-now")).click();

		String status = waitForRunToEnd();
		assertThat(status).isEqualTo("COMPLETED");
		assertThat(browser.findElement(By.id("steps")).getText()).contains("ingestSourceFiles");
		assertThat(browser.findElement(By.id("log")).getText()).as("the run's lines of the JSON log")
			.contains("reading");
		screenshot("operator-run-detail");

		browser.findElement(By.id("rejects-link")).click();
		String rejects = browser.findElement(By.id("rejects")).getText();
		assertThat(rejects).contains("E22").contains("朝阳区");

		HttpResponse<byte[]> workbook = get(browser.findElement(By.id("rejects-download")).getAttribute("href"));
		assertThat(workbook.statusCode()).isEqualTo(200);
		assertThat(workbook.headers().firstValue("Content-Type"))
			.hasValueSatisfying(t -> assertThat(t).contains("spreadsheetml"));
		assertThat(new String(workbook.body(), 0, 2, StandardCharsets.ISO_8859_1)).as("a zip: an xlsx").isEqualTo("PK");

		browser.findElement(By.id("nav-runs")).click();
		assertThat(browser.findElement(By.id("runs")).getText()).contains("COMPLETED").contains("web:operator@");
		screenshot("operator-runs");
	}

	@Test
	void givenACorrectedFile_theOperatorSeesItsPreviewWithTheCellReferenceAndAcceptsItIntoTheInbox() throws Exception {
		run("ledger"); // the health file's project codes are checked against the current
						// ledger
		Path corrected = temp.resolve("市卫健委_卫生健康对口合作_20241231_更正.csv");
		List<String> lines = new ArrayList<>(Files.readAllLines(Path.of("seeds/inbox").resolve(HEALTH_YEAR_END), GBK));
		lines.set(2, lines.get(2).replace(",68,", ",很多,")); // row 3: 派驻专家 is not a number
		Files.write(corrected, lines, GBK);
		signIn("operator", "operator");

		browser.findElement(By.id("nav-files")).click();
		new Select(browser.findElement(By.id("upload-source"))).selectByValue("health-activities");
		browser.findElement(By.id("upload-file")).sendKeys(corrected.toAbsolutePath().toString());
		browser.findElement(By.id("upload")).click();

		assertThat(browser.findElement(By.id("rows-read")).getText()).isEqualTo("21");
		assertThat(browser.findElement(By.id("rows-rejected")).getText()).isEqualTo("1");
		String problems = browser.findElement(By.id("problems")).getText();
		assertThat(problems).contains("F3").contains("很多");
		// The same inspection as `tally inspect`: how the file was read, and each row's
		// kind.
		assertThat(browser.findElement(By.id("encoding")).getText()).startsWith("GB18030 · not UTF-8");
		assertThat(browser.findElement(By.id("period")).getText())
			.isEqualTo("2024-12-31 · from the file name " + corrected.getFileName());
		assertThat(browser.findElement(By.id("header-cells")).getText()).contains("项目编号 project_code 项目编号");
		assertThat(browser.findElement(By.id("units")).getText()).contains("funds_allocated 万元 HEADER H1");
		assertThat(browser.findElements(By.cssSelector("#rows td.kind")).stream().map(WebElement::getText).toList())
			.hasSize(22)
			.endsWith("TOTALS", "NOTE");
		assertThat(inbox.root().resolve("health").resolve(corrected.getFileName().toString())).as("not before accepted")
			.doesNotExist();
		screenshot("operator-upload-preview");

		browser.findElement(By.id("accept")).click();

		assertThat(browser.findElement(By.id("message")).getText()).contains("inbox/health/" + corrected.getFileName());
		assertThat(inbox.root().resolve("health").resolve(corrected.getFileName().toString())).exists();
		assertThat(warehouse.strings("SELECT actor || ' ' || action || ' ' || target || ' ' || outcome FROM ops.audit"
				+ " ORDER BY id DESC LIMIT 1"))
			.containsExactly("operator upload inbox/health/" + corrected.getFileName() + " ok");
	}

	@Test
	void givenARunThatHangs_theOperatorStopsItFromItsPageAndRestartsItToCompletion() throws Exception {
		signIn("operator", "operator");
		try (Connection blocker = dataSource.getConnection()) {
			// Another session holds the ledger table: the run hangs in its first step
			// until released.
			blocker.setAutoCommit(false);
			try (Statement lock = blocker.createStatement()) {
				lock.execute("LOCK TABLE warehouse.projects IN ACCESS EXCLUSIVE MODE");
			}
			browser.findElement(By.id("run-now")).click();
			new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(300))
				.ignoring(StaleElementReferenceException.class)
				.until(d -> {
					d.navigate().refresh();
					return !d.findElements(By.id("stop")).isEmpty();
				});
			browser.findElement(By.id("stop")).click();
			new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
				.until(d -> d.findElement(By.id("run-status")).getText().startsWith("STOPP"));
			blocker.rollback();
		}
		assertThat(waitForRunToEnd()).isEqualTo("STOPPED");

		browser.findElement(By.id("restart")).click();
		assertThat(browser.findElements(By.id("error"))).as("the restart is not refused")
			.extracting(WebElement::getText)
			.isEmpty();

		// The page still says STOPPED until the restarted execution has moved on.
		String restarted = new WebDriverWait(browser, Duration.ofSeconds(240), Duration.ofMillis(500))
			.ignoring(StaleElementReferenceException.class)
			.until(d -> {
				d.navigate().refresh();
				String status = d.findElement(By.id("run-status")).getText();
				return List.of("COMPLETED", "FAILED", "ABANDONED").contains(status) ? status : null;
			});
		assertThat(restarted).isEqualTo("COMPLETED");
		browser.findElement(By.id("nav-audit")).click();
		assertThat(browser.findElement(By.id("audit")).getText()).contains("stop").contains("restart");
	}

	@Test
	void givenTheNightlySchedule_theOperatorPausesAndResumesItAndBothAreAudited() throws Exception {
		operations.resume("nightly", Actor.web("test", "127.0.0.1"));
		signIn("operator", "operator");

		browser.findElement(By.id("pause-nightly")).click();
		// The form posts and redirects: wait for the new page rather than reading the old
		// one.
		new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
			.until(d -> d.findElement(By.id("schedules")).getText().contains("PAUSED"));
		browser.findElement(By.id("resume-nightly")).click();
		new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
			.until(d -> !d.findElement(By.id("schedules")).getText().contains("PAUSED"));

		browser.findElement(By.id("nav-audit")).click();
		String audit = browser.findElement(By.id("audit")).getText();
		assertThat(audit).contains("resume").contains("pause").contains("schedule nightly");
		screenshot("operator-audit");
	}

	@Test
	void givenAnUploadOfTheWrongType_itIsRefusedAndNothingReachesTheInbox() throws Exception {
		Path script = Files.writeString(temp.resolve("evil.sh"), "rm -rf /\n");
		signIn("operator", "operator");
		browser.get(url("/files"));
		browser.findElement(By.id("upload-file")).sendKeys(script.toAbsolutePath().toString());
		browser.findElement(By.id("upload")).click();

		assertThat(browser.findElement(By.id("error")).getText()).contains("only xlsx, xlsm, xls, csv");
		assertThat(inbox.root().resolve("health/evil.sh")).doesNotExist();
	}

	@Test
	void givenAFailedCheckInALaterRun_thePressSeesOnlyVerifiedFiguresAndFindsTheSeedReleaseConsistent()
			throws Exception {
		run("verified");
		inbox.plantStartDateAfterPeriodEnd(LEDGER);
		long second = run("corrected-ledger");

		signIn("operator", "operator");
		browser.get(url("/figures"));
		String operatorsView = browser.findElement(By.id("figure-started_projects")).getText();
		assertThat(operatorsView).contains("unverified").contains("projects_started_by_period_end");
		browser.get(url("/checks"));
		assertThat(browser.findElement(By.id("checks")).getText()).contains("projects_started_by_period_end");
		browser.manage().deleteAllCookies();

		signIn("press", "press");
		assertThat(browser.getCurrentUrl()).endsWith("/press");
		String started = browser.findElement(By.id("figure-started_projects")).getText();
		assertThat(started).contains("87个").contains("版本 version 1");
		assertThat(browser.getPageSource()).doesNotContain("unverified")
			.doesNotContain("projects_started_by_period_end");
		assertThat(browser.findElements(By.cssSelector("#charts svg.chart"))).hasSize(2);
		for (String forbidden : List.of("/", "/runs/" + second, "/files", "/checks", "/figures", "/audit",
				"/figures/started_projects")) {
			int status = get(url(forbidden)).statusCode();
			assertThat(status).as("press GET %s", forbidden).isIn(302, 403);
			if (!forbidden.equals("/")) {
				assertThat(status).as("press GET %s", forbidden).isEqualTo(403);
			}
		}
		((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
		screenshot("press-figures", 1400, 2000);

		String release = Files.readString(Path.of("src/test/resources/org/tally/claims/seed-press-release.txt"));
		((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]",
				browser.findElement(By.id("claims-text")), release);
		browser.findElement(By.id("check-claims")).click();

		assertThat(browser.findElement(By.id("claims-summary")).getText()).startsWith("7 处数据 claims：7 一致 consistent");
		assertThat(browser.findElements(By.cssSelector("#verdicts tr.verdict-CONSISTENT"))).hasSize(7);
		((JavascriptExecutor) browser).executeScript("document.getElementById('claims-form').scrollIntoView()");
		screenshot("press-claim-check");

		HttpResponse<byte[]> export = get(url("/press/export.xlsx"));
		assertThat(export.statusCode()).isEqualTo(200);
		assertThat(new String(export.body(), 0, 2, StandardCharsets.ISO_8859_1)).as("a zip: an xlsx").isEqualTo("PK");
	}

	@Test
	void givenADraftWithAFalseFigure_thePressPageColoursEachClaimByItsVerdictAndExplainsItOnHoverOrFocus()
			throws Exception {
		run("claims-page");
		signIn("press", "press");
		String draft = Files.readString(Path.of("src/test/resources/claims/02-traditional-changes.txt"))
				+ "北京各类企业在长治签约投资超过700亿元。";
		((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]",
				browser.findElement(By.id("claims-text")), draft);
		browser.findElement(By.id("check-claims")).click();

		List<WebElement> consistent = browser.findElements(By.cssSelector("#checked-text mark.claim-CONSISTENT"));
		WebElement contradicted = browser.findElement(By.cssSelector("#checked-text mark.claim-CONTRADICTED"));
		assertThat(consistent).hasSize(10);
		assertThat(consistent.get(1).getText()).isEqualTo("增加97亿元");
		assertThat(contradicted.getText()).isEqualTo("超过700亿元");
		assertThat(contradicted.getCssValue("background-color"))
			.isNotEqualTo(consistent.get(0).getCssValue("background-color"));
		assertThat(contradicted.getAttribute("title")).contains("602.37亿元").contains("应为“超600亿元”");
		WebElement note = browser.findElement(By.id(contradicted.getAttribute("aria-describedby")));
		assertThat(note.isDisplayed()).isFalse();

		new Actions(browser).moveToElement(contradicted).perform();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> note.isDisplayed());
		assertThat(note.getText()).contains("与“超过700亿元”不符，应为“超600亿元”").contains("should read");
		screenshot("press-claim-highlights");

		WebElement change = consistent.get(1);
		WebElement changeNote = browser.findElement(By.id(change.getAttribute("aria-describedby")));
		new Actions(browser).moveToElement(browser.findElement(By.id("claims-summary"))).perform();
		((JavascriptExecutor) browser).executeScript("arguments[0].focus()", change);
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> changeNote.isDisplayed());
		assertThat(changeNote.getText()).contains("602.37亿元 − 504.95亿元（2024-06-30）= 97.42亿元，与“增加97亿元”一致");
	}

	private String waitForRunToEnd() {
		return new WebDriverWait(browser, Duration.ofSeconds(240), Duration.ofMillis(500))
			.ignoring(StaleElementReferenceException.class)
			.until(driver -> {
				List<WebElement> status = driver.findElements(By.id("run-status"));
				if (status.isEmpty()) {
					return null;
				}
				String text = status.get(0).getText();
				return List.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED").contains(text) ? text : null;
			});
	}

	private void signIn(String user, String password) {
		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys(user);
		browser.findElement(By.id("password")).sendKeys(password);
		browser.findElement(By.cssSelector("button[type=submit]")).click();
		new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !d.getCurrentUrl().contains("/login"));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	/**
	 * A GET with the browser's session: for downloads and status codes, which a browser
	 * does not show.
	 */
	private HttpResponse<byte[]> get(String url) throws IOException, InterruptedException {
		String cookies = browser.manage()
			.getCookies()
			.stream()
			.map(c -> c.getName() + "=" + c.getValue())
			.reduce((a, b) -> a + "; " + b)
			.orElse("");
		HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookies).GET().build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
	}

	private void screenshot(String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		Path file = SCREENSHOTS.resolve(name + ".png");
		Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), file,
				StandardCopyOption.REPLACE_EXISTING);
	}

	private void screenshot(String name, int width, int height) throws IOException {
		Dimension before = browser.manage().window().getSize();
		browser.manage().window().setSize(new Dimension(width, height));
		screenshot(name);
		browser.manage().window().setSize(before);
	}

	/**
	 * A row of the year-end health sheet naming a county outside Changzhi: rejected at
	 * E22.
	 */
	private void plantBadCountyRow() throws IOException {
		Path file = inbox.root().resolve(HEALTH_YEAR_END);
		List<String> lines = new ArrayList<>(Files.readAllLines(file, GBK));
		// after data row 20 (line 21), before the totals row: the totals stay right, the
		// reject rate under 5 %
		lines.add(21, "21,JC2023-0022,首都医科大学附属北京朝阳医院,武乡县中医医院,朝阳区,10,100,1.00,1.00");
		Files.write(file, lines, GBK);
	}

	private long run(String trigger) throws Exception {
		return jobs
			.startJob(new JobParametersBuilder().addString("trigger", "test:web:" + trigger + ":" + System.nanoTime())
				.toJobParameters())
			.getJobInstance()
			.getInstanceId();
	}

}
