package org.tally.validate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.tally.catalog.Catalog;
import org.tally.catalog.ColumnDefinition;
import org.tally.catalog.ColumnType;
import org.tally.catalog.DatasetDefinition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tally.ingest.LoadContext;
import org.tally.ingest.SourceRow;
import org.tally.ingest.workbook.CellKind;
import org.tally.ingest.workbook.RawCell;
import org.tally.normalize.AmountUnit;
import org.tally.normalize.CellValues;
import org.tally.normalize.ValueFormatException;
import org.tally.normalize.Vocabulary;

/**
 * Reads every cell of a row as its column's type, once: money to yuan, codes as text,
 * enums to their canonical value. A row with any problem is rejected whole, with every
 * problem named.
 */
public class RowValidator implements ItemProcessor<SourceRow, ValidRow> {

	/** The largest amount numeric(20,2) holds once rounded to fen. */
	private static final BigDecimal LARGEST_AMOUNT = new BigDecimal("999999999999999999.994");

	private final Map<String, Vocabulary> vocabularies = new HashMap<>();

	/**
	 * Per dataset, what a checked row keeps for {@link #accept}; used by the reading
	 * threads only.
	 */
	private final Map<String, Retained> retained = new HashMap<>();

	private final ReferenceCodes references;

	private final Catalog catalog;

	public RowValidator(Catalog catalog, JdbcClient jdbc) {
		catalog.vocabularies().forEach((name, values) -> vocabularies.put(name, new Vocabulary(name, values)));
		this.references = new ReferenceCodes(jdbc, catalog);
		this.catalog = catalog;
	}

	/** Both halves at once, on one thread: {@link #check} then {@link #accept}. */
	@Override
	public ValidRow process(SourceRow row) {
		return accept(check(row));
	}

	/**
	 * Reads every cell of the row as its column's type and collects what is wrong with
	 * them. It depends on the row alone, so a file's reading thread does it ahead of the
	 * step, while the cells are in its cache; the references are checked later, by
	 * {@link #accept}.
	 */
	public CheckedRow check(SourceRow row) {
		LoadContext context = row.context();
		List<ColumnDefinition> columns = context.dataset().columns();
		Object[] values = new Object[columns.size()];
		List<CellProblem> problems = new ArrayList<>();
		for (int i = 0; i < columns.size(); i++) {
			ColumnDefinition column = columns.get(i);
			RawCell cell = row.cells()[i];
			if (row.totals() && !numeric(column.type())) {
				continue;
			}
			// Cell references are built only for problems: most rows have none.
			if (cell == null) {
				if (column.required() && !row.totals()) {
					problems.add(new CellProblem(context.cellRef(i, row.rowNumber()), column.name(), null,
							"必填项为空：" + label(column), "required value missing: " + column.name()));
				}
				continue;
			}
			if (cell.kind() == CellKind.ERROR || cell.kind() == CellKind.FORMULA_WITHOUT_VALUE) {
				problems.add(new CellProblem(context.cellRef(i, row.rowNumber()), column.name(), cell.value(),
						"单元格公式错误（" + cell.value() + "）", "formula error in cell (" + cell.value() + ")"));
				continue;
			}
			try {
				values[i] = read(column, cell, context.units().get(i), context.date1904());
				if (values[i] == null && column.required() && !row.totals()) {
					problems.add(new CellProblem(context.cellRef(i, row.rowNumber()), column.name(), cell.value(),
							"必填项为空：" + label(column), "required value missing: " + column.name()));
				}
			}
			catch (ValueFormatException ex) {
				problems.add(valueProblem(context.cellRef(i, row.rowNumber()), column, cell.value(), ex));
			}
		}
		return new CheckedRow(context, row.rowNumber(), row.totals(), row, values, problems);
	}

	/**
	 * What {@link #accept} needs of a checked row whose values are already encoded: a row
	 * read well keeps its source row only if it refers to another dataset (a reference
	 * problem names its cell), and only the values of columns that refer or are referred
	 * to. Rows wait in the reading thread's queue and in the chunk; the less they hold,
	 * the less each young collection copies.
	 */
	public CheckedRow retainedForAccept(CheckedRow checked) {
		if (!checked.problems().isEmpty()) {
			return checked;
		}
		// Looked up without a capturing lambda: this runs for every row.
		DatasetDefinition dataset = checked.context().dataset();
		Retained retained = this.retained.get(dataset.name());
		if (retained == null) {
			retained = new Retained(dataset, references);
			this.retained.put(dataset.name(), retained);
		}
		if (retained.refers) {
			return checked;
		}
		Object[] values = null;
		if (retained.keep.length > 0 && !checked.totals()) {
			values = new Object[checked.values().length];
			for (int column : retained.keep) {
				values[column] = checked.values()[column];
			}
		}
		return new CheckedRow(checked.context(), checked.rowNumber(), checked.totals(), null, values, List.of());
	}

	/**
	 * Checks a row's references and counts it towards its file, for the files that may
	 * refer to it: state carried from file to file and read from the run's registry, so
	 * this half runs on the step's thread, in row order, inside its transaction. Throws
	 * RowRejectedException naming every problem of the row, its cells' and its
	 * references' alike.
	 */
	public ValidRow accept(CheckedRow checked) {
		LoadContext context = checked.context();
		List<CellProblem> problems = checked.problems();
		if (!checked.totals() && checked.row() != null) {
			// Checked whatever else is wrong, so the department learns every problem of
			// the row at once.
			problems = new ArrayList<>(problems);
			checkReferences(context, checked.values(), checked.row(), problems);
		}
		boolean referenced = references.isReferenced(context.dataset());
		if (!problems.isEmpty()) {
			if (referenced) {
				references.rejected(context, checked.rowNumber());
			}
			throw new RowRejectedException(checked.row(), problems);
		}
		if (referenced && !checked.totals()) {
			references.accepted(context, checked.values());
		}
		return new ValidRow(context, checked.rowNumber(), checked.totals(), checked.values());
	}

