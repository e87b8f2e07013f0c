package org.tally.answer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.tally.ingest.FileRecord;
import org.tally.ingest.LoadStatus;

/**
 * Given what the registry recorded of a file, in English, the clerk reads it in Chinese:
 * a whole file sent back, a file set aside, a file loaded with some rows rejected.
 */
class OutcomesTest {

	@Test
	void givenAFileOverItsRejectLimit_theClerkReadsThatTheWholeFileIsSentBackAndLastPeriodStands() {
		Outcomes.Outcome outcome = Outcomes.of(file(LoadStatus.REJECTED,
				"15 of 30 rows rejected (50%), above the source's limit of 5%; the previous load stays current", 30, 0,
				15), null);

		assertThat(outcome.zh()).isEqualTo("整表退回：30行中15行有误，超过5%的上限，上期数据继续有效");
		assertThat(outcome.en()).startsWith("15 of 30 rows rejected");
	}

	@Test
	void givenAFileWithoutDataRows_theClerkReadsThatNoRowsWereBelowTheHeader() {
		assertThat(Outcomes.of(file(LoadStatus.REJECTED, "no data rows below the header", 0, 0, 0), null).zh())
			.isEqualTo("整表退回：表头下没有数据行，上期数据继续有效");
	}

	@Test
	void givenAFileLoadedWithSomeRowsRejected_theClerkReadsHowManyOfHowMany() {
		assertThat(Outcomes.of(file(LoadStatus.LOADED, null, 40, 38, 2), null).zh()).isEqualTo("已入库：40行中38行入库，2行有误未入库");
	}

	@Test
	void givenQuarantineReasons_theClerkReadsThemInChinese() {
		assertThat(Outcomes.quarantined("password-protected workbook")).isEqualTo("文件设有密码，无法读取，请取消密码后重新报送");
		assertThat(Outcomes.quarantined("not a spreadsheet (looks like a PDF)"))
			.isEqualTo("不是电子表格文件（看起来是PDF），请报送 Excel 或 CSV 文件");
		assertThat(Outcomes.quarantined(
				"required column(s) missing: project_code [项目编号, 项目代码], county [所在县区, 县区]; header row 3 has: [序号, 名称]"))
			.isEqualTo("缺少必需的栏目：项目编号, 所在县区（第3行是表头），请使用规定的表格格式");
		assertThat(Outcomes.quarantined("something new went wrong")).isEqualTo("文件无法按规定格式读取，请检查后重新报送");
	}

	private static FileRecord file(LoadStatus status, String reason, int read, int loaded, int rejected) {
		return new FileRecord(1, 7, "finance-projects", "finance", "projects", "finance/台账.xlsx", null, "0".repeat(64),
				1, status, reason, read, loaded, rejected, false, OffsetDateTime.now());
	}

}
