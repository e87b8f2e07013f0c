package org.tally.mailbox.internal;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.tally.catalog.Catalog;
import org.tally.catalog.SourceDefinition;

/**
 * Who may send for which sources of one mailbox, and into which source's inbox folder a
 * file of theirs goes. A source allows the addresses and domains of its {@code mail}
 * block; an address allowed by name outranks a domain, so one clerk of a shared domain
 * can be routed to a department alone.
 */
public final class Senders {

	private final List<SourceDefinition> sources;

	public Senders(Catalog catalog, String mailbox) {
		this.sources = catalog.sources()
			.stream()
			.filter(s -> s.mail() != null && s.mail().mailbox().equals(mailbox))
			.toList();
	}

	public boolean isEmpty() {
		return sources.isEmpty();
	}

	/** The sources {@code address} may send for; none when it is not allowed. */
	public List<SourceDefinition> allowing(String address) {
		if (address == null) {
			return List.of();
		}
		String sender = address.strip().toLowerCase(Locale.ROOT);
		List<SourceDefinition> byAddress = sources.stream()
			.filter(s -> s.mail().senders().stream().anyMatch(a -> a.toLowerCase(Locale.ROOT).equals(sender)))
			.toList();
		if (!byAddress.isEmpty()) {
			return byAddress;
		}
		int at = sender.lastIndexOf('@');
		String domain = at < 0 ? "" : sender.substring(at + 1);
		return sources.stream()
			.filter(s -> s.mail()
				.senders()
				.stream()
				.map(a -> a.toLowerCase(Locale.ROOT))
				.anyMatch(a -> !a.contains("@") && a.equals(domain) || a.equals("@" + domain)))
			.toList();
	}

	/**
	 * The source among {@code allowed} whose inbox glob takes {@code name}, or why none.
	 */
	public static Route route(List<SourceDefinition> allowed, String name) {
		List<SourceDefinition> taking = allowed.stream().filter(s -> takes(s, name)).toList();
		Set<String> departments = new TreeSet<>(taking.stream().map(SourceDefinition::department).toList());
		if (taking.size() == 1) {
			return new Route(taking.get(0), null);
		}
		if (taking.isEmpty()) {
			return new Route(null,
					"no source of " + new TreeSet<>(allowed.stream().map(SourceDefinition::id).toList())
							+ " takes a file named '" + name + "' (their inbox patterns: "
							+ allowed.stream().map(SourceDefinition::inbox).distinct().toList() + ")");
		}
		return new Route(null,
				"'" + name + "' fits more than one source " + taking.stream().map(SourceDefinition::id).toList()
						+ (departments.size() > 1 ? " of departments " + departments : "")
						+ "; make their inbox patterns disjoint");
	}

	private static boolean takes(SourceDefinition source, String name) {
		PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + source.inbox());
		String folder = source.inboxFolder();
		return matcher.matches(folder.isEmpty() ? Path.of(name) : Path.of(folder, name));
	}

	/** Where a file goes: one source, or the reason it goes nowhere. */
	public record Route(SourceDefinition source, String refusal) {
	}

}
