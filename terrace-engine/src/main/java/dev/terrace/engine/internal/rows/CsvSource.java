package dev.terrace.engine.internal.rows;

import com.fasterxml.jackson.core.io.NumberInput;
import dev.terrace.api.geojson.Geometry;
import dev.terrace.api.geojson.Point;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A CSV with a header: the geometry from {@code lon} and {@code lat} columns (also {@code lng},
 * {@code longitude}, {@code latitude}), or from a {@code wkt} column; every column is carried to
 * the output. Blank lines are skipped.
 */
public final class CsvSource implements RowSource {

  private final Path file;
  private final CountingInputStream counted;
  private final Csv.Reader reader;
  private final List<String> header;
  private final int lon;
  private final int lat;
  private final int wkt;
  private final Wkt wktReader = new Wkt();

  /**
   * @throws IllegalArgumentException when the file has no header or no geometry columns
   */
  public CsvSource(Path file) throws IOException {
    this.file = file;
    this.counted = new CountingInputStream(Files.newInputStream(file));
    this.reader = new Csv.Reader(new InputStreamReader(counted, StandardCharsets.UTF_8));
    Csv.Record first = reader.next();
    if (first == null) {
      reader.close();
      throw new IllegalArgumentException(
          file + " is empty: a CSV needs a header with lon,lat or wkt columns");
    }
    // A byte order mark, as spreadsheets write, is not part of the first column's name.
    header = first.fields().stream().map(h -> h.replace("\uFEFF", "").strip()).toList();
    lon = column("lon", "lng", "long", "longitude");
    lat = column("lat", "latitude");
    wkt = column("wkt", "geometry_wkt");
    if ((lon < 0 || lat < 0) && wkt < 0) {
      reader.close();
      throw new IllegalArgumentException(
          file
              + " has no lon,lat columns and no wkt column (its header: "
              + String.join(",", header)
              + ")");
    }
  }

  private int column(String... names) {
    for (String name : names) {
      for (int i = 0; i < header.size(); i++) {
        if (header.get(i).toLowerCase(Locale.ROOT).equals(name)) {
          return i;
        }
      }
    }
    return -1;
  }

  /**
   * @return whether every row is a point, from {@code lon} and {@code lat} columns
   */
  public boolean points() {
    return lon >= 0 && lat >= 0;
  }

  @Override
  public List<String> columns() {
    return header;
  }

  @Override
  public InputRow next() throws IOException {
    Csv.Record r = reader.next();
    while (r != null && r.fields().size() == 1 && r.fields().get(0).isBlank()) {
      r = reader.next();
    }
    if (r == null) {
      return null;
    }
    List<String> cells = r.fields();
    Map<String, Object> fields = new LinkedHashMap<>();
    for (int i = 0; i < header.size(); i++) {
      fields.put(header.get(i), i < cells.size() ? cells.get(i) : "");
    }
    if (cells.size() != header.size()) {
      return new InputRow(
          r.line(),
          fields,
          null,
          "line "
              + r.line()
              + ": "
              + cells.size()
              + " fields where the"
              + " header of "
              + file.getFileName()
              + " has "
              + header.size());
    }
    try {
      return new InputRow(r.line(), fields, geometry(cells), null);
    } catch (IllegalArgumentException e) {
      return new InputRow(r.line(), fields, null, "line " + r.line() + ": " + e.getMessage());
    }
  }

  private Geometry geometry(List<String> cells) {
    if (lon >= 0 && lat >= 0) {
      return Point.of(number(cells, lon), number(cells, lat));
    }
    String text = cells.get(wkt).strip();
    if (text.isEmpty()) {
      throw new IllegalArgumentException(header.get(wkt) + " is empty");
    }
    return wktReader.read(text);
  }

  private double number(List<String> cells, int i) {
    String text = cells.get(i).strip();
    try {
      // Jackson's copy of FastDoubleParser: the same syntax and the same double as
      // Double.parseDouble, several times faster on the 17 significant digits coordinates are
      // usually written with, which send the JDK's parser down its slow, big-integer path.
      double v = NumberInput.parseDouble(text, true);
      if (!Double.isFinite(v)) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(header.get(i) + " '" + text + "' is not a number");
    }
  }

  @Override
  public long bytesRead() {
    return counted.count();
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
