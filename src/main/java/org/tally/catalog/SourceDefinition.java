package org.tally.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One department's sheet: where it is dropped, how to find its table and reporting
 * period, which header texts feed which dataset columns, and whom to answer about it.
 */
public record SourceDefinition(String id, String department, String departmentName, String dataset, String inbox,
		Sheet sheet, Period period, String unit, BigDecimal maxRejectRate, int headerSearchRows,
		Map<String, Column> columns, Answer answer) {

	public SourceDefinition {
		answer = answer == null ? new Answer(List.of(), false) : answer;
		sheet = sheet == null ? new Sheet(null, null, null) : sheet;
		maxRejectRate = maxRejectRate == null ? new BigDecimal("0.05") : maxRejectRate;
		headerSearchRows = headerSearchRows <= 0 ? 30 : headerSearchRows;
		columns = Map.copyOf(columns);
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
	 * Header texts that name a column (matched across scripts and widths), its unit, and
	 * fill-down.
	 */
	public record Column(List<String> aliases, String unit, boolean fillDown) {
		public Column {
			aliases = List.copyOf(aliases);
		}
	}
}
