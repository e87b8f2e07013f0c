package org.tally.seeds;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes the health commission's CSV export: GB18030 without BOM, CRLF, a totals line and
 * a signature.
 */
final class HealthCsv {

	static final Charset GB18030 = Charset.forName("GB18030");
	static final List<String> HEADERS = List.of("序号", "项目编号", "北京医院", "长治医院", "所在县区", "派驻专家（人次）", "诊疗患者（人次）",
			"对口合作资金（万元）", "到位资金（万元）");
	static final String SIGNATURE = "填报人：赵静";

	private HealthCsv() {
	}

	static String fileName(Period period) {
		return "市卫健委_卫生健康对口合作_" + period.compact() + ".csv";
	}

	static void write(PeriodInbox inbox, Path file) throws IOException {
		CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get();
		try (Writer out = Files.newBufferedWriter(file, GB18030); CSVPrinter csv = new CSVPrinter(out, format)) {
			csv.printRecord(HEADERS);
			int experts = 0;
			int patients = 0;
			BigDecimal fund = BigDecimal.ZERO;
			BigDecimal arrived = BigDecimal.ZERO;
			List<HealthRow> rows = inbox.health();
			for (int k = 0; k < rows.size(); k++) {
				HealthRow h = rows.get(k);
				csv.printRecord(k + 1, h.code(), h.beijingHospital(), h.changzhiHospital(), h.county(),
						h.expertVisits(), h.patientsTreated(), amount(h.fund(), h.fundGrouped()),
						amount(h.fundArrived(), h.arrivedGrouped()));
				experts += h.expertVisits();
				patients += h.patientsTreated();
				fund = fund.add(h.fund());
				arrived = arrived.add(h.fundArrived());
			}
			List<Object> totals = new ArrayList<>(List.of("合计", "", "", "", ""));
			totals.addAll(List.of(experts, patients, fund.toPlainString(), arrived.toPlainString()));
			csv.printRecord(totals);
			csv.printRecord(SIGNATURE);
		}
	}

	private static String amount(BigDecimal value, boolean grouped) {
		return grouped ? SheetWriter.grouped(value) : value.setScale(2).toPlainString();
	}

}
