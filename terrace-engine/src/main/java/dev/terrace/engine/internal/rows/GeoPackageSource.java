package dev.terrace.engine.internal.rows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sqlite.SQLiteConfig;

/**
 * A GeoPackage's feature table, read through SQLite (opened read-only) row by row in rowid order,
 * so that a table of any size streams. The table is {@code --layer}'s, or the only one {@code
 * gpkg_contents} lists as features; its geometry column comes from {@code gpkg_geometry_columns}
 * and must be lon/lat (EPSG:4326, or OGC:CRS84). Every other column but the integer primary key
 * (the rowid, which messages name) is carried to the output.
 */
public final class GeoPackageSource implements RowSource {

  /** The geometry types of the GeoPackage core; the rest are extensions' (curves, surfaces). */
  private static final Set<String> CORE_TYPES =
      Set.of(
          "GEOMETRY",
          "POINT",
          "LINESTRING",
          "POLYGON",
          "MULTIPOINT",
          "MULTILINESTRING",
          "MULTIPOLYGON",
          "GEOMETRYCOLLECTION");

  /** SQLite's result codes: an SQL error, a corrupt file, a file that is not a database. */
  private static final int SQLITE_ERROR = 1;

  private static final int SQLITE_CORRUPT = 11;
  private static final int SQLITE_NOTADB = 26;

  private final Path file;
  private final Connection db;
  private final ResultSet cursor;
  private final String geometryColumn;
  private final int srsId;
  private final List<String> columns;
  private final long size;
  private final long count;
  private final GeoPackageBinary binary = new GeoPackageBinary();
  private long read;

  /**
   * @param layer the feature table to read, or null for the only one
   * @throws IllegalArgumentException when the file is not a GeoPackage, the layer is not one of its
   *     feature tables, or its geometries are not lon/lat
   */
  public GeoPackageSource(Path file, String layer) throws IOException {
    this.file = file;
    this.size = Files.size(file);
    if (size == 0) {
      throw new IllegalArgumentException(file + " is empty: a GeoPackage is an SQLite database");
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    try {
      db = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
    } catch (SQLException e) {
      throw new IOException(file + ": cannot open it: " + e.getMessage(), e);
    }
    try {
      String table = table(layer);
      geometryColumn = geometryColumn(table);
      srsId = srsId(table);
      columns = columns(table);
      count = count(table);
      // sqlite-jdbc's result set steps SQLite's own cursor: one row in memory at a time.
      cursor =
          db.createStatement()
              .executeQuery("SELECT rowid, * FROM " + quote(table) + " ORDER BY rowid");
    } catch (SQLException e) {
      close();
      if (e.getErrorCode() == SQLITE_NOTADB) {
        throw new IllegalArgumentException(
            file + " is not a GeoPackage: it is not an SQLite database", e);
      }
      if (e.getErrorCode() == SQLITE_ERROR || e.getErrorCode() == SQLITE_CORRUPT) {
        // A query of the tables the GeoPackage spec requires failed: a table or column is missing.
        throw new IllegalArgumentException(
            file + " is not a valid GeoPackage: " + e.getMessage(), e);
      }
      throw new IOException(file + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private String table(String layer) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Statement s = db.createStatement()) {
      if (!s.executeQuery(
              "SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = 'gpkg_contents'")
          .next()) {
        throw new IllegalArgumentException(
            file + " is not a GeoPackage: it has no gpkg_contents table");
      }
      ResultSet r =
          s.executeQuery(
              "SELECT table_name FROM gpkg_contents WHERE data_type = 'features' ORDER BY"
                  + " table_name");
      while (r.next()) {
        tables.add(r.getString(1));
      }
    }
    if (layer != null) {
      if (!tables.contains(layer)) {
        throw new IllegalArgumentException(
            "--layer " + layer + ": " + file + " has no such feature table" + listed(tables));
      }
      return layer;
    }
    if (tables.size() != 1) {
      throw new IllegalArgumentException(
          tables.isEmpty()
              ? file + " has no feature table (gpkg_contents lists none with data_type 'features')"
              : file
                  + " has "
                  + tables.size()
                  + " feature tables: choose one with --layer"
                  + listed(tables));
    }
    return tables.get(0);
  }

  private static String listed(List<String> tables) {
    return tables.isEmpty() ? "" : " (it has " + String.join(", ", tables) + ")";
  }

  private String geometryColumn(String table) throws SQLException {
    try (PreparedStatement s =
        db.prepareStatement(
            "SELECT column_name, geometry_type_name FROM gpkg_geometry_columns WHERE table_name ="
                + " ?")) {
      s.setString(1, table);
      ResultSet r = s.executeQuery();
      if (!r.next()) {
        throw new IllegalArgumentException(
            file + ": feature table " + table + " has no row in gpkg_geometry_columns");
      }
      String type = r.getString(2);
      if (!CORE_TYPES.contains(type.toUpperCase(Locale.ROOT))) {
        throw new IllegalArgumentException(
            file
                + ": feature table "
                + table
                + " holds "
                + type
                + ", an extension geometry type terrace cannot read");
      }
      return r.getString(1);
    }
  }

  /** The geometry column's srs_id, refused unless it is lon/lat. */
  private int srsId(String table) throws SQLException {
    try (PreparedStatement s =
        db.prepareStatement(
            "SELECT g.srs_id, s.organization, s.organization_coordsys_id FROM gpkg_geometry_columns"
                + " g LEFT JOIN gpkg_spatial_ref_sys s ON s.srs_id = g.srs_id WHERE g.table_name ="
                + " ?")) {
      s.setString(1, table);
      ResultSet r = s.executeQuery();
      r.next();
      int id = r.getInt(1);
      String organization = r.getString(2);
      String code = organization == null ? "srs_id " + id : organization + ":" + r.getInt(3);
      // batch has no CRS option: its coordinates are lon/lat, as a CSV's and GeoJSON's are.
      if (!code.equalsIgnoreCase("EPSG:4326") && !code.equalsIgnoreCase("OGC:84")) {
        throw new IllegalArgumentException(
            file
                + ": feature table "
                + table
                + " is in "
                + code
                + ", and terrace batch reads lon/lat (EPSG:4326): reproject it first, e.g."
                + " ogr2ogr -t_srs EPSG:4326 lonlat.gpkg "
                + file.getFileName());
      }
      return id;
    }
  }

  private List<String> columns(String table) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Statement s = db.createStatement()) {
      ResultSet r = s.executeQuery("PRAGMA table_info(" + quote(table) + ")");
      while (r.next()) {
        String name = r.getString("name");
        boolean key = r.getInt("pk") > 0 && "INTEGER".equalsIgnoreCase(r.getString("type"));
        if (!key && !name.equalsIgnoreCase(geometryColumn)) {
          names.add(name);
        }
      }
    }
    return List.copyOf(names);
  }

