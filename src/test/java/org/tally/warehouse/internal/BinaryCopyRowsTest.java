package org.tally.warehouse.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.tally.catalog.ColumnType;
import org.tally.support.TallyTest;

/**
 * Given typed values written in binary COPY form, PostgreSQL reads back exactly those
 * values.
 */
@TallyTest
class BinaryCopyRowsTest {

	private static final ColumnType[] TYPES = { ColumnType.TEXT, ColumnType.INTEGER, ColumnType.DECIMAL,
			ColumnType.DATE, ColumnType.CODE };

	@Autowired
	DataSource dataSource;

	@Test
	void givenRandomRows_postgresReadsBackTheSameValues() throws Exception {
		Random random = new Random(20241231);
		List<Object[]> rows = new ArrayList<>();
		rows.add(new Object[] { "", 0L, BigDecimal.ZERO, LocalDate.of(2000, 1, 1), null });
		rows.add(new Object[] { "tab\tnewline\nback\\slash", Long.MIN_VALUE, new BigDecimal("-0.00000005"),
				LocalDate.of(1, 1, 1), "京长-2024-001" });
		rows.add(new Object[] { "京长对口合作", Long.MAX_VALUE, new BigDecimal("1E+3"), LocalDate.of(9999, 12, 31), "𠀀" });
		rows.add(new Object[] { null, null, new BigDecimal("0.12"), null, "x" });
		rows.add(new Object[] { "a", 1L, new BigDecimal("123456789012345678.99"), LocalDate.of(1899, 12, 30), "y" });
		for (int i = 0; i < 5000; i++) {
			rows.add(new Object[] { text(random), random.nextLong(), decimal(random),
					LocalDate.ofEpochDay(random.nextInt(2_000_000) - 800_000),
					random.nextBoolean() ? null : text(random) });
		}

		BinaryCopyRows copy = new BinaryCopyRows(TYPES);
		java.io.ByteArrayOutputStream stream = new java.io.ByteArrayOutputStream();
		stream.writeBytes(BinaryCopyRows.header());
		for (int i = 0; i < rows.size(); i++) {
			stream.writeBytes(copy.tuple(42L, i + 1, rows.get(i)));
		}
		stream.writeBytes(BinaryCopyRows.trailer());

		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE TEMPORARY TABLE copied (load_id bigint, row_number integer, t text, n bigint,"
					+ " d numeric, day date, c text)");
			connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("COPY copied FROM STDIN (FORMAT binary)", new ByteArrayInputStream(stream.toByteArray()));
			try (ResultSet rs = statement.executeQuery("SELECT * FROM copied ORDER BY row_number")) {
				int i = 0;
				while (rs.next()) {
					Object[] expected = rows.get(i++);
					assertThat(rs.getLong("load_id")).isEqualTo(42L);
					assertThat(rs.getInt("row_number")).isEqualTo(i);
					assertThat(rs.getString("t")).isEqualTo(expected[0]);
					assertThat(rs.getObject("n")).isEqualTo(expected[1]);
					BigDecimal d = rs.getBigDecimal("d");
					assertThat(d).as("row %d", i).isEqualByComparingTo((BigDecimal) expected[2]);
					assertThat(d.scale()).as("display scale of row %d", i)
						.isEqualTo(Math.max(0, ((BigDecimal) expected[2]).scale()));
					assertThat(rs.getObject("day", LocalDate.class)).isEqualTo(expected[3]);
					assertThat(rs.getString("c")).isEqualTo(expected[4]);
				}
				assertThat(i).isEqualTo(rows.size());
			}
			statement.execute("DROP TABLE copied");
		}
	}

	@Test
	void givenAnyText_itsBytesAreThoseOfStringGetBytes() {
		BinaryCopyRows copy = new BinaryCopyRows(new ColumnType[] { ColumnType.TEXT });
		Random random = new Random(7);
		List<String> texts = new ArrayList<>(List.of("", "abc", "é×·", "京长", "𠀀x", "lone \uD800 high",
				"lone \uDC00 low", "\uDC00\uD800 reversed", "end \uD800"));
		for (int i = 0; i < 2000; i++) {
			texts.add(text(random));
		}
		for (String text : texts) {
			byte[] utf8 = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
			java.nio.ByteBuffer expected = java.nio.ByteBuffer.allocate(2 + 4 + 8 + 4 + 4 + 4 + utf8.length);
			expected.putShort((short) 3).putInt(8).putLong(1L).putInt(4).putInt(2).putInt(utf8.length).put(utf8);
			assertThat(copy.tuple(1L, 2, new Object[] { text })).as(text).isEqualTo(expected.array());
		}
	}

	private static String text(Random random) {
		StringBuilder text = new StringBuilder();
		int length = random.nextInt(12);
		for (int i = 0; i < length; i++) {
			int kind = random.nextInt(5);
			text.appendCodePoint(switch (kind) {
				case 0 -> 'a' + random.nextInt(26);
				case 1 -> 0x4E00 + random.nextInt(0x5000); // CJK
				case 2 -> " \t\n\\,\"'".charAt(random.nextInt(7));
				case 3 -> 0x80 + random.nextInt(0x780); // two bytes in UTF-8: é, ×, ·
				default -> 0x20000 + random.nextInt(100); // beyond the BMP
			});
		}
		return text.toString();
	}

	private static BigDecimal decimal(Random random) {
		BigInteger unscaled = new BigInteger(1 + random.nextInt(80), random);
		if (random.nextBoolean()) {
			unscaled = unscaled.negate();
		}
		return new BigDecimal(unscaled, random.nextInt(14) - 2);
	}

}
