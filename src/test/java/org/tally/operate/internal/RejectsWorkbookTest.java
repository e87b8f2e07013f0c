package org.tally.operate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tally.validate.RejectedCell;

/**
 * Sheet names come from file names, which Excel limits: each file still gets its own
 * valid sheet.
 */
class RejectsWorkbookTest {

	@TempDir
	Path temp;

	@Test
	void givenFileNamesLongerThanASheetNameAllowsAndSharingTheirStart_eachFileGetsItsOwnSheet() throws Exception {
		String longName = "市财政局_京长对口合作项目台账_2024年12月31日_第二次更正_请以此为准";
		List<RejectedCell> rejects = List.of(reject(1, "finance/" + longName + "_A.xlsx"),
				reject(2, "finance/" + longName + "_B.xlsx"), reject(3, "finance/=HYPERLINK[1].xlsx"),
				reject(4, "health/summary.csv"));
		Path out = temp.resolve("rejects.xlsx");

		RejectsWorkbook.write(7, rejects, List.of(), out);

		try (InputStream in = Files.newInputStream(out); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			List<String> names = new ArrayList<>();
			workbook.forEach(sheet -> names.add(sheet.getSheetName()));
			assertThat(names).hasSize(5).doesNotHaveDuplicates().allMatch(n -> n.length() <= 31);
			assertThat(names.get(1)).isEqualTo(longName.substring(0, 31));
			assertThat(names.get(2)).endsWith(" (2)");
			assertThat(names.get(3)).doesNotStartWith("=").doesNotContain("[", "]");
			assertThat(names.get(4)).isEqualTo("summary");
			assertThat(workbook.getSheetAt(3).getRow(0).getCell(0).getStringCellValue())
				.isEqualTo("文件 File：finance/=HYPERLINK[1].xlsx");
		}
	}

	private static RejectedCell reject(long loadId, String file) {
		return new RejectedCell(7, loadId, "finance-projects", "finance", file, LocalDate.of(2024, 12, 31), "loaded",
				"项目台账", 5, "B5", "project_name", null, "必填项为空：项目名称", "required value missing: project_name",
				Map.of("A5", "JC2024-0001"));
	}

}
