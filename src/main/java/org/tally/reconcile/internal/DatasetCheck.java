package org.tally.reconcile.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.tally.catalog.DatasetDefinition;

/** A declared check of the current loads of the one dataset it names. */
abstract class DatasetCheck extends WarehouseCheck {

	final DatasetDefinition dataset;

	DatasetCheck(CheckDeclaration declaration, JdbcClient jdbc) {
		super(declaration, jdbc);
		this.dataset = declaration.dataset(declaration.definition().dataset());
	}

	public final DatasetDefinition dataset() {
		return dataset;
	}

}
