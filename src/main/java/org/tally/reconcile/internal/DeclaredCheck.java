package org.tally.reconcile.internal;

/**
 * A check built from its declaration, validated against the catalog when it is built; it
 * is known by the declared id.
 */
abstract class DeclaredCheck implements Check {

	final CheckDeclaration declaration;

	DeclaredCheck(CheckDeclaration declaration) {
		this.declaration = declaration;
	}

	@Override
	public final String id() {
		return declaration.definition().id();
	}

}
