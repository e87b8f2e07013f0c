package org.tally.operate.cli;

import java.nio.file.Path;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/**
 * The `--out FILE` option of the commands that write a file; each command's description
 * says its default.
 */
class OutOption {

	@Option(names = "--out", paramLabel = "FILE",
			description = "the file to write instead of the default the command's description gives")
	Path file;

	/** Whether `--out` was given. */
	boolean given() {
		return file != null;
	}

	/** The file `--out` named, else the command's default. */
	Path orElse(Supplier<Path> byDefault) {
		return file != null ? file : byDefault.get();
	}

}
