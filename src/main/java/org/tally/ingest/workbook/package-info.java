/**
 * Raw cells of department spreadsheets (XLSX/XLSM/XLTX incl. Strict OOXML, legacy XLS,
 * CSV in any common encoding), with exact positions and exact stored text; no
 * interpretation.
 *
 * <p>
 * Entry point: {@link org.tally.ingest.workbook.Workbooks#open}. XLSX sheets are
 * pull-parsed (StAX) row by row, so memory is bounded by one row plus the shared-string
 * table; XLS is loaded whole by HSSF. Every failure, however hostile the file, is one
 * {@link org.tally.ingest.workbook.UnreadableFileException} with a one-line reason. POI's
 * JVM-wide ZipSecureFile limits are used as they are (inflate ratio 0.01, 1000 entries),
 * never changed here.
 *
 * <p>
 * Published as the {@code workbook} interface of the ingest module: validation reads the
 * raw cells that ingest lines up with dataset columns.
 */
@org.springframework.modulith.NamedInterface("workbook")
package org.tally.ingest.workbook;
