/**
 * Raw cells of XLSX, XLS and CSV files. Published as the {@code workbook} interface of the ingest
 * module: validation reads the raw cells that ingest lines up with dataset columns.
 */
@org.springframework.modulith.NamedInterface("workbook")
package org.tally.ingest.workbook;
