package org.tally.seeds;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;
import tools.jackson.dataformat.csv.CsvWriteFeature;

/**
 * Writes the health commission's CSV export: GB18030 without BOM, CRLF, a totals line and
 * a signature.
 */
final class HealthCsv {

	static final Charset GB18030 = Charset.forName("GB18030");
	static final List<String> HEADERS = List.of("序号", "项目编号", "北京医院", "长治医院", "所在县区", "派驻专家（人次）", "诊疗患者（人次）",
			"对口合作资金（万元）", "到位资金（万元）");
	static final String SIGNATURE = "填报人：赵静";

	/**
	 * RFC 4180 records ending in CRLF, a field quoted only when it holds a delimiter,
	 * quote or line break.
	 */
	private static final ObjectWriter CSV = CsvMapper.builder()
		.enable(CsvWriteFeature.STRICT_CHECK_FOR_QUOTING)
		.build()
		.writer(CsvSchema.emptySchema().withoutHeader().withLineSeparator("\r\n"));

	private HealthCsv() {
	}

	static String fileName(Period period) {
		return "市卫健委_卫生健康对口合作_" + period.compact() + ".csv";
	}

	static void write(PeriodInbox inbox, Path file) throws IOException {
		try (Writer out = Files.newBufferedWriter(file, GB18030); SequenceWriter csv = CSV.writeValues(out)) {
			csv.write(HEADERS);
			int experts = 0;
			int patients = 0;
			BigDecimal fund = BigDecimal.ZERO;
			BigDecimal arrived = BigDecimal.ZERO;
			List<HealthRow> rows = inbox.health();
			for (int k = 0; k < rows.size(); k++) {
				HealthRow h = rows.get(k);
				csv.write(Arrays.asList(String.valueOf(k + 1), h.code(), h.beijingHospital(), h.changzhiHospital(),
						h.county(), String.valueOf(h.expertVisits()), String.valueOf(h.patientsTreated()),
						amount(h.fund(), h.fundGrouped()), amount(h.fundArrived(), h.arrivedGrouped())));
				experts += h.expertVisits();
				patients += h.patientsTreated();
				fund = fund.add(h.fund());
				arrived = arrived.add(h.fundArrived());
			}
			csv.write(List.of("合计", "", "", "", "", String.valueOf(experts), String.valueOf(patients),
					fund.toPlainString(), arrived.toPlainString()));
			csv.write(List.of(SIGNATURE));
		}
	}

	private static String amount(BigDecimal value, boolean grouped) {
		return grouped ? SheetWriter.grouped(value) : value.setScale(2).toPlainString();
	}

}
