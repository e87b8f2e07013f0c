package org.tally.ingest.workbook;

import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tally.ingest.workbook.TestFiles.readAll;

import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReadingTest {

	@TempDir
	Path dir;

	private static final String TABLE = "项目,金额,备注\n长治产业园,6023745.50,京长对口合作\n";

	private static List<String> values(RawRow row) {
		return row.cells().stream().map(RawCell::value).toList();
	}

	@Test
	void givenUtf8WithAndWithoutBom_theTextReadsTheSame() {
		for (Path f : List.of(TestFiles.text(dir, "a.csv", TABLE, UTF_8),
				TestFiles.text(dir, "b.csv", TABLE, UTF_8, (byte) 0xEF, (byte) 0xBB, (byte) 0xBF))) {
			List<RawRow> rows = readAll(f);
			assertThat(values(rows.get(0))).containsExactly("项目", "金额", "备注");
			assertThat(values(rows.get(1))).containsExactly("长治产业园", "6023745.50", "京长对口合作");
			assertThat(rows.get(1).cells()).extracting(RawCell::kind).containsOnly(CellKind.TEXT);
		}
	}

	@Test
	void givenGb18030Text_itIsDetectedAndDecoded() {
		String text = TABLE + "北京市朝阳区,110,对口支援项目资金已拨付到位\n长治市潞州区,220,产业合作园区建设\n";
		Path f = TestFiles.text(dir, "gbk.csv", text, Charset.forName("GB18030"));
		List<RawRow> rows = readAll(f);
		assertThat(values(rows.get(0))).containsExactly("项目", "金额", "备注");
		assertThat(values(rows.get(3))).containsExactly("长治市潞州区", "220", "产业合作园区建设");
	}

	@Test
	void givenUtf16leWithBomAndTabs_theTextIsRead() {
		Path f = TestFiles.text(dir, "u16.txt", "项目\t金额\n长治\t1.5\n", UTF_16LE, (byte) 0xFF, (byte) 0xFE);
		List<RawRow> rows = readAll(f);
		assertThat(values(rows.get(0))).containsExactly("项目", "金额");
		assertThat(values(rows.get(1))).containsExactly("长治", "1.5");
	}

	@Test
	void givenSemicolonOrTabDelimiters_theyAreDetected() {
		Path semi = TestFiles.text(dir, "semi.csv", "a;b;c\n1,5;2;3\n", UTF_8);
		assertThat(values(readAll(semi).get(1))).containsExactly("1,5", "2", "3");
		Path tab = TestFiles.text(dir, "tab.tsv", "a\tb, c\n1\t2\n", UTF_8);
		assertThat(values(readAll(tab).get(0))).containsExactly("a", "b, c");
		Path hinted = TestFiles.text(dir, "hint.csv", "sep=;\na,x;b\n", UTF_8);
		List<RawRow> rows = readAll(hinted);
		assertThat(rows.get(0).rowNumber()).isEqualTo(1);
		assertThat(values(rows.get(0))).containsExactly("a,x", "b");
	}

	@Test
	void givenQuotedFieldsWithCommasAndLineBreaks_rowsCountByRecord() throws Exception {
		StringWriter out = new StringWriter();
		try (CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT)) {
			p.printRecord("名称", "说明");
			p.printRecord("甲, 乙", "第一行\n第二行");
			p.printRecord("", "", "");
			p.printRecord("丙", "", "\"引号\"");
		}
		Path f = TestFiles.text(dir, "quoted.csv", out.toString(), UTF_8);
		List<RawRow> rows = readAll(f);
		assertThat(rows).extracting(RawRow::rowNumber).containsExactly(1, 2, 4);
		assertThat(values(rows.get(1))).containsExactly("甲, 乙", "第一行\n第二行");
		assertThat(rows.get(2).cells()).extracting(RawCell::column).containsExactly(0, 2);
		assertThat(rows.get(2).cell(2).value()).isEqualTo("\"引号\"");
	}

	@Test
	void givenACsvReadToItsEnd_theCursorHasDigestedEveryByteOfIt() throws Exception {
		// A BOM and a "sep=" line are bytes of the file too, though neither is a row.
		Path f = TestFiles.text(dir, "sep.csv", "sep=;\n项目;金额\n长治;1,5\n", UTF_8, (byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
		try (SheetCursor cursor = Workbooks.open(f)) {
			assertThat(cursor.next().rowNumber()).isEqualTo(1);
			assertThat(cursor.sha256OfFile()).as("rows remain").isEmpty();
			while (cursor.hasNext()) {
				cursor.next();
			}
			assertThat(cursor.sha256OfFile()).contains(org.tally.ingest.FileDigests.sha256(f));
		}
	}

	@Test
	void givenACsv_theCursorNamesItsSingleSheetAfterTheFile() {
		Path f = TestFiles.text(dir, "汇总表.csv", TABLE, UTF_8);
		try (SheetCursor c = Workbooks.open(f)) {
			assertThat(c.format()).isEqualTo("csv");
			assertThat(c.sheetName()).isEqualTo("汇总表");
		}
		assertThat(Workbooks.visibleSheetNames(f)).containsExactly("汇总表");
	}

}
