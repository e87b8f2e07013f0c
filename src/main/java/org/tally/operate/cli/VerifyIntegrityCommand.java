package org.tally.operate.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.tally.figures.FigureAudit;
import org.tally.warehouse.WarehouseAudit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * `tally verify-integrity`: recomputes the figures and cross-checks registry and
 * warehouse; non-zero on any difference.
 */
@Command(name = "verify-integrity",
		description = "Recomputes every current figure from the warehouse rows and checks registry and warehouse.")
class VerifyIntegrityCommand extends ContextCommand {

	@Mixin
	FormatOption format;

	@Override
	int call(ConfigurableApplicationContext context) {
		return verify(context, format, out());
	}

	/** Prints the integrity report as {@code format} asks; answers the exit status. */
	static int verify(ConfigurableApplicationContext context, FormatOption format, PrintWriter out) {
		List<WarehouseAudit.Finding> findings = context.getBean(WarehouseAudit.class).audit();
		List<FigureAudit.Comparison> figures = context.getBean(FigureAudit.class).compareLatest();
		long differences = findings.stream().mapToLong(f -> f.differences().size()).sum()
				+ figures.stream().filter(c -> !c.agrees()).count();
		long rowsCompared = findings.stream().mapToLong(WarehouseAudit.Finding::compared).sum();
		out.print(format.render(() -> table(findings, figures, rowsCompared, differences), () -> {
			Map<String, Object> report = new LinkedHashMap<>();
			report.put("differences", differences);
			report.put("itemsCompared", rowsCompared);
			report.put("figuresCompared", figures.size());
			report.put("findings", findings);
			report.put("figures", figures);
			return report;
		}));
		out.flush();
		return differences == 0 ? ExitCode.OK.code() : ExitCode.FINDINGS.code();
	}

	private static String table(List<WarehouseAudit.Finding> findings, List<FigureAudit.Comparison> figures,
			long rowsCompared, long differences) {
		TextTable table = new TextTable("rule", "compared", "result");
		findings.forEach(f -> table.row(f.rule(), f.compared(),
				f.clean() ? "ok" + notes(f) : "DIFFERS: " + String.join("; ", f.differences())));
		figures
			.forEach(c -> table.row("figure " + c.figureId() + " " + c.asOf() + " = recomputation from the warehouse",
					1, c.agrees() ? "ok" : "DIFFERS: stored " + c.stored() + ", recomputed " + c.fromWarehouse()));
		return table + String.format("%d rules, %d items and %d figures compared, %d differences%n", findings.size(),
				rowsCompared, figures.size(), differences);
	}

	private static String notes(WarehouseAudit.Finding finding) {
		return finding.notes().isEmpty() ? "" : " (" + String.join("; ", finding.notes()) + ")";
	}

}
