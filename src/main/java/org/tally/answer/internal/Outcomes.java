package org.tally.answer.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tally.catalog.SourceDefinition;
import org.tally.ingest.FileRecord;
import org.tally.ingest.LoadStatus;

/**
 * What became of a file, as a clerk reads it (Chinese) and as the operator does
 * (English). The registry records whole-file reasons in English only; the Chinese is read
 * from the counts and from the known shapes of those reasons.
 */
public final class Outcomes {

	/** LoadPromoter's reason for a file over its source's reject limit. */
	private static final Pattern OVER_LIMIT = Pattern
		.compile("(\\d+) of (\\d+) rows rejected \\(([^)]*)\\), above the source's limit of ([^;]+);.*");

	private Outcomes() {
	}

	/** A file's outcome in both languages. */
	public record Outcome(String zh, String en) {
	}

	public static Outcome of(FileRecord file, SourceDefinition source) {
		int read = file.rowsRead() == null ? 0 : file.rowsRead();
		int loaded = file.rowsLoaded() == null ? 0 : file.rowsLoaded();
		int rejected = file.rowsRejected() == null ? 0 : file.rowsRejected();
		String reason = file.reason() == null ? "" : file.reason();
		return switch (file.status()) {
			case LOADED -> rejected == 0 ? new Outcome("已入库：共" + read + "行，全部无误", "loaded: all " + read + " rows")
					: new Outcome("已入库：" + read + "行中" + loaded + "行入库，" + rejected + "行有误未入库",
							"loaded: " + loaded + " of " + read + " rows; " + rejected + " rejected");
			case SUPERSEDED -> new Outcome("已入库，后被同期更正的文件替换", reason);
			case REJECTED -> new Outcome(wholeFileRejected(reason, read, rejected, source), reason);
			case QUARANTINED -> new Outcome("无法读取，已隔离：" + quarantined(reason), reason);
			case DUPLICATE -> new Outcome("重复报送：内容与已入库的文件相同，未再读取", reason);
			case PENDING, STAGED -> new Outcome("处理中", file.status().sql());
			case ABANDONED -> new Outcome("已放弃（由后一次运行接手）", reason);
		};
	}

	/** The status alone, short: the summary sheet's 处理结果 column. */
	public static String statusZh(LoadStatus status) {
		return switch (status) {
			case LOADED -> "已入库";
			case SUPERSEDED -> "已入库（已被替换）";
			case REJECTED -> "整表退回";
			case QUARANTINED -> "无法读取，已隔离";
			case DUPLICATE -> "重复报送";
			case PENDING, STAGED -> "处理中";
			case ABANDONED -> "已放弃";
		};
	}

	/** 整表退回：30行中15行有误，超过5%的上限，上期数据继续有效. */
	static String wholeFileRejected(String reason, int read, int rejected, SourceDefinition source) {
		Matcher over = OVER_LIMIT.matcher(reason);
		if (over.matches()) {
			return "整表退回：" + over.group(2) + "行中" + over.group(1) + "行有误，超过" + over.group(4) + "的上限，上期数据继续有效";
		}
		if (read == 0) {
			return "整表退回：表头下没有数据行，上期数据继续有效";
		}
		String limit = source == null ? "" : "，超过" + percent(source.maxRejectRate()) + "的上限";
		return "整表退回：" + read + "行中" + rejected + "行有误" + limit + "，上期数据继续有效";
	}

	private static String percent(BigDecimal rate) {
		return rate.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
	}

	/** A rule: the reason's shape, and what it means in Chinese ($1.. are its groups). */
	private record Rule(Pattern pattern, String zh) {

		Rule(String regex, String zh) {
			this(Pattern.compile(regex, Pattern.DOTALL), zh);
		}

	}

	/**
	 * The reasons ingest gives for a quarantine, first match wins. An unknown reason gets
	 * a general sentence; the English beside it says the rest.
	 */
	private static final List<Rule> QUARANTINE = List.of(
			new Rule("no reporting period in the file name.*",
					"文件名中没有报告期（应如 …_2024-12-31 或 20241231），请在文件名中写明报告期后重新报送"),
			new Rule("no reporting period in the title rows.*", "表头上方的标题中没有报告期（应如“截至2024年12月31日”），请补上后重新报送"),
			new Rule("no fixed period configured", "数据源没有配置固定报告期，请联系管理员"),
			new Rule("no header row found in the first (\\d+) rows.*", "前$1行中找不到表头（没有任何应有的栏目名称），请使用规定的表格格式"),
			new Rule("required column\\(s\\) missing: (.*); header row (\\d+) has: .*",
					"缺少必需的栏目：$1（第$2行是表头），请使用规定的表格格式"),
			new Rule("sheet (.*) not found; sheets: (.*)", "找不到规定的工作表（文件中的工作表：$2）"),
			new Rule("workbook has no visible worksheet", "工作簿中没有可见的工作表"),
			new Rule("password-protected workbook|.*encrypted.*", "文件设有密码，无法读取，请取消密码后重新报送"),
			new Rule("empty file \\(0 bytes\\)", "文件是空的（0字节）"), new Rule("file not found|.*now missing.*", "文件已不在收件箱中"),
			new Rule("the file changed while it was being read.*", "读取过程中文件被改动，下次运行将重新读取，无需重新报送"),
			new Rule("matches more than one source.*", "文件同时符合多个数据源的规则，请联系管理员"),
			new Rule("not a spreadsheet \\(looks like an? ([^)]*)\\).*", "不是电子表格文件（看起来是$1），请报送 Excel 或 CSV 文件"),
			new Rule("not a spreadsheet \\(an HTML page.*", "不是电子表格文件（是网页导出的 HTML），请在 Excel 中打开后另存为 .xlsx"),
			new Rule("not a spreadsheet.*", "不是电子表格文件，请报送 Excel（.xlsx、.xls）或 CSV 文件"),
			new Rule(".*too old; save it as \\.xlsx", "Excel 版本过旧，请另存为 .xlsx 后重新报送"),
			new Rule(".*(\\.ods|OpenDocument).*", "不支持 OpenDocument 表格（.ods），请另存为 .xlsx 后重新报送"),
			new Rule("Excel 2003 XML spreadsheet.*", "不支持 Excel 2003 XML 表格，请另存为 .xlsx 后重新报送"),
			new Rule(".*(too large|beyond the limit|too many|limit of).*", "文件超出允许的大小或内容限制，请删去多余内容或拆分后重新报送"),
			new Rule(".*(zip bomb|document type declaration|entity).*", "文件结构异常，已拒绝读取，请重新导出文件后报送"),
			new Rule(".*(damaged|truncated|malformed|unexpected end).*", "文件已损坏或不完整，请重新导出文件后报送"),
			new Rule(".*(a link|a directory|not a regular file).*", "不是普通文件，未读取"),
			new Rule(".*not valid in its detected encoding.*", "文本编码无法识别，请以 UTF-8 或 GBK 编码保存 CSV 文件"),
			new Rule(".*(parsing stalled|out of memory|stack overflow).*", "文件结构异常，读取超时或超出资源限制，请重新导出文件后报送"));

	static String quarantined(String reason) {
		for (Rule rule : QUARANTINE) {
			Matcher m = rule.pattern().matcher(reason);
			if (m.matches()) {
				return m.replaceFirst(rule.zh()).replaceAll("\\b[a-z_]+ \\[([^,\\]]+)[^\\]]*\\]", "$1");
			}
		}
		return "文件无法按规定格式读取，请检查后重新报送";
	}

}
