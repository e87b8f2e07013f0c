package org.tally.figures;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tally.catalog.Catalog;
import org.tally.catalog.DatasetDefinition;
import org.tally.catalog.SqlIdentifier;

/**
 * The press view as a file the press office opens: an XLSX workbook (figures, their
 * sources, and a native chart of committed versus completed investment by county) or a
 * CSV Excel reads as UTF-8.
 */
@Component
public class PressExport {

	/** The file formats the press view is exported in. */
	public enum Format {

		XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
		CSV("csv", "text/csv; charset=UTF-8");

		private final String extension;

		private final String mediaType;

		Format(String extension, String mediaType) {
			this.extension = extension;
			this.mediaType = mediaType;
		}

		public String extension() {
			return extension;
		}

		public String mediaType() {
			return mediaType;
		}

	}

	/**
	 * One county's committed and completed investment (yuan) over the current loads of a
	 * period.
	 */
	public record CountyInvestment(String county, BigDecimal committed, BigDecimal completed) {
	}

	static final String PROJECTS = "projects";
	static final String COUNTY = "county";
	static final String COMMITTED = "committed_investment";
	static final String COMPLETED = "completed_investment";

	private final PressFigures press;

	private final JdbcClient jdbc;

	private final Catalog catalog;

	PressExport(PressFigures press, JdbcClient jdbc, Catalog catalog) {
		this.press = press;
		this.jdbc = jdbc;
		this.catalog = catalog;
	}

	/**
	 * Writes the current press view; returns the figures written (empty when nothing is
	 * verified yet).
	 */
	public List<FigureValue> write(Format format, OutputStream out) throws IOException {
		List<FigureValue> figures = press.pressView();
		LocalDate asOf = press.pressAsOf(figures);
		switch (format) {
			case XLSX -> PressWorkbook.write(figures, asOf, asOf == null ? List.of() : byCounty(asOf), out);
			case CSV -> PressCsv.write(figures, out);
		}
		return figures;
	}

	/**
	 * The file name for the figures {@link #write} wrote: their as-of date in it, so two
	 * exports never overwrite each other (taken from what was written, not read again: a
	 * run may end in between).
	 */
	public String fileName(Format format, List<FigureValue> written) {
		LocalDate asOf = press.pressAsOf(written);
		return "tally-press-figures" + (asOf == null ? "" : "-" + asOf) + "." + format.extension();
	}

	/**
	 * Committed versus completed investment by county for a period, from the current
	 * loads of the project ledger; empty when the catalog has no such dataset (the
	 * workbook then has no chart).
	 */
	public List<CountyInvestment> byCounty(LocalDate asOf) {
		DatasetDefinition projects = catalog.datasets().get(PROJECTS);
		if (projects == null || projects.column(COUNTY).isEmpty() || projects.column(COMMITTED).isEmpty()
				|| projects.column(COMPLETED).isEmpty()) {
			return List.of();
		}
		String county = "w." + SqlIdentifier.quote(COUNTY);
		return jdbc
			.sql("SELECT " + county + ", coalesce(sum(w." + SqlIdentifier.quote(COMMITTED) + "), 0),"
					+ " coalesce(sum(w." + SqlIdentifier.quote(COMPLETED) + "), 0)" + " FROM warehouse."
					+ SqlIdentifier.quote(PROJECTS) + " w JOIN registry.load l ON l.id = w.load_id"
					+ " WHERE l.is_current AND l.period = ? GROUP BY " + county + " ORDER BY " + county)
			.param(asOf)
			.query((rs, n) -> new CountyInvestment(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3)))
			.list();
	}

}
