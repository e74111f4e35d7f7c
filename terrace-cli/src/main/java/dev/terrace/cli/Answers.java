package dev.terrace.cli;

import dev.terrace.api.Cell;
import dev.terrace.api.ExtractResponse;
import dev.terrace.api.ExtractResult;
import dev.terrace.api.ResultValue;
import dev.terrace.engine.internal.rows.Extraction;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A row's {@link Extraction.Outcome} as bytes, to be kept on disk until its row is written: a tag,
 * then the response or the error's text. The response keeps only what rows are written and reported
 * from ({@link ResultColumns}, {@link CellRows}, {@link RowReport}): its warnings and, per result,
 * the dataset id, the timestamp and the value, in binary so that the numbers read back exactly and
 * reading them back parses nothing. Its other fields, which no row shows, are left out.
 */
final class Answers {

  private static final byte RESPONSE = 0;
  private static final byte ERROR = 1;

  // The kinds of value, one per ResultValue record, and none.
  private static final byte NULL = 0;
  private static final byte REAL = 1;
  private static final byte EXACT = 2;
  private static final byte DISTRIBUTION = 3;
  private static final byte HISTOGRAM = 4;
  private static final byte UNIQUES = 5;
  private static final byte CELLS = 6;

  private Answers() {}

  static byte[] encode(Extraction.Outcome outcome) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
    DataOutputStream out = new DataOutputStream(bytes);
    ExtractResponse r = outcome.response();
    if (r == null) {
      out.writeByte(ERROR);
      text(out, outcome.error());
    } else {
      out.writeByte(RESPONSE);
      out.writeInt(r.warnings().size());
      for (String w : r.warnings()) {
        text(out, w);
      }
      out.writeInt(r.results().size());
      for (ExtractResult result : r.results()) {
        text(out, result.datasetId());
        out.writeBoolean(result.timestamp() != null);
        if (result.timestamp() != null) {
          text(out, result.timestamp());
        }
        value(out, result.value());
      }
    }
    out.flush();
    return bytes.toByteArray();
  }

  static Extraction.Outcome decode(byte[] bytes) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
    if (in.readByte() == ERROR) {
      return new Extraction.Outcome(null, text(in));
    }
    List<String> warnings = new ArrayList<>();
    for (int n = in.readInt(); n > 0; n--) {
      warnings.add(text(in));
    }
    int count = in.readInt();
    List<ExtractResult> results = new ArrayList<>(count);
    for (int n = count; n > 0; n--) {
      ExtractResult.Builder b = ExtractResult.builder().datasetId(text(in));
      if (in.readBoolean()) {
        b.timestamp(text(in));
      }
      results.add(b.value(value(in)).build());
    }
    return new Extraction.Outcome(new ExtractResponse(null, null, results, warnings, 0), null);
  }

  private static void value(DataOutputStream out, ResultValue value) throws IOException {
    switch (value) {
      case null -> out.writeByte(NULL);
      case ResultValue.Real real -> {
        out.writeByte(REAL);
        out.writeDouble(real.value());
      }
      case ResultValue.Exact exact -> {
        out.writeByte(EXACT);
        byte[] n = exact.value().toByteArray();
        out.writeByte(n.length);
        out.write(n);
      }
      case ResultValue.Distribution d -> classes(out, DISTRIBUTION, d.fractions());
      case ResultValue.Histogram h -> classes(out, HISTOGRAM, h.counts());
      case ResultValue.Uniques u -> {
        out.writeByte(UNIQUES);
        out.writeInt(u.values().size());
        for (ResultValue.Scalar s : u.values()) {
          value(out, s);
        }
      }
      case ResultValue.Cells c -> {
        out.writeByte(CELLS);
        out.writeInt(c.cells().size());
        for (Cell cell : c.cells()) {
          out.writeLong(cell.row());
          out.writeLong(cell.col());
          out.writeDouble(cell.value());
          out.writeDouble(cell.coverage());
          out.writeDouble(cell.centerX());
          out.writeDouble(cell.centerY());
          out.writeDouble(cell.rasterX());
          out.writeDouble(cell.rasterY());
        }
      }
    }
  }

  private static ResultValue value(DataInputStream in) throws IOException {
    byte kind = in.readByte();
    switch (kind) {
      case NULL:
        return null;
      case REAL:
        return new ResultValue.Real(in.readDouble());
      case EXACT:
        return new ResultValue.Exact(new BigInteger(in.readNBytes(in.readByte())));
      case DISTRIBUTION:
        return new ResultValue.Distribution(classes(in));
      case HISTOGRAM:
        return new ResultValue.Histogram(classes(in));
      case UNIQUES:
        {
          int n = in.readInt();
          List<ResultValue.Scalar> values = new ArrayList<>(n);
          for (int k = 0; k < n; k++) {
            values.add((ResultValue.Scalar) value(in));
          }
          return new ResultValue.Uniques(values);
        }
      case CELLS:
        {
          int n = in.readInt();
          List<Cell> cells = new ArrayList<>(n);
          for (int k = 0; k < n; k++) {
            cells.add(
                new Cell(
                    in.readLong(),
                    in.readLong(),
                    in.readDouble(),
                    in.readDouble(),
                    in.readDouble(),
                    in.readDouble(),
                    in.readDouble(),
                    in.readDouble()));
          }
          return new ResultValue.Cells(cells);
        }
      default:
        throw new IOException("unknown kind of value in a spilled answer: " + kind);
    }
  }

  private static void classes(DataOutputStream out, byte kind, Map<String, Double> classes)
      throws IOException {
    out.writeByte(kind);
    out.writeInt(classes.size());
    for (Map.Entry<String, Double> e : classes.entrySet()) {
      text(out, e.getKey());
      out.writeDouble(e.getValue());
    }
  }

  private static Map<String, Double> classes(DataInputStream in) throws IOException {
    int n = in.readInt();
    Map<String, Double> classes = new LinkedHashMap<>();
    for (int k = 0; k < n; k++) {
      classes.put(text(in), in.readDouble());
    }
    return classes;
  }

  // Not writeUTF, which refuses more than 65 535 bytes: an error's text has no such bound.
  private static void text(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String text(DataInputStream in) throws IOException {
    return new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
  }
}
