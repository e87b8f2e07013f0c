package org.tally.operate.cli;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.tally.claims.ClaimChecker;
import org.tally.claims.ClaimReport;
import org.tally.claims.ClaimVerdict;
import org.tally.claims.PressFacts;
import org.tally.claims.Verdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * `tally claims check`: judges every figure a press text states against the press view's
 * verified figures.
 */
@Command(name = "claims", description = "Checks press texts against verified figures.",
		subcommands = ClaimsCommand.Check.class)
class ClaimsCommand extends BaseCommand.Group {

	@Command(name = "check",
			description = "Finds each figure phrase in FILE (UTF-8; - for standard input) and judges it; "
					+ "exit 5 when a claim is contradicted.")
	static class Check extends ReadingCommand {

		@Mixin
		FormatOption format;

		@Parameters(paramLabel = "FILE|-", description = "the press text, or - to read standard input")
		String file;

		private String text;

		/** The text is read first: a missing file is said before a context starts. */
		@Override
		public Integer call() throws Exception {
			text = file.equals("-") ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
					: Files.readString(Path.of(file), StandardCharsets.UTF_8);
			return super.call();
		}

		@Override
		int call(ConfigurableApplicationContext context) throws IOException {
			PressFacts.Facts facts = context.getBean(PressFacts.class).current();
			if (facts.asOf() == null) {
				err().println("tally: no verified figures yet; claims would all be unverifiable"
						+ " (run `tally run` first)");
			}
			ClaimReport report = new ClaimChecker(facts).report(text);
			List<ClaimVerdict> verdicts = report.claims();
			out().print(format.render(() -> table(facts, report), () -> document(report)));
			out().flush();
			return verdicts.stream().anyMatch(v -> v.verdict() == Verdict.CONTRADICTED) ? ExitCode.FINDINGS.code()
					: ExitCode.OK.code();
		}

		static String table(PressFacts.Facts facts, ClaimReport report) {
			List<ClaimVerdict> verdicts = report.claims();
			TextTable table = new TextTable("phrase", "kind", "figure", "verdict", "explanation");
			verdicts.forEach(v -> table.row(v.phrase(), v.kind().name().toLowerCase(Locale.ROOT), v.figureId(),
					v.verdict().name().toLowerCase(Locale.ROOT), v.explanation()));
			TextTable others = new TextTable("number", "not a claim because");
			report.notClaims().forEach(n -> others.row(n.number(), n.reason() + " · " + n.reasonEn()));
			long consistent = verdicts.stream().filter(v -> v.verdict() == Verdict.CONSISTENT).count();
			long contradicted = verdicts.stream().filter(v -> v.verdict() == Verdict.CONTRADICTED).count();
			return "Claims against the verified figures as of " + facts.asOf() + "\n" + table
					+ String.format("%d claims: %d consistent, %d contradicted, %d unverifiable%n", verdicts.size(),
							consistent, contradicted, verdicts.size() - consistent - contradicted)
					+ (report.notClaims().isEmpty() ? ""
							: "\nOther numbers, not claims (" + report.notClaims().size() + ")\n" + others);
		}

		static String json(ClaimReport report) {
			return FormatOption.json(document(report));
		}

		private static Map<String, Object> document(ClaimReport report) {
			Map<String, Object> document = new LinkedHashMap<>();
			document.put("claims", report.claims().stream().map(v -> {
				Map<String, Object> claim = new LinkedHashMap<>();
				claim.put("sentence", v.sentence());
				claim.put("phrase", v.phrase());
				claim.put("kind", v.kind().name().toLowerCase(Locale.ROOT));
				claim.put("figure", v.figureId());
				claim.put("period", v.period() == null ? null : v.period().toString());
				claim.put("low", plain(v.low()));
				claim.put("high", plain(v.high()));
				claim.put("value", plain(v.value()));
				claim.put("verdict", v.verdict().name().toLowerCase(Locale.ROOT));
				claim.put("explanation", v.explanation());
				claim.put("explanationEn", v.explanationEn());
				claim.put("correction", v.correction());
				claim.put("candidates", v.candidates());
				return claim;
			}).toList());
			document.put("notClaims", report.notClaims().stream().map(n -> {
				Map<String, Object> other = new LinkedHashMap<>();
				other.put("number", n.number());
				other.put("reason", n.reason());
				other.put("reasonEn", n.reasonEn());
				return other;
			}).toList());
			return document;
		}

		private static String plain(BigDecimal value) {
			return value == null ? null : value.toPlainString();
		}

	}

}
