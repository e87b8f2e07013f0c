package org.tally.mailbox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Given attachment names as senders write them, an honest name keeps its Chinese text and
 * its date, and a name that would leave its folder is refused with the reason.
 */
class SafeNamesTest {

	@Test
	void givenAnHonestName_itIsKeptWithALowerCaseExtension() {
		SafeNames.Checked checked = SafeNames.check("市财政局_京长对口合作项目台账_2024-12-31.XLSX");

		assertThat(checked.name()).isEqualTo("市财政局_京长对口合作项目台账_2024-12-31.xlsx");
		assertThat(checked.kind()).isEqualTo(SafeNames.Kind.SPREADSHEET);
	}

	@Test
	void givenAParentFolderAnAbsolutePathOrAControlCharacter_theNameIsRefused() {
		assertThat(SafeNames.check("../../inbox/finance/台账.xlsx").refusal()).contains("names a parent folder");
		assertThat(SafeNames.check("..\\台账.xlsx").refusal()).contains("names a parent folder");
		assertThat(SafeNames.check("/etc/cron.d/台账.xlsx").refusal()).contains("is an absolute path");
		assertThat(SafeNames.check("C:\\Users\\clerk\\台账.xlsx").refusal()).contains("is an absolute path");
		assertThat(SafeNames.check("\\\\server\\share\\台账.xlsx").refusal()).contains("is an absolute path");
		assertThat(SafeNames.check("台账\n.xlsx").refusal()).contains("control characters");
	}

	@Test
	void givenAFolderInsideAZip_onlyTheLastSegmentIsKept() {
		assertThat(SafeNames.check("2024年报表/教育局/统计表.xls").name()).isEqualTo("统计表.xls");
	}

	@Test
	void givenArchivesNothingOpensAndOtherFiles_theyAreToldApart() {
		assertThat(SafeNames.check("报表.rar").kind()).isEqualTo(SafeNames.Kind.OTHER_ARCHIVE);
		assertThat(SafeNames.check("报表.zip").kind()).isEqualTo(SafeNames.Kind.ZIP);
		assertThat(SafeNames.check("说明.docx").kind()).isEqualTo(SafeNames.Kind.OTHER);
	}

}
