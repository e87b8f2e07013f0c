package org.tally.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Given the press workbook with the twelve counties, LibreOffice (headless, as WPS reads
 * OOXML the same way) prints the by-county chart to PDF, and the page, as pdftoppm draws
 * it, shows both series as bars: one pair per county in order, standing on the category
 * axis, as tall as their 亿元 values, with their legend keys below; the axis and legend
 * read in 亿元 and the figures' labels. LibreOffice starts once for the class, with its own
 * profile so that it runs beside any other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PressChartRenderTest {

	/** Per colour channel: anti-aliasing touches only the edges of a solid bar. */
	static final int TOLERANCE = 12;

	static final int DPI = 100;

	Path dir;

	BufferedImage page;

	String pageText;

	@BeforeAll
	void render(@TempDir Path dir) throws Exception {
		this.dir = dir;
		assumeTrue(onPath("soffice"), "LibreOffice (soffice) is not installed");
		assumeTrue(onPath("pdftoppm") && onPath("pdftotext"), "poppler-utils (pdftoppm) is not installed");
		Path workbook = dir.resolve("press.xlsx");
		Files.write(workbook, PressChartTest.xlsx());
		run("soffice", "-env:UserInstallation=" + dir.resolve("profile").toUri(), "--headless", "--convert-to", "pdf",
				"--outdir", dir.toString(), workbook.toString());
		Path pdf = dir.resolve("press.pdf");
		run("pdftoppm", "-r", Integer.toString(DPI), "-png", pdf.toString(), dir.resolve("page").toString());
		// the page of the chart: the one with most of the committed colour
		Path chartPage = null;
		long most = 0;
		try (Stream<Path> pages = Files.list(dir)) {
			for (Path png : pages.filter(p -> p.getFileName().toString().matches("page-\\d+\\.png")).toList()) {
				BufferedImage image = ImageIO.read(png.toFile());
				long count = count(image, PressChart.COMMITTED_RGB);
				if (count > most) {
					most = count;
					page = image;
					chartPage = png;
				}
			}
		}
		assertThat(chartPage).as("a page showing the committed colour").isNotNull();
		String number = chartPage.getFileName().toString().replaceAll("\\D", "").replaceFirst("^0+", "");
		run("pdftotext", "-f", number, "-l", number, pdf.toString(), dir.resolve("page.txt").toString());
		pageText = Files.readString(dir.resolve("page.txt"), StandardCharsets.UTF_8);
	}

	@Test
	void givenLibreOffice_bothSeriesStandAsBarsOnOneBaselineInTheCountyOrder() {
		List<Box> committed = bars(PressChart.COMMITTED_RGB);
		List<Box> completed = bars(PressChart.COMPLETED_RGB);

		assertThat(committed).as("committed bars").hasSize(PressChartTest.COUNTIES.size());
		assertThat(completed).as("completed bars").hasSize(PressChartTest.COUNTIES.size());
		int baseline = committed.get(0).bottom();
		Stream.concat(committed.stream(), completed.stream())
			.forEach(bar -> assertThat(bar.bottom()).as("bar %s on the axis", bar).isCloseTo(baseline, within(1)));
		for (int i = 0; i < committed.size(); i++) {
			assertThat(completed.get(i).left()).as("county %d: completed right beside committed", i)
				.isBetween(committed.get(i).right(), committed.get(i).right() + 3);
			if (i + 1 < committed.size()) {
				assertThat(committed.get(i + 1).left()).as("a gap before county %d", i + 1)
					.isGreaterThan(completed.get(i).right() + 3);
			}
		}
	}

	@Test
	void givenLibreOffice_theBarsAreAsTallAsTheirValuesIn100MillionYuan() {
		List<Box> committed = bars(PressChart.COMMITTED_RGB);
		List<Box> completed = bars(PressChart.COMPLETED_RGB);
		List<BigDecimal> committedYi = PressChartTest.COUNTIES.stream()
			.map(c -> PressWorkbook.inYi(c.committed()))
			.toList();
		List<BigDecimal> completedYi = PressChartTest.COUNTIES.stream()
			.map(c -> PressWorkbook.inYi(c.completed()))
			.toList();
		BigDecimal largest = committedYi.stream().max(Comparator.naturalOrder()).orElseThrow();
		int tallest = committed.stream().mapToInt(Box::height).max().orElseThrow();

		for (int i = 0; i < committed.size(); i++) {
			assertThat((double) committed.get(i).height() / tallest).as("committed, county %d", i)
				.isCloseTo(ratio(committedYi.get(i), largest), within(0.03));
			assertThat((double) completed.get(i).height() / tallest).as("completed, county %d", i)
				.isCloseTo(ratio(completedYi.get(i), largest), within(0.03));
		}
	}

	@Test
	void givenLibreOffice_theLegendKeysShowBothColoursBelowThePlotArea() {
		int baseline = bars(PressChart.COMMITTED_RGB).get(0).bottom();

		for (int rgb : new int[] { PressChart.COMMITTED_RGB, PressChart.COMPLETED_RGB }) {
			assertThat(boxes(rgb)).as("legend key of %06X", rgb).anyMatch(box -> box.top() > baseline);
		}
	}

	@Test
	void givenLibreOffice_thePageReadsIn100MillionYuanWithTheFigureLabels() {
		assertThat(pageText).contains(PressChart.VALUE_AXIS_TITLE, "社会资金签约额", "完成投资额", "潞州区", "沁源县")
			.doesNotContain("15,000,000,000", "committed_investment");
	}

	/**
	 * The bars of one colour from left to right: its boxes that share the commonest
	 * bottom.
	 */
	private List<Box> bars(int rgb) {
		List<Box> boxes = boxes(rgb);
		Map<Integer, Long> bottoms = boxes.stream().collect(Collectors.groupingBy(Box::bottom, Collectors.counting()));
		int baseline = bottoms.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
		return boxes.stream()
			.filter(box -> Math.abs(box.bottom() - baseline) <= 1)
			.sorted(Comparator.comparingInt(Box::left))
			.toList();
	}

	/**
	 * The solid rectangles of one colour: vertical runs of it, joined across neighbouring
	 * columns while their top and bottom agree.
	 */
	private List<Box> boxes(int rgb) {
		List<Box> done = new ArrayList<>();
		List<Box> open = new ArrayList<>();
		for (int x = 0; x < page.getWidth(); x++) {
			List<Box> next = new ArrayList<>();
			int y = 0;
			while (y < page.getHeight()) {
				if (!matches(page.getRGB(x, y), rgb)) {
					y++;
					continue;
				}
				int top = y;
				while (y < page.getHeight() && matches(page.getRGB(x, y), rgb)) {
					y++;
				}
				Box run = new Box(x, x, top, y - 1);
				Box joined = open.stream()
					.filter(box -> Math.abs(box.top() - run.top()) <= 1 && Math.abs(box.bottom() - run.bottom()) <= 1)
					.findFirst()
					.orElse(null);
				if (joined != null) {
					open.remove(joined);
					next.add(new Box(joined.left(), x, joined.top(), joined.bottom()));
				}
				else {
					next.add(run);
				}
			}
			done.addAll(open);
			open = next;
		}
		done.addAll(open);
		return done.stream().filter(box -> box.width() >= 3 && box.height() >= 3).toList();
	}

	private static long count(BufferedImage image, int rgb) {
		long count = 0;
		for (int x = 0; x < image.getWidth(); x++) {
			for (int y = 0; y < image.getHeight(); y++) {
				if (matches(image.getRGB(x, y), rgb)) {
					count++;
				}
			}
		}
		return count;
	}

	private static boolean matches(int pixel, int rgb) {
		return Math.abs(((pixel >> 16) & 0xFF) - ((rgb >> 16) & 0xFF)) <= TOLERANCE
				&& Math.abs(((pixel >> 8) & 0xFF) - ((rgb >> 8) & 0xFF)) <= TOLERANCE
				&& Math.abs((pixel & 0xFF) - (rgb & 0xFF)) <= TOLERANCE;
	}

	private static double ratio(BigDecimal value, BigDecimal largest) {
		return value.divide(largest, MathContext.DECIMAL64).doubleValue();
	}

	private void run(String... command) throws IOException, InterruptedException {
		Path log = dir.resolve(command[0] + ".log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("%s finished", command[0]).isTrue();
		assertThat(process.exitValue()).as(Files.readString(log)).isZero();
	}

	private static boolean onPath(String program) {
		String path = System.getenv("PATH");
		return path != null
				&& Arrays.stream(path.split(File.pathSeparator)).anyMatch(d -> Files.isExecutable(Path.of(d, program)));
	}

	/** A rectangle of pixels, edges included. */
	record Box(int left, int right, int top, int bottom) {

		int width() {
			return right - left + 1;
		}

		int height() {
			return bottom - top + 1;
		}

	}

}
