/**
 * The XLSX reader: OOXML packages (Transitional or Strict) opened with bounded parts and
 * worksheets pull-parsed row by row. Reached through
 * {@link org.tally.ingest.workbook.Workbooks}.
 */
package org.tally.ingest.workbook.xlsx;
