package org.tally.mailbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * TLS in front of GreenMail's plain IMAP port, with a certificate for 127.0.0.1 signed by
 * nobody the JDK trusts: the gatherer reaches the test server as it reaches a 政务邮箱, over
 * IMAPS with the host name checked, trusting the certificate only through its configured
 * trust store (src/test/resources/mailbox, password changeit).
 */
final class ImapsFront implements AutoCloseable {

	static final String PASSWORD = "changeit";

	private final SSLServerSocket server;

	private final int imapPort;

	private final List<Socket> open = new CopyOnWriteArrayList<>();

	ImapsFront(int imapPort) {
		this.imapPort = imapPort;
		try {
			KeyStore keys = KeyStore.getInstance(resource("imaps-server.p12").toFile(), PASSWORD.toCharArray());
			KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			factory.init(keys, PASSWORD.toCharArray());
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(factory.getKeyManagers(), null, null);
			server = (SSLServerSocket) context.getServerSocketFactory()
				.createServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
		Thread acceptor = new Thread(this::accept, "imaps-front");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	int port() {
		return server.getLocalPort();
	}

	/** The trust store that holds the front's certificate alone. */
	static Path trustStore() {
		return resource("imaps-trust.p12");
	}

	private static Path resource(String name) {
		try {
			return Path.of(ImapsFront.class.getResource("/mailbox/" + name).toURI());
		}
		catch (java.net.URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void accept() {
		while (!server.isClosed()) {
			try {
				Socket client = server.accept();
				Socket imap = new Socket();
				imap.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), imapPort));
				open.add(client);
				open.add(imap);
				pipe(client, imap);
				pipe(imap, client);
			}
			catch (IOException ex) {
				// closed: the test is over
			}
		}
	}

	private void pipe(Socket from, Socket to) {
		Thread thread = new Thread(() -> {
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				in.transferTo(out);
			}
			catch (IOException ex) {
				// one side closed the connection
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
			}
		}, "imaps-front-pipe");
		thread.setDaemon(true);
		thread.start();
	}

	@Override
	public void close() {
		closeQuietly(server);
		open.forEach(ImapsFront::closeQuietly);
	}

	private static void closeQuietly(java.io.Closeable closeable) {
		try {
			closeable.close();
		}
		catch (IOException ex) {
			// closing at the end of a test
		}
	}

}
