package org.tally.operate.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.tally.seeds.SeedGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * `tally seeds generate`: writes the sample department inbox, the same bytes every time.
 */
@Command(name = "seeds", mixinStandardHelpOptions = true, description = "Sample department workbooks.",
		subcommands = SeedsCommand.Generate.class)
class SeedsCommand implements Runnable {

	@Spec
	CommandSpec spec;

	@Override
	public void run() {
		spec.commandLine().usage(spec.commandLine().getOut());
	}

	@Command(name = "generate", mixinStandardHelpOptions = true,
			description = "Generates the sample inbox (fixed random seed) into --out.")
	static class Generate implements Callable<Integer> {

		@Spec
		CommandSpec spec;

		@Option(names = "--out", required = true, paramLabel = "DIR", description = "directory to write the inbox into")
		Path out;

		@Option(names = "--seed", defaultValue = "" + SeedGenerator.DEFAULT_SEED, description = "random seed")
		long seed;

		@Override
		public Integer call() throws IOException {
			List<Path> files = new SeedGenerator(seed).generate(out);
			files.forEach(f -> spec.commandLine().getOut().println("wrote " + f));
			return 0;
		}

	}

}
