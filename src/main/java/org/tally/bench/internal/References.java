package org.tally.bench.internal;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;
import java.util.List;
import javax.sql.DataSource;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.postgresql.PGConnection;

/**
 * The standalone references Tally is measured against: the fastest XLSX reader, and plain
 * COPY.
 */
public final class References {

	private References() {
	}

	/** Parse-only over several ledgers, one after the other. */
	public static long fastexcelRows(List<Path> ledgers) throws IOException {
		long rows = 0;
		for (Path ledger : ledgers) {
			rows += fastexcelRows(ledger);
		}
		return rows;
	}

	/**
	 * Parse-only: dhatim fastexcel-reader counts the rows and sums the committed column.
	 */
	public static long fastexcelRows(Path xlsx) throws IOException {
		long rows = 0;
		BigDecimal sum = BigDecimal.ZERO;
		try (ReadableWorkbook workbook = new ReadableWorkbook(xlsx.toFile());
				var stream = workbook.getFirstSheet().openStream()) {
			Iterator<Row> iterator = stream.iterator();
			while (iterator.hasNext()) {
				Row row = iterator.next();
				if (row.getRowNum() <= 3 || row.getCellCount() < 8) {
					continue;
				}
				Cell committed = row.getCell(7);
				if (committed != null && committed.getType() == CellType.NUMBER) {
					sum = sum.add(committed.asNumber());
					rows++;
				}
			}
		}
		if (sum.signum() < 0) {
			throw new IllegalStateException("impossible sum " + sum); // keeps the sum
																		// from being
																		// optimised away
		}
		return rows - 1; // the totals row is numeric too
	}

	/** COPY-only: the plain CSV into an unlogged table of the ledger's columns. */
	public static long copyRows(DataSource dataSource, Path plainCsv) throws SQLException, IOException {
		try (Connection connection = dataSource.getConnection()) {
			try (Statement statement = connection.createStatement()) {
				statement.execute("DROP TABLE IF EXISTS public.bench_copy");
				statement.execute("""
						CREATE UNLOGGED TABLE public.bench_copy (seq integer, project_code text, project_name text,
						  county text, field text, partner text, partner_type text, committed numeric(20,2),
						  completed numeric(20,2), status text, start_date date, allocated numeric(20,2),
						  disbursed numeric(20,2))""");
			}
			try (Reader reader = Files.newBufferedReader(plainCsv, StandardCharsets.UTF_8)) {
				return connection.unwrap(PGConnection.class)
					.getCopyAPI()
					.copyIn("COPY public.bench_copy FROM STDIN (FORMAT csv, HEADER true)", reader);
			}
			finally {
				try (Statement statement = connection.createStatement()) {
					statement.execute("DROP TABLE IF EXISTS public.bench_copy");
				}
			}
		}
	}

}
