package org.tally.figures;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The press view as a file the press office opens: an XLSX workbook (figures, their
 * sources, and a native chart of committed versus completed investment by county, as of
 * the verified versions) or a CSV Excel reads as UTF-8.
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

	private final PressFigures press;

	private final InvestmentByCounty investment;

	PressExport(PressFigures press, InvestmentByCounty investment) {
		this.press = press;
		this.investment = investment;
	}

	/**
	 * Writes the current press view; returns the figures written (empty when nothing is
	 * verified yet).
	 */
	public List<FigureValue> write(Format format, OutputStream out) throws IOException {
		List<FigureValue> figures = press.pressView();
		LocalDate asOf = press.pressAsOf(figures);
		switch (format) {
			case XLSX -> PressWorkbook.write(figures, asOf == null ? null : byCounty(asOf).orElse(null), out);
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
	 * Committed versus completed investment by county for a period, as of the last
	 * verified versions of the two figures (see {@link InvestmentByCounty}); empty when
	 * they have none for it (the workbook then has no chart).
	 */
	public Optional<InvestmentByCounty.Period> byCounty(LocalDate asOf) {
		return investment.period(asOf);
	}

}
