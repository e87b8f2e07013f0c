package org.tally.seeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tally.seeds.InboxFiles.money;
import static org.tally.seeds.InboxFiles.sum;
import static org.tally.seeds.InboxFiles.text;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Education, health and science files agree with the ledger and with the press figures.
 */
class DepartmentSeedsTest {

	@TempDir
	static Path inbox;
	static List<Path> written;
	static Map<String, InboxFiles.LedgerLine> decLedger;
	static Map<String, InboxFiles.LedgerLine> junLedger;

	record EducationLine(String code, String matter, String bjSchool, String czSchool, String county, int teachers,
			int students, BigDecimal arranged, BigDecimal arrived, boolean teachersText) {
		String identity() {
			return code + "|" + matter + "|" + bjSchool + "|" + czSchool;
		}
	}

	@BeforeAll
	static void generate() throws Exception {
		written = new SeedGenerator(SeedGenerator.DEFAULT_SEED).generate(inbox);
		try (Workbook dec = InboxFiles.open(inbox.resolve(InboxFiles.LEDGER_DEC));
				Workbook jun = InboxFiles.open(inbox.resolve(InboxFiles.LEDGER_JUN))) {
			decLedger = InboxFiles.ledger(dec.getSheet("项目台账"))
				.stream()
				.collect(Collectors.toMap(InboxFiles.LedgerLine::code, l -> l));
			junLedger = InboxFiles.ledger(jun.getSheet("项目台账"))
				.stream()
				.collect(Collectors.toMap(InboxFiles.LedgerLine::code, l -> l));
		}
	}

	@Test
	void givenAnInboxDirectory_theGeneratorWritesTheEightFilesAndReturnsThem() {
		assertThat(written).containsExactlyElementsOf(InboxFiles.ALL.stream().map(inbox::resolve).toList());
		assertThat(written).allSatisfy(f -> assertThat(f).isRegularFile());
	}

	// ------------------------------------------------------------------ education

	static List<EducationLine> education(Sheet sheet) {
		List<EducationLine> lines = new ArrayList<>();
		for (int r = 4; !text(sheet.getRow(r), 0).equals("合计"); r++) {
			Row row = sheet.getRow(r);
			boolean teachersText = row.getCell(6).getCellType() == CellType.STRING;
			int teachers = teachersText ? Integer.parseInt(row.getCell(6).getStringCellValue())
					: (int) row.getCell(6).getNumericCellValue();
			lines.add(new EducationLine(text(row, 1), text(row, 2), text(row, 3), text(row, 4), text(row, 5), teachers,
					(int) row.getCell(7).getNumericCellValue(), money(row, 8), money(row, 9), teachersText));
		}
		return lines;
	}

	@Test
	void givenTheEducationXls_itsTwoRowHeaderIsMergedAsTheBureauDrawsIt() throws Exception {
		try (Workbook wb = InboxFiles.open(inbox.resolve(InboxFiles.EDUCATION_DEC))) {
			assertThat(wb.getClass().getSimpleName()).isEqualTo("HSSFWorkbook");
			Sheet sheet = wb.getSheet("教育合作");
			assertThat(text(sheet.getRow(0), 0)).isEqualTo("长治市教育领域京长对口合作情况统计表");
			assertThat(text(sheet.getRow(1), 0)).isEqualTo("填报单位：市教育局        截至2024年12月31日        单位：万元");
			assertThat(IntStream.range(0, 10).mapToObj(c -> text(sheet.getRow(2), c)).toList()).containsExactly("序号",
					"项目编号", "合作事项", "北京学校", "长治学校", "所在县区", "培训教师（人次）", "受益学生（人）", "合作资金", "");
			assertThat(text(sheet.getRow(3), 8)).isEqualTo("安排");
			assertThat(text(sheet.getRow(3), 9)).isEqualTo("到位");
			Set<String> merged = sheet.getMergedRegions()
				.stream()
				.map(m -> m.formatAsString())
				.collect(Collectors.toSet());
			assertThat(merged).contains("A3:A4", "B3:B4", "C3:C4", "D3:D4", "E3:E4", "F3:F4", "G3:G4", "H3:H4",
					"I3:J3");
		}
		try (Workbook wb = InboxFiles.open(inbox.resolve(InboxFiles.EDUCATION_JUN))) {
			assertThat(text(wb.getSheet("教育合作").getRow(1), 0)).isEqualTo("填报单位：市教育局        截至2024年6月30日        单位：万元");
		}
	}

