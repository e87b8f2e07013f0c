package org.tally.answer.internal;

import java.time.LocalDate;
import java.util.List;
import org.tally.answer.AnsweredFile;
import org.tally.answer.MarkedCopy;
import org.tally.answer.RejectsReport;
import org.tally.ingest.LoadStatus;

/**
 * The short Chinese mail a department gets: which file, how many rows, what to fix, and
 * what is attached. Plain text, so that every government mail client shows it alike.
 */
public final class MailText {

	/** The kinds of mail, as recorded. */
	public static final String REJECTS = "rejects";

	public static final String RECEIPT = "receipt";

	private MailText() {
	}

	public static String kind(RejectsReport report) {
		return report.needingFixes().isEmpty() ? RECEIPT : REJECTS;
	}

	public static String subject(RejectsReport report, String departmentName) {
		if (kind(report).equals(RECEIPT)) {
			return "【数据报送回执】" + departmentName + "：" + report.files().size() + "个文件已入库（运行 " + report.runId() + "）";
		}
		return "【数据报送退回】" + departmentName + "：" + report.needingFixes().size() + "个文件需要更正（运行 " + report.runId() + "）";
	}

	/** The name the summary workbook is attached under. */
	public static String workbookName(RejectsReport report, String departmentName) {
		return "退回明细_" + departmentName + "_运行" + report.runId() + ".xlsx";
	}

	public static String body(RejectsReport report, String departmentName, List<MarkedCopy> marked) {
		StringBuilder text = new StringBuilder(departmentName).append("：\n\n");
		boolean receipt = kind(report).equals(RECEIPT);
		text.append(receipt ? "您单位报送的以下文件已全部入库，特此回执。\n\n" : "您单位报送的文件已处理，其中有需要更正的内容，请查看以下说明和附件。\n\n");
		int n = 1;
		for (AnsweredFile file : report.files()) {
			text.append(n++).append(". ").append(file.fileName());
			if (file.file().period() != null) {
				text.append("（报告期 ").append(period(file.file().period())).append("）");
			}
			text.append("\n   ").append(file.outcomeZh()).append("。\n");
			String fix = whatToFix(file, marked);
			if (fix != null) {
				text.append("   ").append(fix).append("\n");
			}
		}
		if (!receipt) {
			text.append("\n附件：\n");
			text.append("- ").append(workbookName(report, departmentName)).append("：每个有误单元格的位置、原值和原因（中英文），可直接打印。\n");
			for (MarkedCopy copy : marked) {
				if (copy.available()) {
					text.append("- ").append(copy.fileName()).append("：您报送的原表，有误的单元格已标红，批注中写明原因。\n");
				}
			}
			text.append("\n请更正后将整个文件重新报送，新文件将替换同一报告期的数据。\n");
		}
		text.append("\n此邮件由 Tally 数据汇总系统在运行 ").append(report.runId()).append(" 后自动发送。\n");
		return text.toString();
	}

	/** What the clerk should do about the file; null for a file loaded cleanly. */
	static String whatToFix(AnsweredFile file, List<MarkedCopy> marked) {
		if (file.file().status() == LoadStatus.QUARANTINED) {
			return "请按上述原因处理后重新报送。";
		}
		if (file.rejects().isEmpty()) {
			return file.file().status() == LoadStatus.REJECTED ? "请检查表格内容后重新报送。" : null;
		}
		String count = "需要更正" + file.rejects().size() + "处（" + file.rejectedRows() + "行）";
		MarkedCopy copy = marked.stream()
			.filter(m -> m.file().file().loadId() == file.file().loadId())
			.findFirst()
			.orElse(null);
		if (copy != null && copy.available()) {
			return count + "，见附件“" + copy.fileName() + "”中标红的单元格。";
		}
		return count + "，见附件退回明细" + (copy == null ? "" : "（" + copy.missingZh() + "）") + "。";
	}

	private static String period(LocalDate date) {
		return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
	}

}
