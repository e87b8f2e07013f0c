package org.tally.ingest.workbook.xlsx;

import java.io.Closeable;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.stream.XMLInputFactory;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackageRelationshipCollection;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.openxml4j.opc.internal.ZipHelper;
import org.apache.poi.openxml4j.util.ZipFileZipEntrySource;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.tally.ingest.workbook.ReadLimits;
import org.tally.ingest.workbook.SheetSelector;
import org.tally.ingest.workbook.UnreadableFileException;
import org.tally.ingest.workbook.internal.Failures;
import org.tally.ingest.workbook.internal.Refused;

/**
 * An opened OOXML spreadsheet package: its sheet list, 1904 flag and related parts.
 * Namespace agnostic, so Transitional and Strict OOXML read alike.
 */
final class XlsxPackage implements Closeable {

	private static final String TRANSITIONAL_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";

	private static final String STRICT_DOC = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument";

	record Sheet(String name, String relId, boolean visible, String kind) {
		boolean worksheet() {
			return "worksheet".equals(kind);
		}
	}

	private final Path file;

	private final OPCPackage pkg;

	private final PackagePart workbookPart;

	private final List<Sheet> sheets;

	private final boolean date1904;

	private final XMLInputFactory xml;

	private final CappedParts parts;

	private XlsxPackage(Path file, OPCPackage pkg, CappedParts parts, PackagePart workbookPart, ReadLimits limits)
			throws Exception {
		this.file = file;
		this.pkg = pkg;
		this.parts = parts;
		this.workbookPart = workbookPart;
		this.xml = Xml.factory();
		XlsxWorkbookXml.Listing listing = XlsxWorkbookXml.read(workbookPart, xml, limits.maxSheets());
		this.sheets = listing.sheets();
		this.date1904 = listing.date1904();
	}

	static XlsxPackage open(Path file, ReadLimits limits) throws Exception {
		ZipSecureFile zip;
		try {
			// Opened by us (not OPCPackage.open(File)): POI would silently fall back to
			// reading a
			// damaged archive as a stream, whole into memory, ignoring the central
			// directory.
			zip = ZipHelper.openZipFile(file.toFile());
		}
		catch (Exception e) {
			throw new UnreadableFileException(file, null,
					"damaged or truncated ZIP archive (" + Failures.describe(e) + ")", e);
		}
		OPCPackage pkg = null;
		CappedParts parts = new CappedParts(new ZipFileZipEntrySource(zip), limits.maxPartBytes());
		try {
			pkg = OPCPackage.open(parts);
			PackageRelationshipCollection rels = pkg.getRelationshipsByType(TRANSITIONAL_DOC);
			if (rels.isEmpty()) {
				rels = pkg.getRelationshipsByType(STRICT_DOC);
			}
			PackagePart main = rels.isEmpty() ? fallbackWorkbook(pkg) : pkg.getPart(rels.getRelationship(0));
			if (main == null) {
				throw new UnreadableFileException(file, null, "ZIP archive is not an Office document (no main part)");
			}
			checkContentType(file, main.getContentType());
			XlsxPackage opened = new XlsxPackage(file, pkg, parts, main, limits);
			parts.check();
			return opened;
		}
		catch (Throwable t) {
			if (pkg != null) {
				pkg.revert();
			}
			else {
				zip.close();
			}
			Refused refusal = parts.refusal();
			if (refusal != null) {
				throw refusal;
			}
			throw t;
		}
	}

	private static PackagePart fallbackWorkbook(OPCPackage pkg) throws Exception {
		return pkg.getPart(PackagingURIHelper.createPartName("/xl/workbook.xml"));
	}

