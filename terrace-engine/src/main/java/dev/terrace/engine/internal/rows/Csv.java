package dev.terrace.engine.internal.rows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV as RFC 4180 has it: comma-separated, fields with a comma, quote or line break in double
 * quotes, a quote inside doubled. Records are read one at a time, so a file of any length streams.
 */
public final class Csv {

  private Csv() {}

  /** One record and the line it starts on (1 is the first line of the file). */
  record Record(long line, List<String> fields) {}

  /**
   * Reads records, buffering itself (it reads a character at a time); a quoted field may span
   * lines.
   */
  static final class Reader implements AutoCloseable {
    private final java.io.Reader in;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private long line = 1;
    private int pushedBack = -2;

    Reader(java.io.Reader in) {
      this.in = in;
    }

    /**
     * @return the next record, or null at the end
     */
    Record next() throws IOException {
      long start = line;
      int c = read();
      if (c == -1) {
        return null;
      }
      List<String> fields = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean quoted = false;
      boolean wasQuoted = false;
      while (true) {
        if (quoted) {
          if (c == -1) {
            throw new IllegalArgumentException(
                "line " + start + ": a quoted field is not closed before the end of" + " the file");
          }
          if (c == '"') {
            int d = read();
            if (d == '"') {
              field.append('"');
            } else {
              quoted = false;
              c = d;
              continue;
            }
          } else {
            field.append((char) c);
          }
        } else if (c == '"' && field.isEmpty() && !wasQuoted) {
          quoted = true;
          wasQuoted = true;
        } else if (c == ',') {
          fields.add(field.toString());
          field.setLength(0);
          wasQuoted = false;
        } else if (c == '\n' || c == '\r' || c == -1) {
          if (c == '\r') {
            int d = read();
            if (d != '\n') {
              pushedBack = d;
            }
          }
          fields.add(field.toString());
          return new Record(start, fields);
        } else {
          field.append((char) c);
        }
        c = read();
      }
    }

    private int read() throws IOException {
      int c;
      if (pushedBack != -2) {
        c = pushedBack;
        pushedBack = -2;
      } else {
        if (position == limit) {
          limit = in.read(buffer, 0, buffer.length);
          position = 0;
          if (limit <= 0) {
            limit = 0;
            return -1;
          }
        }
        c = buffer[position++];
      }
      if (c == '\n') {
        line++;
      }
      return c;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  /** Appends a record and its line break. */
  public static void append(StringBuilder out, List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      appendField(out, fields.get(i));
    }
    out.append('\n');
  }

  private static void appendField(StringBuilder out, String field) {
    if (field == null) {
      return;
    }
    boolean quote = false;
    for (int i = 0; i < field.length() && !quote; i++) {
      char ch = field.charAt(i);
      quote = ch == ',' || ch == '"' || ch == '\n' || ch == '\r';
    }
    if (!quote) {
      out.append(field);
      return;
    }
    out.append('"');
    for (int i = 0; i < field.length(); i++) {
      char ch = field.charAt(i);
      out.append(ch);
      if (ch == '"') {
        out.append('"');
      }
    }
    out.append('"');
  }
}