	@Test
	void givenTheEducationFiles_codedItemsAreEducationLedgerProjectsWithTheLedgersFunds() throws Exception {
		for (var file : Map.of(InboxFiles.EDUCATION_DEC, decLedger, InboxFiles.EDUCATION_JUN, junLedger).entrySet()) {
			try (Workbook wb = InboxFiles.open(inbox.resolve(file.getKey()))) {
				List<EducationLine> lines = education(wb.getSheet("教育合作"));
				List<String> codes = lines.stream().map(EducationLine::code).filter(c -> !c.isEmpty()).toList();
				assertThat(codes).doesNotHaveDuplicates();
				for (EducationLine e : lines) {
					if (!e.code().isEmpty()) {
						var project = file.getValue().get(e.code());
						assertThat(project).as(e.code()).isNotNull();
						assertThat(project.field()).isEqualTo("教育");
						assertThat(e.arranged()).isEqualByComparingTo(project.arranged());
						assertThat(e.arrived()).isEqualByComparingTo(project.paid());
					}
					assertThat(e.arrived()).isLessThanOrEqualTo(e.arranged());
					assertThat(e.county()).isIn(SampleNames.COUNTIES);
				}
				assertThat(lines.stream().filter(EducationLine::teachersText)).hasSize(1);
			}
		}
	}

	@Test
	void givenTheEducationFiles_decemberHas30ItemsAboutHalfUncodedAndJune22OfThem() throws Exception {
		List<EducationLine> dec;
		List<EducationLine> jun;
		try (Workbook d = InboxFiles.open(inbox.resolve(InboxFiles.EDUCATION_DEC));
				Workbook j = InboxFiles.open(inbox.resolve(InboxFiles.EDUCATION_JUN))) {
			dec = education(d.getSheet("教育合作"));
			jun = education(j.getSheet("教育合作"));
		}
		assertThat(dec).hasSize(30);
		assertThat(jun).hasSize(22);
		assertThat(dec.stream().filter(e -> e.code().isEmpty()).count()).isBetween(12L, 18L);
		Map<String, EducationLine> decById = dec.stream().collect(Collectors.toMap(EducationLine::identity, e -> e));
		assertThat(decById).hasSize(30);
		for (EducationLine e : jun) {
			EducationLine d = decById.get(e.identity());
			assertThat(d).as(e.identity()).isNotNull();
			assertThat(e.teachers()).isLessThanOrEqualTo(d.teachers());
			assertThat(e.students()).isLessThanOrEqualTo(d.students());
		}
	}

	@Test
	void givenTheEducationTotalsRow_itsCachedSumsEqualTheDetailsIncludingTheCountTypedAsText() throws Exception {
		try (Workbook wb = InboxFiles.open(inbox.resolve(InboxFiles.EDUCATION_DEC))) {
			Sheet sheet = wb.getSheet("教育合作");
			List<EducationLine> lines = education(sheet);
			Row totals = sheet.getRow(4 + lines.size());
			assertThat(text(totals, 0)).isEqualTo("合计");
			assertThat(totals.getCell(6).getCellType()).isEqualTo(CellType.FORMULA);
			assertThat((int) totals.getCell(6).getNumericCellValue())
				.isEqualTo(lines.stream().mapToInt(EducationLine::teachers).sum());
			assertThat((int) totals.getCell(7).getNumericCellValue())
				.isEqualTo(lines.stream().mapToInt(EducationLine::students).sum());
			assertThat(money(totals, 8))
				.isEqualByComparingTo(sum(lines.stream().map(EducationLine::arranged).toList()));
			assertThat(money(totals, 9)).isEqualByComparingTo(sum(lines.stream().map(EducationLine::arrived).toList()));
			assertThat(text(sheet.getRow(5 + lines.size()), 0)).isEqualTo("说明：合作资金为北京市对口合作资金。");
		}
	}

	// ------------------------------------------------------------------ health