	private static void checkContentType(Path file, String ct) {
		if (ct.contains("spreadsheetml.sheet.main") || ct.contains("spreadsheetml.template.main")
				|| ct.contains("ms-excel.sheet.macroEnabled.main")
				|| ct.contains("ms-excel.template.macroEnabled.main")) {
			return;
		}
		String reason;
		if (ct.contains("sheet.binary")) {
			reason = "Excel binary workbook (.xlsb) is not supported; save it as .xlsx";
		}
		else if (ct.contains("wordprocessingml")) {
			reason = "not a spreadsheet (looks like a Word document)";
		}
		else if (ct.contains("presentationml")) {
			reason = "not a spreadsheet (looks like a PowerPoint presentation)";
		}
		else {
			reason = "ZIP archive is not an Excel workbook (main part is " + ct + ")";
		}
		throw new UnreadableFileException(file, null, reason);
	}

	List<Sheet> sheets() {
		return sheets;
	}

	List<String> visibleWorksheetNames() {
		return sheets.stream().filter(s -> s.visible() && s.worksheet()).map(Sheet::name).toList();
	}

	Sheet select(SheetSelector sel) {
		List<Sheet> visible = sheets.stream().filter(s -> s.visible() && s.worksheet()).toList();
		if (sel.name() != null) {
			for (Sheet s : sheets) {
				if (s.name().equals(sel.name())) {
					if (!s.worksheet()) {
						throw new UnreadableFileException(file, s.name(),
								"sheet '" + s.name() + "' is not a worksheet (" + s.kind() + ")");
					}
					return s;
				}
			}
			throw notFound(sel);
		}
		if (sel.index() != null) {
			if (sel.index() < visible.size()) {
				return visible.get(sel.index());
			}
			throw notFound(sel);
		}
		if (sel.pattern() != null) {
			Pattern p = Pattern.compile(sel.pattern());
			return visible.stream()
				.filter(s -> p.matcher(s.name()).find())
				.findFirst()
				.orElseThrow(() -> notFound(sel));
		}
		if (visible.isEmpty()) {
			throw new UnreadableFileException(file, null, "workbook has no visible worksheet");
		}
		return visible.get(0);
	}

	private UnreadableFileException notFound(SheetSelector sel) {
		String names = visibleWorksheetNames().stream().collect(Collectors.joining(", "));
		return new UnreadableFileException(file, null, "sheet " + sel.describe() + " not found; sheets: " + names);
	}

	/**
	 * The sheet's part, read as a stream (rows are bounded one by one, not as a part).
	 */
	PackagePart sheetPart(Sheet s) throws Exception {
		return parts.streamed(related(workbookPart.getRelationship(s.relId())));
	}

	/**
	 * The shared-string table, or null; bounded by maxSharedStringChars, not as a part.
	 */
	PackagePart sharedStringsPart() throws Exception {
		PackagePart part = relatedByType("sharedStrings");
		return part == null ? null : parts.streamed(part);
	}

	/** Throws the part-size refusal, if a part read so far was cut off. */
	void checkParts() {
		parts.check();
	}

	/** The part-size refusal behind a failure, if there is one; else the failure. */
	Throwable explain(Throwable failure) {
		Refused refusal = parts.refusal();
		return refusal != null ? refusal : failure;
	}

	/**
	 * First part related to the workbook with a relationship type ending in "/suffix", or
	 * null.
	 */
	PackagePart relatedByType(String suffix) throws Exception {
		for (PackageRelationship rel : workbookPart.getRelationships()) {
			if (rel.getRelationshipType().endsWith("/" + suffix)) {
				return related(rel);
			}
		}
		return null;
	}

	private PackagePart related(PackageRelationship rel) throws Exception {
		if (rel == null || rel.getTargetMode() == TargetMode.EXTERNAL) {
			throw new Refused("workbook part refers to a missing or external target");
		}
		URI target = PackagingURIHelper.resolvePartUri(rel.getSourceURI(), rel.getTargetURI());
		PackagePart part = pkg.getPart(PackagingURIHelper.createPartName(target));
		if (part == null) {
			throw new Refused("part " + target + " is missing from the package");
		}
		return part;
	}

	XMLInputFactory xml() {
		return xml;
	}

	boolean date1904() {
		return date1904;
	}

	@Override
	public void close() {
		pkg.revert();
	}

}
