package org.tally.warehouse;

import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tally.catalog.ColumnDefinition;
import org.tally.catalog.ColumnType;
import org.tally.catalog.DatasetDefinition;
import org.tally.catalog.SqlIdentifier;
import org.tally.ingest.LoadContext;
import org.tally.validate.ValidRow;
import org.tally.warehouse.internal.BinaryCopyRows;

/**
 * Stages a chunk of valid rows: PostgreSQL binary COPY straight into warehouse.&lt;dataset&gt; under the
 * row's load id, on the chunk's own connection, so the COPY commits or rolls back with the chunk.
 * Nobody sees the rows until promotion makes their load current (every reader joins the current
 * loads), so they are written once, never copied again. Totals rows go to staging.totals_row.
 */
public class StagingWriter implements ItemWriter<ValidRow> {

	private final DataSource dataSource;
	private final JdbcClient jdbc;

	public StagingWriter(DataSource dataSource, JdbcClient jdbc) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
	}

	@Override
	public void write(Chunk<? extends ValidRow> chunk) throws SQLException, IOException {
		Map<DatasetDefinition, BinaryCopyRows> copies = new LinkedHashMap<>();
		List<ValidRow> totals = new ArrayList<>();
		for (ValidRow row : chunk) {
			if (row.totals()) {
				totals.add(row);
				continue;
			}
			copies.computeIfAbsent(row.context().dataset(), StagingWriter::rowsOf)
				.add(row.context().load().id(), row.rowNumber(), row.values());
		}
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try (var statement = connection.createStatement()) {
			// Staged rows are re-derivable: a restart re-reads every file not fully staged, so a chunk
			// need not wait for its WAL flush. Promotion, which makes data current, stays synchronous.
			statement.execute("SET LOCAL synchronous_commit = off");
		}
		if (!copies.isEmpty()) {
			var copyApi = connection.unwrap(PGConnection.class).getCopyAPI();
			for (Map.Entry<DatasetDefinition, BinaryCopyRows> copy : copies.entrySet()) {
				byte[] rows = copy.getValue().finish();
				copyApi.copyIn(copySql(copy.getKey()), new ByteArrayInputStream(rows, 0, copy.getValue().length()));
			}
		}
		for (ValidRow row : totals) {
			writeTotals(row);
		}
	}

	private static BinaryCopyRows rowsOf(DatasetDefinition dataset) {
		return new BinaryCopyRows(dataset.columns().stream().map(ColumnDefinition::type).toArray(ColumnType[]::new));
	}

	/** Binary COPY: typed values travel as they are, with no text to print here or to parse there. */
	private static String copySql(DatasetDefinition dataset) {
		StringBuilder sql = new StringBuilder("COPY warehouse.").append(SqlIdentifier.quote(dataset.name()))
			.append(" (load_id, row_number");
		for (ColumnDefinition column : dataset.columns()) {
			sql.append(", ").append(SqlIdentifier.quote(column.name()));
		}
		return sql.append(") FROM STDIN (FORMAT binary)").toString();
	}

	private void writeTotals(ValidRow row) {
		LoadContext context = row.context();
		List<ColumnDefinition> columns = context.dataset().columns();
		for (int i = 0; i < columns.size(); i++) {
			if (row.values()[i] instanceof Number number) {
				jdbc.sql("""
						INSERT INTO staging.totals_row (load_id, row_number, column_name, cell_ref, value)
						VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
					.params(context.load().id(), row.rowNumber(), columns.get(i).name(),
							context.cellRef(i, row.rowNumber()), new BigDecimal(number.toString()))
					.update();
			}
		}
	}
}
