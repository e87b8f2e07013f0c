package org.tally.warehouse.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Binary COPY on a connection and a thread of its own, so that PostgreSQL stores one
 * batch of rows while the caller reads and validates the next: sending returns as soon as
 * the batch is queued. Rows become visible to others only at {@link #commit()}, which
 * waits for everything sent before it. A failure of the COPY is raised, with what was
 * being copied, by the next call made to the stream.
 */
public final class CopyStream implements AutoCloseable {

	/**
	 * Batches queued ahead of the COPY: bounds the memory held when PostgreSQL is the
	 * slower side.
	 */
	private static final int QUEUE_CAPACITY = 4;

	private final DataSource dataSource;

	private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);

	private final Thread thread;

	private final byte[] header = BinaryCopyRows.header();

	private final byte[] trailer = BinaryCopyRows.trailer();

	/** The COPY thread's buffer for one CopyData message. */
	private final byte[] copyData = new byte[64 * 1024];

	private volatile CopyFailedException failure;

	private Connection connection;

	private CopyIn copy;

	private String copySql;

	private String copying = "";

	public CopyStream(DataSource dataSource, String threadName) {
		this.dataSource = dataSource;
		this.thread = new Thread(this::run, threadName);
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/**
	 * Queues tuples for {@code copySql} ("COPY t (…) FROM STDIN (FORMAT binary)"); blocks
	 * while the queue is full.
	 */
	public void send(String copySql, String what, List<byte[]> tuples) {
		put(new Batch(copySql, what, tuples));
	}

	/** Waits until every batch sent so far is stored and committed. */
	public void commit() {
		CompletableFuture<Void> done = new CompletableFuture<>();
		put(new Commit(done));
		try {
			done.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CopyFailedException("interrupted while waiting for the staged rows to commit", ex);
		}
		catch (ExecutionException ex) {
			throw failure != null ? failure : new CopyFailedException(ex.getCause().getMessage(), ex.getCause());
		}
	}

	/** Commits what was sent, then stops the thread and returns the connection. */
	@Override
	public void close() {
		try {
			if (failure == null) {
				commit();
			}
		}
		finally {
			queue.clear();
			queue.add(Stop.STOP);
			try {
				thread.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		if (failure != null) {
			throw failure;
		}
	}

	private void put(Object message) {
		if (failure != null) {
			throw failure;
		}
		try {
			queue.put(message);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CopyFailedException("interrupted while staging rows", ex);
		}
	}

	private void run() {
		try {
			connection = dataSource.getConnection();
			connection.setAutoCommit(false);
			while (true) {
				Object message = queue.take();
				if (message == Stop.STOP) {
					break;
				}
				if (failure != null) {
					if (message instanceof Commit commit) {
						commit.done().completeExceptionally(failure);
					}
					continue; // drain until stopped: the caller sees the failure on its
								// next call
				}
				try {
					handle(message);
				}
				catch (SQLException | RuntimeException ex) {
					failure = new CopyFailedException("COPY of " + copying + " failed: " + ex.getMessage(), ex);
					abandon();
					if (message instanceof Commit commit) {
						commit.done().completeExceptionally(failure);
					}
				}
			}
		}
		catch (SQLException ex) {
			failure = new CopyFailedException("no connection for staging rows: " + ex.getMessage(), ex);
			drainAfterFailure();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			abandon();
			try {
				if (connection != null) {
					connection.close();
				}
			}
			catch (SQLException ex) {
				// the pool discards a connection it cannot reset; nothing was left
				// uncommitted here
			}
		}
	}

	private void drainAfterFailure() {
		for (Object message; (message = queue.poll()) != null;) {
			if (message instanceof Commit commit) {
				commit.done().completeExceptionally(failure);
			}
		}
	}

	private void handle(Object message) throws SQLException {
		if (message instanceof Batch batch) {
			if (copy == null || !batch.copySql().equals(copySql)) {
				endCopy();
				copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(batch.copySql());
				copySql = batch.copySql();
				copy.writeToCopy(header, 0, header.length);
			}
			copying = batch.what();
			// Tuples go out in CopyData messages of up to 64 KB, not one message each: a
			// million
			// small messages cost both sides a header and a call apiece.
			int filled = 0;
			for (byte[] tuple : batch.tuples()) {
				if (filled + tuple.length > copyData.length) {
					copy.writeToCopy(copyData, 0, filled);
					filled = 0;
				}
				if (tuple.length > copyData.length) {
					copy.writeToCopy(tuple, 0, tuple.length);
					continue;
				}
				System.arraycopy(tuple, 0, copyData, filled, tuple.length);
				filled += tuple.length;
			}
			if (filled > 0) {
				copy.writeToCopy(copyData, 0, filled);
			}
		}
		else if (message instanceof Commit commit) {
			endCopy();
			connection.commit();
			commit.done().complete(null);
		}
	}

	private void endCopy() throws SQLException {
		if (copy != null) {
			copy.writeToCopy(trailer, 0, trailer.length);
			CopyIn ending = copy;
			copy = null;
			copySql = null;
			ending.endCopy();
		}
	}

	/** After a failure: nothing of the open transaction may commit. */
	private void abandon() {
		try {
			if (copy != null && copy.isActive()) {
				copy.cancelCopy();
			}
		}
		catch (SQLException ex) {
			// the connection is rolled back or closed below either way
		}
		copy = null;
		copySql = null;
		try {
			if (connection != null && !connection.isClosed()) {
				connection.rollback();
			}
		}
		catch (SQLException ex) {
			// closing the connection ends the transaction as well
		}
	}

	private record Batch(String copySql, String what, List<byte[]> tuples) {
	}

	private record Commit(CompletableFuture<Void> done) {
	}

	private enum Stop {

		STOP

	}

	/**
	 * The staging COPY failed or could not run; the message says what was being copied.
	 */
	public static final class CopyFailedException extends RuntimeException {

		CopyFailedException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
