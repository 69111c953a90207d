package io.relaywatch.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain text table with aligned columns. Every cell goes through {@link TerminalText}, so a table
 * can hold log text. Columns whose header starts with '#' are right-aligned (numbers); the '#' is
 * not printed.
 */
final class Table {
  private static final int MAX_CELL_CHARS = 60;

  /** The last column may run to the end of the line, so it may hold more. */
  private static final int MAX_LAST_CELL_CHARS = 200;

  private static final String INDENT = "  ";

  private final String[] headers;
  private final boolean[] right;
  private final List<String[]> rows = new ArrayList<>();

  Table(String... headers) {
    this.headers = new String[headers.length];
    this.right = new boolean[headers.length];
    for (int i = 0; i < headers.length; i++) {
      right[i] = headers[i].startsWith("#");
      this.headers[i] = right[i] ? headers[i].substring(1) : headers[i];
    }
  }

  Table row(Object... cells) {
    String[] row = new String[headers.length];
    for (int i = 0; i < headers.length; i++) {
      Object cell = i < cells.length ? cells[i] : null;
      int max = i == headers.length - 1 ? MAX_LAST_CELL_CHARS : MAX_CELL_CHARS;
      row[i] = TerminalText.safe(cell == null ? null : cell.toString(), max);
    }
    rows.add(row);
    return this;
  }

  void print(PrintWriter out) {
    if (rows.isEmpty()) {
      out.println(INDENT + "(none)");
      return;
    }
    int[] widths = new int[headers.length];
    for (int i = 0; i < headers.length; i++) {
      widths[i] = headers[i].length();
      for (String[] row : rows) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    printRow(out, headers, widths);
    for (String[] row : rows) {
      printRow(out, row, widths);
    }
  }

  private void printRow(PrintWriter out, String[] cells, int[] widths) {
    StringBuilder sb = new StringBuilder(INDENT);
    for (int i = 0; i < cells.length; i++) {
      String pad = " ".repeat(widths[i] - cells[i].length());
      boolean last = i == cells.length - 1;
      sb.append(right[i] ? pad + cells[i] : last ? cells[i] : cells[i] + pad);
      if (!last) {
        sb.append("  ");
      }
    }
    out.println(sb);
  }
}
