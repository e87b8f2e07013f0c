package org.tally.validate;

/**
 * One thing wrong with one cell, said for the department clerk (Chinese) and the operator
 * (English).
 */
public record CellProblem(String cellRef, String column, String rawValue, String reasonZh, String reasonEn) {
}
