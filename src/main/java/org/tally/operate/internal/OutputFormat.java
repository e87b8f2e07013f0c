package org.tally.operate.internal;

/** How a command prints what it lists. */
enum OutputFormat {

	TABLE, JSON

}
