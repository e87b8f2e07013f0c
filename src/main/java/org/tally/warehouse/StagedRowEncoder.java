package org.tally.warehouse;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.tally.catalog.ColumnDefinition;
import org.tally.catalog.ColumnType;
import org.tally.catalog.DatasetDefinition;
import org.tally.validate.ValidRow;
import org.tally.warehouse.internal.BinaryCopyRows;
import org.tally.warehouse.internal.KeyFingerprints;

/**
 * Encodes each valid row for binary COPY, and fingerprints its key, as soon as it is
 * validated. Done in the writer, a chunk later, the encoding would read a thousand rows
 * of freshly made values back from main memory; here the values are still in cache. One
 * instance per step execution (the encoders reuse a buffer).
 */
public class StagedRowEncoder implements ItemProcessor<ValidRow, StagedRow> {

	private final Map<String, Dataset> datasets = new HashMap<>();

	@Override
	public StagedRow process(ValidRow row) {
		if (row.totals()) {
			return StagedRow.totals(row);
		}
		DatasetDefinition definition = row.context().dataset();
		Dataset dataset = datasets.computeIfAbsent(definition.name(), name -> new Dataset(definition));
		Object[] values = row.values();
		long key = dataset.key.length == 0 ? KeyFingerprints.NO_KEY : KeyFingerprints.of(values, dataset.key);
		return StagedRow.staged(row.context(),
				dataset.encoder.tuple(row.context().load().id(), row.rowNumber(), values), key);
	}

	/**
	 * Per dataset, once per step: its tuple encoder and the positions of its key columns.
	 */
	private static final class Dataset {

		private final BinaryCopyRows encoder;

		private final int[] key;

		private Dataset(DatasetDefinition dataset) {
			this.encoder = new BinaryCopyRows(
					dataset.columns().stream().map(ColumnDefinition::type).toArray(ColumnType[]::new));
			List<String> names = dataset.columns().stream().map(ColumnDefinition::name).toList();
			this.key = dataset.key().stream().mapToInt(names::indexOf).toArray();
		}

	}

}
