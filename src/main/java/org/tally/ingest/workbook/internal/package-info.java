/**
 * What the format readers share: the read-ahead cursor protocol, refusals and their
 * one-line reasons, Excel date formats.
 */
package org.tally.ingest.workbook.internal;
