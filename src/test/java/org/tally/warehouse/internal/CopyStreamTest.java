package org.tally.warehouse.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tally.catalog.ColumnType;
import org.tally.support.TallyTest;

/**
 * Given rows sent to the COPY stream, others see them only once committed, and a failed
 * COPY says what it copied.
 */
@TallyTest
class CopyStreamTest {

	private static final String COPY = "COPY public.copy_stream_test (load_id, row_number, amount) FROM STDIN (FORMAT binary)";

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	private final BinaryCopyRows rows = new BinaryCopyRows(new ColumnType[] { ColumnType.DECIMAL });

	@BeforeEach
	void table() {
		jdbc.sql("CREATE TABLE public.copy_stream_test (load_id bigint, row_number integer, amount numeric(5,2))")
			.update();
	}

	@AfterEach
	void drop() {
		jdbc.sql("DROP TABLE public.copy_stream_test").update();
	}

	@Test
	void givenBatchesSent_theRowsAreVisibleOnlyAfterTheCommit() {
		try (CopyStream stream = new CopyStream(dataSource, "test-copy")) {
			stream.send(COPY, "load 1", List.of(tuple(1, "1.50"), tuple(2, "2.25")));
			stream.send(COPY, "load 1", List.of(tuple(3, "-3.00")));
			sleep(); // the stream's thread has stored them by now, uncommitted
			assertThat(count()).isZero();

			stream.commit();
			assertThat(count()).isEqualTo(3);

			stream.send(COPY, "load 2", List.of(tuple(4, "4.00")));
		}
		assertThat(count()).as("close commits what was sent").isEqualTo(4);
		assertThat(jdbc.sql("SELECT sum(amount) FROM public.copy_stream_test").query(BigDecimal.class).single())
			.isEqualByComparingTo("4.75");
	}

	@Test
	void givenARowPostgresRefuses_theCommitFailsNamingWhatWasCopiedAndNothingIsStored() {
		CopyStream stream = new CopyStream(dataSource, "test-copy");
		stream.send(COPY, "load 7 of warehouse.test", List.of(tuple(1, "1.00"), tuple(2, "12345.00")));

		assertThatThrownBy(stream::commit).isInstanceOf(CopyStream.CopyFailedException.class)
			.hasMessageContaining("load 7 of warehouse.test")
			.hasMessageContaining("numeric field overflow");
		assertThatThrownBy(() -> stream.send(COPY, "load 8", List.of(tuple(3, "1.00"))))
			.as("every later call reports the failure")
			.isInstanceOf(CopyStream.CopyFailedException.class);
		assertThatThrownBy(stream::close).isInstanceOf(CopyStream.CopyFailedException.class);
		assertThat(count()).isZero();
	}

	@Test
	void givenManyRowsAndOneLargerThanACopyMessage_everyRowArrivesWhole() {
		jdbc.sql("CREATE TABLE public.copy_stream_text (load_id bigint, row_number integer, note text)").update();
		try {
			BinaryCopyRows notes = new BinaryCopyRows(new ColumnType[] { ColumnType.TEXT });
			String copy = "COPY public.copy_stream_text (load_id, row_number, note) FROM STDIN (FORMAT binary)";
			String large = "长治".repeat(60_000); // 360 KB of UTF-8, over the 64 KB of one
												// CopyData message
			List<byte[]> batch = new java.util.ArrayList<>();
			for (int row = 1; row <= 3_000; row++) {
				batch.add(notes.tuple(1L, row, new Object[] { row == 1_500 ? large : "第" + row + "行 京长对口合作" }));
			}
			try (CopyStream stream = new CopyStream(dataSource, "test-copy")) {
				stream.send(copy, "load 1", batch.subList(0, 1_000));
				stream.send(copy, "load 1", batch.subList(1_000, 3_000));
			}

			assertThat(jdbc.sql("SELECT count(*) FROM public.copy_stream_text").query(Long.class).single())
				.isEqualTo(3_000);
			assertThat(jdbc.sql("SELECT note FROM public.copy_stream_text WHERE row_number = 1500")
				.query(String.class)
				.single()).isEqualTo(large);
			assertThat(jdbc.sql("SELECT note FROM public.copy_stream_text WHERE row_number = 2999")
				.query(String.class)
				.single()).isEqualTo("第2999行 京长对口合作");
		}
		finally {
			jdbc.sql("DROP TABLE public.copy_stream_text").update();
		}
	}

	private byte[] tuple(int row, String amount) {
		return rows.tuple(1L, row, new Object[] { new BigDecimal(amount) });
	}

	private long count() {
		return jdbc.sql("SELECT count(*) FROM public.copy_stream_test").query(Long.class).single();
	}

	private static void sleep() {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