	private Object read(ColumnDefinition column, RawCell cell, AmountUnit unit, boolean date1904) {
		String raw = cell.value();
		return switch (column.type()) {
			case TEXT -> CellValues.text(raw);
			case CODE -> CellValues.code(raw);
			case INTEGER -> CellValues.count(raw);
			case DECIMAL -> CellValues.number(raw);
			case MONEY -> storableAmount(CellValues.yuan(raw, unit == null ? AmountUnit.YUAN : unit), raw);
			case DATE -> CellValues.date(raw, cell.kind() == CellKind.NUMBER, date1904);
			// placeholders resolve to null
			case ENUM -> vocabularies.get(column.vocabulary()).resolve(raw);
		};
	}

	/**
	 * The warehouse keeps yuan as numeric(20,2): a larger amount (a typo of many digits,
	 * or a unit applied twice) is refused with its row here, where the COPY would have
	 * failed the whole run.
	 */
	private static BigDecimal storableAmount(BigDecimal yuan, String raw) {
		if (yuan != null && yuan.abs().compareTo(LARGEST_AMOUNT) > 0) {
			throw new ValueFormatException(raw, "金额超出范围（最大999999999999999999.99元）",
					"amount out of range (at most 999999999999999999.99 yuan)");
		}
		return yuan;
	}

	/**
	 * A code must name a row of the referenced dataset as it will be current for the same
	 * period.
	 */
	private void checkReferences(LoadContext context, Object[] values, SourceRow row, List<CellProblem> problems) {
		List<ColumnDefinition> columns = context.dataset().columns();
		for (int i = 0; i < columns.size(); i++) {
			ColumnDefinition column = columns.get(i);
			if (values[i] == null || column.reference().isEmpty()) {
				continue;
			}
			ColumnDefinition.Reference reference = column.reference().get();
			if (!references.codes(context.load().runId(), context.period(), reference).contains(values[i])) {
				problems.add(new CellProblem(context.cellRef(i, row.rowNumber()), column.name(), row.cells()[i].value(),
						label(column) + "不存在：" + values[i] + "（" + context.period() + "期" + referenceLabel(reference)
								+ "中没有该编号）",
						"unknown " + column.name().replace('_', ' ') + " " + values[i] + ": not in the current "
								+ referenceLabelEn(reference) + " for period " + context.period()));
			}
		}
	}

	/**
	 * A dataset label reads "京长对口合作项目台账 / cooperation project ledger": the Chinese half.
	 */
	private String referenceLabel(ColumnDefinition.Reference reference) {
		DatasetDefinition dataset = catalog.dataset(reference.dataset());
		String label = dataset.label() == null ? dataset.name() : dataset.label();
		int slash = label.indexOf(" / ");
		return slash < 0 ? label : label.substring(0, slash);
	}

	/**
	 * The English half of the label with the dataset name: "cooperation project ledger
	 * (projects)".
	 */
	private String referenceLabelEn(ColumnDefinition.Reference reference) {
		DatasetDefinition dataset = catalog.dataset(reference.dataset());
		String label = dataset.label() == null ? "" : dataset.label();
		int slash = label.indexOf(" / ");
		return slash < 0 ? dataset.name() : label.substring(slash + 3) + " (" + dataset.name() + ")";
	}

	/**
	 * A clerk reads the column's label, not the vocabulary's config name:
	 * 所在县区不是有效取值：朝阳区（可填：…）.
	 */
	private CellProblem valueProblem(String ref, ColumnDefinition column, String raw, ValueFormatException ex) {
		if (column.type() == ColumnType.ENUM) {
			List<String> allowed = List.copyOf(catalog.vocabularies().get(column.vocabulary()).keySet());
			return new CellProblem(ref, column.name(), raw,
					label(column) + "不是有效取值：" + raw.strip() + "（可填：" + String.join("、", allowed) + "）",
					column.name() + ": unknown value " + raw.strip() + " (expected one of " + String.join(", ", allowed)
							+ ")");
		}
		return new CellProblem(ref, column.name(), raw, label(column) + "：" + ex.reasonZh(),
				column.name() + ": " + ex.reasonEn());
	}

	private static boolean numeric(ColumnType type) {
		return type == ColumnType.MONEY || type == ColumnType.INTEGER || type == ColumnType.DECIMAL;
	}

	private static String label(ColumnDefinition column) {
		return column.label() == null ? column.name() : column.label();
	}

	/**
	 * Whether a dataset's rows refer to another's, and which of its columns accept needs.
	 */
	private static final class Retained {

		private final boolean refers;

		private final int[] keep;

		private Retained(DatasetDefinition dataset, ReferenceCodes references) {
			List<ColumnDefinition> columns = dataset.columns();
			this.refers = columns.stream().anyMatch(c -> c.reference().isPresent());
			this.keep = IntStream.range(0, columns.size())
				.filter(i -> references.isReferencedColumn(dataset, columns.get(i).name()))
				.toArray();
		}

	}

}
