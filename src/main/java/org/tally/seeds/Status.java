package org.tally.seeds;

/**
 * A ledger project's progress; STARTED and COMPLETED both count as "落地开工" in the press
 * figures.
 */
enum Status {

	SIGNED("签约"), STARTED("开工"), COMPLETED("竣工");

	private final String label;

	Status(String label) {
		this.label = label;
	}

	String label() {
		return label;
	}

	boolean started() {
		return this != SIGNED;
	}

}
