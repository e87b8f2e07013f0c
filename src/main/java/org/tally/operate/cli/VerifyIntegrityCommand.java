package org.tally.operate.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import org.tally.figures.FigureAudit;
import org.tally.warehouse.WarehouseAudit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * `tally verify-integrity`: recomputes the figures and cross-checks registry and
 * warehouse; non-zero on any difference.
 */
@Command(name = "verify-integrity", mixinStandardHelpOptions = true,
		description = "Recomputes every current figure from the warehouse rows and checks registry and warehouse.")
class VerifyIntegrityCommand implements Callable<Integer> {

	@Mixin
	LocationOptions locations;

	@Spec
	CommandSpec spec;

	@Option(names = "--format", defaultValue = "table", description = "table or json")
	OutputFormat format;

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		try (ConfigurableApplicationContext context = CommandContexts.start(locations, false)) {
			List<WarehouseAudit.Finding> findings = context.getBean(WarehouseAudit.class).audit();
			List<FigureAudit.Comparison> figures = context.getBean(FigureAudit.class).compareLatest();
			long differences = findings.stream().mapToLong(f -> f.differences().size()).sum()
					+ figures.stream().filter(c -> !c.agrees()).count();
			long rowsCompared = findings.stream().mapToLong(WarehouseAudit.Finding::compared).sum();
			if (format == OutputFormat.JSON) {
				Map<String, Object> report = new LinkedHashMap<>();
				report.put("differences", differences);
				report.put("itemsCompared", rowsCompared);
				report.put("figuresCompared", figures.size());
				report.put("findings", findings);
				report.put("figures", figures);
				out.println(JsonMapper.builder()
					.enable(SerializationFeature.INDENT_OUTPUT)
					.build()
					.writeValueAsString(report));
			}
			else {
				TextTable table = new TextTable("rule", "compared", "result");
				findings.forEach(f -> table.row(f.rule(), f.compared(),
						f.clean() ? "ok" + notes(f) : "DIFFERS: " + String.join("; ", f.differences())));
				figures.forEach(c -> table.row(
						"figure " + c.figureId() + " " + c.asOf() + " = recomputation from the warehouse", 1,
						c.agrees() ? "ok" : "DIFFERS: stored " + c.stored() + ", recomputed " + c.fromWarehouse()));
				out.print(table);
				out.printf("%d rules, %d items and %d figures compared, %d differences%n", findings.size(),
						rowsCompared, figures.size(), differences);
			}
			out.flush();
			return differences == 0 ? 0 : 1;
		}
	}

	private static String notes(WarehouseAudit.Finding finding) {
		return finding.notes().isEmpty() ? "" : " (" + String.join("; ", finding.notes()) + ")";
	}

}
