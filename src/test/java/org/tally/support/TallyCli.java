package org.tally.support;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.tally.TallyApplication;
import org.tally.operate.TallyCommandLine;

/**
 * The `tally` command line run in this JVM on one data directory, with what it reads on
 * standard input (a password) and what it prints.
 */
public record TallyCli(Path dataDir) {

	/** A command's exit status and output. */
	public record Result(int status, String out, String err) {
	}

	public Result run(String stdin, String... args) {
		String[] withDataDir = new String[args.length + 2];
		System.arraycopy(args, 0, withDataDir, 0, args.length);
		withDataDir[args.length] = "--data-dir";
		withDataDir[args.length + 1] = dataDir.toString();
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		InputStream standardInput = System.in;
		System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
		try {
			int status = TallyCommandLine.execute(TallyApplication.class, new PrintWriter(out, true),
					new PrintWriter(err, true), withDataDir);
			return new Result(status, out.toString(), err.toString());
		}
		finally {
			System.setIn(standardInput);
		}
	}

}