	static List<CSVRecord> csv(String file) throws Exception {
		byte[] bytes = Files.readAllBytes(inbox.resolve(file));
		String content = Charset.forName("GB18030")
			.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT)
			.decode(ByteBuffer.wrap(bytes))
			.toString();
		return CSVFormat.DEFAULT.parse(new StringReader(content)).getRecords();
	}

	static BigDecimal amount(String raw) {
		return new BigDecimal(raw.replace(",", ""));
	}

	@Test
	void givenTheHealthCsv_itIsStrictGb18030WithoutBomWithCrlfLines() throws Exception {
		for (String file : List.of(InboxFiles.HEALTH_DEC, InboxFiles.HEALTH_JUN)) {
			byte[] bytes = Files.readAllBytes(inbox.resolve(file));
			// GB18030 encodes U+FEFF as 84 31 95 33; a UTF-8 BOM would be EF BB BF.
			// Neither may lead.
			assertThat(HexFormat.of().formatHex(bytes, 0, 4)).isNotEqualTo("84319533").doesNotStartWith("efbbbf");
			String content = new String(bytes, Charset.forName("GB18030"));
			assertThat(content).doesNotContain("\uFFFD");
			assertThat(content.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
			assertThat(content).startsWith("序号,项目编号,北京医院,长治医院,所在县区,派驻专家（人次）,诊疗患者（人次）,对口合作资金（万元）,到位资金（万元）\r\n");
			assertThat(content).endsWith("填报人：赵静\r\n");
			try {
				csv(file);
			}
			catch (CharacterCodingException e) {
				throw new AssertionError(file + " is not GB18030", e);
			}
		}
	}

	@Test
	void givenTheHealthCsv_decemberHas20RowsJune15AndCodedRowsCarryTheLedgersFunds() throws Exception {
		Map<String, List<CSVRecord>> details = new HashMap<>();
		for (var file : Map.of(InboxFiles.HEALTH_DEC, decLedger, InboxFiles.HEALTH_JUN, junLedger).entrySet()) {
			List<CSVRecord> records = csv(file.getKey());
			List<CSVRecord> rows = records.subList(1, records.size() - 2);
			details.put(file.getKey(), rows);
			Set<String> codes = new HashSet<>();
			for (CSVRecord r : rows) {
				assertThat(r.size()).isEqualTo(9);
				assertThat(r.get(4)).isIn(SampleNames.COUNTIES);
				if (!r.get(1).isEmpty()) {
					assertThat(codes.add(r.get(1))).as("code once: " + r.get(1)).isTrue();
					var project = file.getValue().get(r.get(1));
					assertThat(project.field()).isEqualTo("医疗卫生");
					assertThat(amount(r.get(7))).isEqualByComparingTo(project.arranged());
					assertThat(amount(r.get(8))).isEqualByComparingTo(project.paid());
				}
				assertThat(amount(r.get(8))).isLessThanOrEqualTo(amount(r.get(7)));
			}
			assertThat(rows.stream().filter(r -> r.get(1).isEmpty())).isNotEmpty();
			CSVRecord totals = records.get(records.size() - 2);
			assertThat(totals.get(0)).isEqualTo("合计");
			assertThat(List.of(totals.get(1), totals.get(2), totals.get(3), totals.get(4))).containsOnly("");
			assertThat(Integer.parseInt(totals.get(5)))
				.isEqualTo(rows.stream().mapToInt(r -> Integer.parseInt(r.get(5))).sum());
			assertThat(Integer.parseInt(totals.get(6)))
				.isEqualTo(rows.stream().mapToInt(r -> Integer.parseInt(r.get(6))).sum());
			assertThat(amount(totals.get(7)))
				.isEqualByComparingTo(sum(rows.stream().map(r -> amount(r.get(7))).toList()));
			assertThat(amount(totals.get(8)))
				.isEqualByComparingTo(sum(rows.stream().map(r -> amount(r.get(8))).toList()));
			assertThat(records.get(records.size() - 1).get(0)).isEqualTo("填报人：赵静");
		}
		List<CSVRecord> dec = details.get(InboxFiles.HEALTH_DEC);
		List<CSVRecord> jun = details.get(InboxFiles.HEALTH_JUN);
		assertThat(dec).hasSize(20);
		assertThat(jun).hasSize(15);
		Set<String> decKeys = dec.stream()
			.map(r -> r.get(1) + "|" + r.get(2) + "|" + r.get(3))
			.collect(Collectors.toSet());
		assertThat(decKeys).hasSize(20);
		assertThat(jun).allSatisfy(r -> assertThat(decKeys).contains(r.get(1) + "|" + r.get(2) + "|" + r.get(3)));
	}

	@Test
	void givenTheHealthCsv_someAmountsAreQuotedWithThousandsSeparators() throws Exception {
		String content = Files.readString(inbox.resolve(InboxFiles.HEALTH_DEC), Charset.forName("GB18030"));
		assertThat(content).containsPattern("\"\\d{1,3}(,\\d{3})+\\.\\d{2}\"");
	}

	// ------------------------------------------------------------------ science

	record ScienceLine(String code, String county, BigDecimal amount, LocalDate signed) {
	}

	static List<ScienceLine> science(Sheet sheet) {
		List<ScienceLine> lines = new ArrayList<>();
		for (int r = 2; !text(sheet.getRow(r), 0).equals("合計"); r++) {
			Row row = sheet.getRow(r);
			assertThat(row.getCell(7).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(DateUtil.isCellDateFormatted(row.getCell(7))).isTrue();
			lines.add(new ScienceLine(text(row, 1), text(row, 5), money(row, 6),
					row.getCell(7).getLocalDateTimeCellValue().toLocalDate()));
		}
		return lines;
	}

	@Test
	void givenTheScienceSheet_itIsInTraditionalCharactersWith64ResultsWorth103046800Yuan() throws Exception {
		try (Workbook wb = InboxFiles.open(inbox.resolve(InboxFiles.SCIENCE_DEC))) {
			Sheet sheet = wb.getSheet("科技成果轉化");
			assertThat(sheet).isNotNull();
			assertThat(text(sheet.getRow(0), 0)).isEqualTo("北京科技成果在長治轉化情況（統計截至2024年12月31日）");
			assertThat(IntStream.range(0, 8).mapToObj(c -> text(sheet.getRow(1), c)).toList()).containsExactly("序號",
					"成果編號", "成果名稱", "北京單位", "長治承接單位", "所在縣區", "合同金額（元）", "簽約日期");
			List<ScienceLine> lines = science(sheet);
			assertThat(lines).hasSize(64);
			assertThat(lines.stream().map(ScienceLine::code).toList())
				.isEqualTo(IntStream.rangeClosed(1, 64).mapToObj(i -> String.format("KJ2024-%03d", i)).toList());
			assertThat(sum(lines.stream().map(ScienceLine::amount).toList())).isEqualByComparingTo("103046800.00");
			assertThat(lines).allSatisfy(l -> {
				assertThat(l.county()).isIn(SampleNames.TRADITIONAL_COUNTIES.values());
				assertThat(l.signed()).isBetween(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));
			});
			Row totals = sheet.getRow(2 + lines.size());
			assertThat(text(totals, 0)).isEqualTo("合計");
			assertThat(totals.getCell(6).getCellFormula()).isEqualTo("SUM(G3:G66)");
			assertThat(money(totals, 6)).isEqualByComparingTo("103046800.00");
			assertThat(text(sheet.getRow(3 + lines.size()), 0)).isEqualTo("說明：合同金額以技術合同登記為準。");
		}
	}

	@Test
	void givenTheMidYearScienceSheet_itLists45OfDecembersResultsSignedByJune() throws Exception {
		try (Workbook d = InboxFiles.open(inbox.resolve(InboxFiles.SCIENCE_DEC));
				Workbook j = InboxFiles.open(inbox.resolve(InboxFiles.SCIENCE_JUN))) {
			assertThat(text(j.getSheet("科技成果轉化").getRow(0), 0)).isEqualTo("北京科技成果在長治轉化情況（統計截至2024年6月30日）");
			List<ScienceLine> dec = science(d.getSheet("科技成果轉化"));
			List<ScienceLine> jun = science(j.getSheet("科技成果轉化"));
			assertThat(jun).hasSize(45);
			assertThat(dec).containsAll(jun);
			assertThat(jun).allSatisfy(l -> assertThat(l.signed()).isBeforeOrEqualTo(LocalDate.of(2024, 6, 30)));
		}
	}

}
