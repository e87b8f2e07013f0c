package org.tally.operate.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tally.bench.internal.LedgerFiles;
import org.tally.operate.Operations;
import org.tally.pipeline.RunSummary;
import org.tally.support.InboxRunTest;
import org.tally.support.TallyWebTest;

/**
 * Given a generated ledger of a million rows, the operator who runs now watches the run's
 * page follow it live, without reloading: the step it is in, the ledger being read and
 * its rows rising, until the run completes. In Debian's chromium (headless); skipped
 * where chromedriver is missing, as {@link ConsoleBrowserTest}.
 */
@TallyWebTest
class RunProgressBrowserTest extends InboxRunTest {

	static final String LEDGER = "finance/市财政局_京长对口合作项目台账_2024-12-31.csv";

	@LocalServerPort
	int port;

	@Autowired
	Operations operations;

	@TempDir
	Path temp;

	WebDriver browser;

	@BeforeEach
	void freshBrowser() throws IOException {
		Assumptions.assumeTrue(
				Files.isExecutable(ConsoleBrowserTest.CHROMEDRIVER) && Files.isExecutable(ConsoleBrowserTest.CHROMIUM),
				"needs chromium and chromium-driver (apt-get install chromium chromium-driver)");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(ConsoleBrowserTest.CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1400,1000", "--lang=zh-CN",
				"--user-data-dir=" + Files.createDirectories(temp.resolve("chromium-profile")));
		browser = new ChromeDriver(
				new ChromeDriverService.Builder().usingDriverExecutable(ConsoleBrowserTest.CHROMEDRIVER.toFile())
					.usingAnyFreePort()
					.build(),
				options);
		browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
	}

	@AfterEach
	void closeBrowserLetTheRunEndAndEmptyTheInbox() {
		if (browser != null) {
			browser.quit();
		}
		await().atMost(Duration.ofMinutes(5))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> operations.runs(10).stream().noneMatch(RunSummary::running));
		inbox.clear();
	}

	@Test
	void givenAMillionRowLedger_theRunPageShowsItsRowsRisingAtLeastThreeTimesBeforeTheRunCompletes()
			throws IOException {
		LedgerFiles.departmentCsv(inbox.root().resolve(LEDGER), 1_000_000);
		signIn();

		browser.findElement(By.id("run-now")).click();

		List<Long> rows = new ArrayList<>();
		Set<String> steps = new LinkedHashSet<>();
		String status = new WebDriverWait(browser, Duration.ofMinutes(10), Duration.ofMillis(200))
			.ignoring(StaleElementReferenceException.class)
			.until(page -> {
				page.findElements(By.id("current-step")).forEach(step -> steps.add(step.getText()));
				List<WebElement> reading = page.findElements(By.cssSelector("#progress-rows tr.reading"));
				if (!reading.isEmpty() && !reading.get(0).getAttribute("data-rows").isEmpty()) {
					long now = Long.parseLong(reading.get(0).getAttribute("data-rows"));
					if (rows.isEmpty() || now != rows.get(rows.size() - 1)) {
						rows.add(now);
					}
					if (rows.size() == 3) {
						screenshot("operator-run-progress");
					}
					assertThat(reading.get(0).getText()).contains(LEDGER).contains("reading").contains("%");
				}
				List<WebElement> badge = page.findElements(By.id("run-status"));
				String text = badge.isEmpty() ? "" : badge.get(0).getText();
				return List.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED").contains(text) ? text : null;
			});

		assertThat(status).isEqualTo("COMPLETED");
		assertThat(steps).contains("ingestSourceFilesStep");
		assertThat(rows).as("the rows read of the ledger, each time the page showed a new count")
			.hasSizeGreaterThanOrEqualTo(4)
			.isSorted();
		assertThat(browser.findElements(By.id("progress"))).as("an ended run's page has no progress to follow")
			.isEmpty();
	}

	private void signIn() {
		browser.get("http://localhost:" + port + "/login");
		browser.findElement(By.id("username")).sendKeys("operator");
		browser.findElement(By.id("password")).sendKeys("operator");
		browser.findElement(By.cssSelector("button[type=submit]")).click();
		new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !d.getCurrentUrl().contains("/login"));
	}

	private void screenshot(String name) {
		try {
			Files.createDirectories(ConsoleBrowserTest.SCREENSHOTS);
			Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(),
					ConsoleBrowserTest.SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot keep the screenshot " + name, ex);
		}
	}

}
