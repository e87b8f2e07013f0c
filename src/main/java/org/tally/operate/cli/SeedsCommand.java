package org.tally.operate.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.tally.seeds.SeedGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * `tally seeds generate`: writes the sample department inbox, the same bytes every time.
 */
@Command(name = "seeds", description = "Sample department workbooks.", subcommands = SeedsCommand.Generate.class)
class SeedsCommand extends BaseCommand.Group {

	@Command(name = "generate", description = "Generates the sample inbox (fixed random seed) into --out.")
	static class Generate extends BaseCommand {

		@Option(names = "--out", required = true, paramLabel = "DIR", description = "directory to write the inbox into")
		Path out;

		@Option(names = "--seed", defaultValue = "" + SeedGenerator.DEFAULT_SEED, description = "random seed")
		long seed;

		@Override
		public Integer call() throws IOException {
			new SeedGenerator(seed).generate(out).forEach(f -> out().println("wrote " + f));
			return ExitCode.OK.code();
		}

	}

}
