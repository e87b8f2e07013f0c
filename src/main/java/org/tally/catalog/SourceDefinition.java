package org.tally.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One department's sheet: where it is dropped, how to find its table and reporting
 * period, which header texts feed which dataset columns, who may mail it, and whom to
 * answer about it.
 */
public record SourceDefinition(String id, String department, String departmentName, String dataset, String inbox,
		Sheet sheet, Period period, String unit, BigDecimal maxRejectRate, int headerSearchRows,
		Map<String, Column> columns, Answer answer, Mail mail) {

	public SourceDefinition {
		answer = answer == null ? new Answer(List.of(), false) : answer;
		sheet = sheet == null ? new Sheet(null, null, null) : sheet;
		maxRejectRate = maxRejectRate == null ? new BigDecimal("0.05") : maxRejectRate;
		headerSearchRows = headerSearchRows <= 0 ? 30 : headerSearchRows;
		columns = Map.copyOf(columns);
	}

	/**
	 * A source whose files arrive only through the inbox folder, never by mail, and whose
	 * department is answered by no one in particular.
	 */
	public SourceDefinition(String id, String department, String departmentName, String dataset, String inbox,
			Sheet sheet, Period period, String unit, BigDecimal maxRejectRate, int headerSearchRows,
			Map<String, Column> columns) {
		this(id, department, departmentName, dataset, inbox, sheet, period, unit, maxRejectRate, headerSearchRows,
				columns, null, null);
	}

	/**
	 * The inbox folder this source reads, relative to the inbox: its glob up to the
	 * folder of the first wildcard (finance/*.xlsx -> finance; *.csv -> the inbox itself,
	 * "").
	 */
	public String inboxFolder() {
		int wildcard = inbox.length();
		for (char c : new char[] { '*', '?', '{', '[' }) {
			int at = inbox.indexOf(c);
			if (at >= 0) {
				wildcard = Math.min(wildcard, at);
			}
		}
		int slash = inbox.lastIndexOf('/', wildcard);
		return slash < 0 ? "" : inbox.substring(0, slash);
	}

	/**
	 * The share of a file's rows rejected, to four places: what {@link #maxRejectRate()}
	 * is compared with.
	 */
	public static BigDecimal rejectRate(int rejected, int read) {
		return read == 0 ? BigDecimal.ZERO
				: BigDecimal.valueOf(rejected).divide(BigDecimal.valueOf(read), 4, RoundingMode.HALF_UP);
	}

	/**
	 * Whether a file with these counts may become current: it has rows, and few enough
	 * were rejected.
	 */
	public boolean acceptsRejects(int rejected, int read) {
		return read > 0 && rejectRate(rejected, read).compareTo(maxRejectRate) <= 0;
	}

	/**
	 * Which sheet of a workbook: by exact name, 0-based index among visible sheets, or
	 * name pattern.
	 */
	public record Sheet(String name, Integer index, String pattern) {
	}

	/**
	 * Where the reporting period comes from: the file name, a title cell, or a fixed
	 * date.
	 */
	public record Period(PeriodFrom from, LocalDate date) {
	}

	public enum PeriodFrom {

		FILENAME, TITLE, FIXED

	}

	/**
	 * Who in the department hears back after a run that quarantined or rejected its files
	 * or rows ({@code contacts}, mail addresses; none: the sender of the message a file
	 * came in), and whether they also want a receipt (回执) when a file loads cleanly.
	 */
	public record Answer(List<String> contacts, boolean receipt) {
		public Answer {
			contacts = contacts == null ? List.of() : List.copyOf(contacts);
		}
	}

	/**
	 * Where a department mails its sheets: a mailbox declared under
	 * {@code tally.mail.mailboxes}, and who may send for it (addresses, or domains).
	 */
	public record Mail(String mailbox, List<String> senders) {
		public Mail {
			senders = senders == null ? List.of() : List.copyOf(senders);
		}
	}

	/**
	 * Header texts that name a column (matched across scripts and widths), its unit, and
	 * fill-down.
	 */
	public record Column(List<String> aliases, String unit, boolean fillDown) {
		public Column {
			aliases = List.copyOf(aliases);
		}
	}
}
