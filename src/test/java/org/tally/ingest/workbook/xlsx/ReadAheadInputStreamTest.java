package org.tally.ingest.workbook.xlsx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Given a source read ahead on another thread, the reader sees exactly its bytes, then
 * its failure.
 */
class ReadAheadInputStreamTest {

	@Test
	void givenSourcesOfEverySize_theReaderGetsTheSameBytesWhateverItsReads() throws IOException {
		Random random = new Random(11);
		for (int size : new int[] { 0, 1, 65_535, 65_536, 65_537, 3 * 65_536, 1_000_003 }) {
			byte[] bytes = new byte[size];
			random.nextBytes(bytes);
			try (InputStream in = new ReadAheadInputStream(new ByteArrayInputStream(bytes), "test")) {
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				byte[] buffer = new byte[1 + random.nextInt(100_000)];
				int n;
				while ((n = random.nextBoolean() ? in.read(buffer, 0, 1 + random.nextInt(buffer.length))
						: single(in, buffer)) >= 0) {
					out.write(buffer, 0, n);
				}
				assertThat(out.toByteArray()).as("%d bytes", size).isEqualTo(bytes);
				assertThat(in.read()).isEqualTo(-1);
			}
		}
	}

	@Test
	void givenASourceThatFailsMidway_theReaderGetsTheBytesBeforeAndThenThatVeryException() throws IOException {
		IOException corrupt = new IOException("invalid stored block lengths");
		InputStream failing = new InputStream() {
			private int left = 200_000;

			@Override
			public int read() throws IOException {
				if (left == 0) {
					throw corrupt; // and again at every read: a broken stream stays
									// broken
				}
				left--;
				return 7;
			}
		};
		try (InputStream in = new ReadAheadInputStream(failing, "test")) {
			assertThat(in.readNBytes(200_000)).hasSize(200_000).containsOnly(7);
			assertThatThrownBy(in::read).isSameAs(corrupt);
		}
	}

	@Test
	void givenTheReaderClosesEarly_theReadingThreadStopsAndTheSourceIsClosed() throws Exception {
		AtomicBoolean closed = new AtomicBoolean();
		InputStream endless = new InputStream() {
			@Override
			public int read() {
				return 1;
			}

			@Override
			public void close() {
				closed.set(true);
			}
		};
		ReadAheadInputStream in = new ReadAheadInputStream(endless, "tally-inflate-endless");
		assertThat(in.read()).isEqualTo(1);

		in.close();

		assertThat(closed).isTrue();
		assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("tally-inflate-endless"));
	}

	private static int single(InputStream in, byte[] buffer) throws IOException {
		int b = in.read();
		if (b < 0) {
			return -1;
		}
		buffer[0] = (byte) b;
		return 1;
	}

}
