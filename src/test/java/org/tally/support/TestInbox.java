package org.tally.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.tally.bench.internal.LedgerFiles;

/**
 * The inbox of the integration tests: emptied per test, filled with seeds or files built
 * in the test.
 */
public final class TestInbox {

	private final Path root;

	TestInbox(Path root) {
		this.root = root;
	}

	public Path root() {
		return root;
	}

	/** Empties the inbox. */
	public TestInbox clear() {
		try {
			if (Files.exists(root)) {
				try (Stream<Path> walk = Files.walk(root)) {
					walk.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(root)).forEach(TestInbox::delete);
				}
			}
			Files.createDirectories(root);
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Copies the committed sample inbox (seeds/inbox) in. */
	public TestInbox withSeeds() {
		return copyTree(Path.of("seeds/inbox"));
	}

	/** Copies one committed seed file to {@code department/name}. */
	public Path copySeed(String seedRelativePath, String targetRelativePath) {
		try {
			Path target = root.resolve(targetRelativePath);
			Files.createDirectories(target.getParent());
			return Files.copy(Path.of("seeds/inbox").resolve(seedRelativePath), target,
					StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Where a test writes a file of its own for a department folder. */
	public Path file(String relativePath) {
		try {
			Path file = root.resolve(relativePath);
			Files.createDirectories(file.getParent());
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Replaces a project ledger ({@code department/name.xlsx}) by a copy of its seed with
	 * a change made on the sheet 项目台账.
	 */
	public void rewriteSeedLedger(String ledger, Consumer<Sheet> change) {
		Path target = file(ledger);
		try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(Path.of("seeds/inbox").resolve(ledger)))) {
			change.accept(workbook.getSheet("项目台账"));
			try (var out = Files.newOutputStream(target)) {
				workbook.write(out);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A corrected seed ledger in which the first started project's start date moved into
	 * 2025: the check projects_started_by_period_end fails on it.
	 */
	public void plantStartDateAfterPeriodEnd(String ledger) {
		rewriteSeedLedger(ledger, sheet -> {
			for (Row row : sheet) {
				Cell date = row.getCell(10);
				if (row.getRowNum() > 2 && date != null && date.getCellType() == CellType.NUMERIC) {
					date.setCellValue("2025年1月15日");
					return;
				}
			}
		});
	}

	/**
	 * Replaces the year-end ledger by a generated one of {@code rows} projects (made in
	 * {@code workDir}): a load long enough for a test to act while it runs.
	 */
	public void withLargeYearEndLedger(Path workDir, int rows) {
		try {
			Files.copy(LedgerFiles.forRows(workDir, rows).xlsx(), file("finance/市财政局_京长对口合作项目台账_2024-12-31.xlsx"),
					StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public void remove(String relativePath) {
		delete(root.resolve(relativePath));
	}

	private TestInbox copyTree(Path source) {
		try (Stream<Path> walk = Files.walk(source)) {
			for (Path from : walk.filter(Files::isRegularFile).toList()) {
				Path to = root.resolve(source.relativize(from).toString());
				Files.createDirectories(to.getParent());
				Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
			}
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void delete(Path path) {
		try {
			Files.deleteIfExists(path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
