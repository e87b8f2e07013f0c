package org.tally.reconcile.internal;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tally.reconcile.CheckOutcome;

/**
 * A check of one dataset that takes its counts from the scan it shares with the dataset's
 * other checks; run alone, it shares the scan with nobody.
 */
abstract class ScanSharingCheck extends DatasetCheck implements SharedScans.Sharing {

	ScanSharingCheck(CheckDeclaration declaration, JdbcClient jdbc) {
		super(declaration, jdbc);
	}

	@Override
	public final CheckOutcome run(LocalDate period) {
		return run(period, new SharedScans(jdbc, List.of(this)));
	}

	@Override
	public abstract CheckOutcome run(LocalDate period, SharedScans scans);

}