  private long count(String table) throws SQLException {
    try (Statement s = db.createStatement()) {
      ResultSet r = s.executeQuery("SELECT count(*) FROM " + quote(table));
      r.next();
      return r.getLong(1);
    }
  }

  private static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  @Override
  public List<String> columns() {
    return columns;
  }

  @Override
  public InputRow next() throws IOException {
    try {
      if (!cursor.next()) {
        return null;
      }
      read++;
      long rowid = cursor.getLong(1);
      Map<String, Object> fields = new LinkedHashMap<>();
      for (String c : columns) {
        fields.put(c, cursor.getObject(c));
      }
      String where = "rowid " + rowid;
      byte[] blob = cursor.getBytes(geometryColumn);
      if (blob == null) {
        return new InputRow(rowid, fields, null, where + ": the feature has no geometry");
      }
      try {
        GeoPackageBinary.Blob b = binary.read(blob);
        if (b.empty()) {
          return new InputRow(rowid, fields, null, where + ": the geometry is empty");
        }
        if (b.srsId() != srsId) {
          throw new IllegalArgumentException(
              "the geometry's srs_id is " + b.srsId() + ", its column's " + srsId);
        }
        return new InputRow(
            rowid, fields, JtsGeometries.toRecord(b.geometry(), "the geometry"), null);
      } catch (IllegalArgumentException e) {
        return new InputRow(rowid, fields, null, where + ": " + e.getMessage());
      }
    } catch (SQLException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }

  /** An estimate from the rows read, as SQLite does not read a table in file order. */
  @Override
  public String rowName() {
    return "rowid";
  }

  @Override
  public long bytesRead() {
    return count == 0 ? size : size * read / count;
  }

  @Override
  public void close() throws IOException {
    try {
      db.close();
    } catch (SQLException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }
}
