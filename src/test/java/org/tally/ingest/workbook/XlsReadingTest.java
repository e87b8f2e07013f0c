package org.tally.ingest.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tally.ingest.workbook.TestFiles.readAll;

import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsReadingTest {

	@TempDir
	Path dir;

	@Test
	void givenATwoRowMergedHeader_onlyTheTopLeftCellsCarryValues() {
		Path f = TestFiles.xls(dir, "header.xls", wb -> {
			Sheet s = wb.createSheet("台账");
			Row h1 = s.createRow(0);
			Row h2 = s.createRow(1);
			h1.createCell(0).setCellValue("项目名称");
			h1.createCell(1).setCellValue("投资额（万元）");
			h2.createCell(1).setCellValue("计划");
			h2.createCell(2).setCellValue("完成");
			s.addMergedRegion(new CellRangeAddress(0, 1, 0, 0));
			s.addMergedRegion(new CellRangeAddress(0, 0, 1, 2));
			Row d = s.createRow(2);
			d.createCell(0).setCellValue("长治产业园");
			d.createCell(1).setCellValue(6023745.5);
			d.createCell(2).setCellValue(0.001);
		});
		List<RawRow> rows = readAll(f);
		assertThat(rows).extracting(RawRow::rowNumber).containsExactly(1, 2, 3);
		assertThat(rows.get(0).cells()).extracting(RawCell::value).containsExactly("项目名称", "投资额（万元）");
		assertThat(rows.get(1).cells()).extracting(RawCell::column).containsExactly(1, 2);
		assertThat(rows.get(2).cells()).extracting(RawCell::value).containsExactly("长治产业园", "6023745.5", "0.001");
		assertThat(rows.get(2).cell(1).kind()).isEqualTo(CellKind.NUMBER);
	}

	@Test
	void givenFormulas_theirCachedValuesAreReadByType() {
		Path f = TestFiles.xls(dir, "formula.xls", TestFiles::formulaRow);
		try (SheetCursor c = Workbooks.open(f)) {
			assertThat(c.format()).isEqualTo("xls");
			RawRow row = c.next();
			assertThat(row.cells()).containsExactly(new RawCell(0, CellKind.NUMBER, "21", false, "General"),
					new RawCell(1, CellKind.NUMBER, "42", false, "General"),
					new RawCell(2, CellKind.TEXT, "n=21", false, "General"),
					new RawCell(3, CellKind.ERROR, "#DIV/0!", false, "General"),
					new RawCell(4, CellKind.BOOLEAN, "TRUE", false, "General"));
		}
	}

	@Test
	void givenHiddenSheetsAndDateCells_xlsBehavesLikeXlsx() {
		Path f = TestFiles.xls(dir, "hidden.xls", wb -> {
			wb.createSheet("隐藏").createRow(0).createCell(0).setCellValue("h");
			Sheet v = wb.createSheet("数据");
			CellStyle date = wb.createCellStyle();
			date.setDataFormat(wb.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
			v.createRow(0).createCell(0).setCellValue(45000);
			v.getRow(0).getCell(0).setCellStyle(date);
			v.getRow(0).createCell(1).setCellValue(45000);
			wb.setActiveSheet(1);
			wb.setSheetHidden(0, true);
		});
		assertThat(Workbooks.visibleSheetNames(f)).containsExactly("数据");
		assertThat(readAll(f).get(0).cells()).extracting(RawCell::dateFormatted).containsExactly(true, false);
		assertThat(readAll(f, SheetSelector.named("隐藏"), ReadLimits.defaults()).get(0).cell(0).value()).isEqualTo("h");
	}

}
