package org.tally.operate.cli;

/** How a command prints what it lists. */
enum OutputFormat {

	TABLE, JSON

}
