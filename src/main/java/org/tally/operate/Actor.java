package org.tally.operate;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Who asks for an operation, and from where: an OS user on a host (CLI) or a signed-in
 * user at an address (web).
 */
public record Actor(String name, String origin, String channel) {

	public static Actor cli() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			host = System.getenv().getOrDefault("HOSTNAME", "localhost");
		}
		return new Actor(System.getProperty("user.name", "unknown"), host, "cli");
	}

	public static Actor web(String username, String remoteAddress) {
		return new Actor(username, remoteAddress, "web");
	}

	/** cli:alice@host-1, web:operator@10.0.0.5: how runs record who started them. */
	public String describe() {
		return channel + ":" + name + "@" + origin;
	}
}
