package dev.terrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code terrace batch} over the GeoPackages in {@code src/test/resources/gpkg} (see its README):
 * the same rows as the same data in GeoJSON, and each bad input's message and exit code.
 */
class GeoPackageInputTest {

  @TempDir Path dir;

  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(GeoPackageInputTest.class.getResource("/gpkg/" + name).toURI());
  }

  private Cli.Result batch(Path in, String out, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "batch",
                "--dataset",
                "lux:elevation",
                "--in",
                in.toString(),
                "--out",
                dir.resolve(out).toString()));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  private List<String> lines(String out) throws Exception {
    return Files.readAllLines(dir.resolve(out));
  }

  @Test
  void pointsGiveTheSameRowsAsTheirGeoJsonWithTheEmptyPointFailingItsRow() throws Exception {
    Cli.Result gpkg = batch(fixture("points.gpkg"), "gpkg.csv");
    Cli.Result geojson = batch(fixture("points.geojson"), "geojson.csv");

    assertThat(gpkg.exitCode()).as(gpkg.err()).isEqualTo(1);
    assertThat(gpkg.err()).contains("rowid 6: the geometry is empty", "Wrote 6 rows", "1 failed");
    assertThat(geojson.exitCode()).as(geojson.err()).isEqualTo(1);
    List<String> fromGpkg = lines("gpkg.csv");
    assertThat(fromGpkg.get(0)).isEqualTo("id,name,weight,lux:elevation_mean,error");
    assertThat(fromGpkg.get(1)).isEqualTo("1,point 1,1.5,300.0,");
    assertThat(fromGpkg.get(6)).isEqualTo("6,nowhere,9.0,,rowid 6: the geometry is empty");
    // Every row but the empty point's, whose error names a rowid here and a feature there.
    assertThat(fromGpkg.subList(0, 6)).isEqualTo(lines("geojson.csv").subList(0, 6));
  }

  @Test
  void parcelsGiveTheSameRowsAsTheSampleParcelsGeoJson() throws Exception {
    Cli.Result gpkg = batch(fixture("parcels.gpkg"), "gpkg.ndjson");
    Cli.Result geojson = batch(Launcher.ROOT.resolve("examples/parcels.geojson"), "geojson.ndjson");

    assertThat(gpkg.exitCode()).as(gpkg.err()).isEqualTo(geojson.exitCode());
    assertThat(gpkg.err()).contains("Wrote 5 rows");
    assertThat(lines("gpkg.ndjson")).hasSize(5).isEqualTo(lines("geojson.ndjson"));
    assertThat(lines("gpkg.ndjson").get(0))
        .startsWith("{\"id\":\"lux-1\",\"name\":\"Luxembourg City\",\"lux:elevation_mean\":");
  }

  @Test
  void aMalformedBlobFailsItsRowWithItsRowidAndTheRunGoesOn() throws Exception {
    Cli.Result run = batch(fixture("malformed.gpkg"), "values.csv");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(run.err())
        .contains("rowid 3: the geometry is not valid WKB: ")
        .contains("Wrote 6 rows", "2 failed");
    List<String> rows = lines("values.csv");
    assertThat(rows).hasSize(7);
    assertThat(rows.get(1)).isEqualTo("1,point 1,1.5,300.0,");
    assertThat(rows.get(3)).startsWith("3,point 3,4.5,,rowid 3: the geometry is not valid WKB: ");
    assertThat(rows.get(4)).startsWith("4,point 4,6.0,").doesNotEndWith(",,").endsWith(",");
  }

  @Test
  void aFileOfSeveralLayersNeedsLayer() throws Exception {
    Cli.Result none = batch(fixture("two-layers.gpkg"), "values.csv");
    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.err())
        .contains(
            "two-layers.gpkg has 2 feature tables: choose one with --layer (it has parcels,"
                + " points)");
    assertThat(dir.resolve("values.csv")).doesNotExist();

    Cli.Result unknown = batch(fixture("two-layers.gpkg"), "values.csv", "--layer", "roads");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err())
        .contains("--layer roads: ")
        .contains("two-layers.gpkg has no such feature table (it has parcels, points)");

    Cli.Result parcels = batch(fixture("two-layers.gpkg"), "values.csv", "--layer", "parcels");
    assertThat(parcels.exitCode()).as(parcels.err()).isEqualTo(0);
    assertThat(lines("values.csv"))
        .hasSize(6)
        .first()
        .isEqualTo("id,name,lux:elevation_mean,error");
  }

  @Test
  void layerIsForGeoPackagesOnly() throws Exception {
    Cli.Result run = batch(fixture("points.geojson"), "values.csv", "--layer", "points");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--layer is for GeoPackage input, and --in ");
  }

  @Test
  void geometriesInAnotherCrsThanLonLatAreRefused() throws Exception {
    Cli.Result run = batch(fixture("points-3857.gpkg"), "values.csv");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains(
            "feature table points is in EPSG:3857, and terrace batch reads lon/lat (EPSG:4326):"
                + " reproject it first, e.g. ogr2ogr -t_srs EPSG:4326 lonlat.gpkg"
                + " points-3857.gpkg");
  }

  @Test
  void aFileThatIsNotSqliteIsNotAGeoPackage() throws Exception {
    Path csv = Files.writeString(dir.resolve("points.gpkg"), "id,lon,lat\n1,6.13,49.61\n");
    Cli.Result run = batch(csv, "values.csv");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains(csv + " is not a GeoPackage: it is not an SQLite database");
  }

  @Test
  void anSqliteDatabaseWithoutGpkgContentsIsNotAGeoPackage() throws Exception {
    Path db = dir.resolve("plain.gpkg");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE points (id INTEGER, lon REAL, lat REAL)");
    }
    Cli.Result run = batch(db, "values.csv");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains(db + " is not a GeoPackage: it has no gpkg_contents table");
  }

  @Test
  void anEmptyFileIsRefused() throws Exception {
    Path empty = Files.createFile(dir.resolve("empty.gpkg"));
    Cli.Result run = batch(empty, "values.csv");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains(empty + " is empty: a GeoPackage is an SQLite database");
  }

  @Test
  void geoPackageIsNoOutputFormat() throws Exception {
    Cli.Result run = batch(fixture("points.gpkg"), "values.gpkg");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("values.gpkg: name it .csv, .geojson or .ndjson");
  }

  /** A copy of a fixture, changed by SQL, for the cases GDAL does not write. */
  private Path changed(String fixture, String... statements) throws Exception {
    Path copy = Files.copy(fixture(fixture), dir.resolve("changed-" + fixture));
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy);
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
    return copy;
  }

  @Test
  void anInterruptedRunResumesAfterTheRowsAlreadyWritten() throws Exception {
    assertThat(batch(fixture("points.gpkg"), "whole.csv").exitCode()).isEqualTo(1);
    List<String> whole = lines("whole.csv");
    Files.write(dir.resolve("resumed.csv"), whole.subList(0, 4));

    Cli.Result resumed = batch(fixture("points.gpkg"), "resumed.csv", "--resume");

    assertThat(resumed.err()).contains("Wrote 3 rows", "after the 3 already there");
    assertThat(lines("resumed.csv")).isEqualTo(whole);
  }

  @Test
  void anExtensionGeometryTypeIsRefused() throws Exception {
    Path curves =
        changed(
            "parcels.gpkg", "UPDATE gpkg_geometry_columns SET geometry_type_name = 'CURVEPOLYGON'");
    Cli.Result run = batch(curves, "values.csv");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains(
            ": feature table parcels holds CURVEPOLYGON, an extension geometry type terrace"
                + " cannot read");
  }

  @Test
  void aGeometryWhoseSrsIdIsNotItsColumnsFailsItsRow() throws Exception {
    // 3857 little-endian in the header's srs_id bytes, 5 to 8 (SQLite counts from 1).
    Path mixed =
        changed(
            "points.gpkg",
            "UPDATE points SET geom = substr(geom, 1, 4) || X'110F0000' || substr(geom, 9)"
                + " WHERE fid = 2");
    Cli.Result run = batch(mixed, "values.csv");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("rowid 2: the geometry's srs_id is 3857, its column's 4326");
    assertThat(lines("values.csv").get(2))
        .isEqualTo("2,point 2,3.0,,\"rowid 2: the geometry's srs_id is 3857, its column's 4326\"");
  }

  @Test
  void aRowTheExtractionRefusesIsNamedByItsRowid() throws Exception {
    // Latitude 100 (little-endian 100.0) in point 2's WKB, after the 8-byte header, the byte order,
    // the type and the longitude.
    Path north =
        changed(
            "points.gpkg",
            "UPDATE points SET geom = substr(geom, 1, 21) || X'0000000000005940' || substr(geom, 30)"
                + " WHERE fid = 2");
    Cli.Result run = batch(north, "values.csv");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("rowid 2: ").doesNotContain("line 2: ");
  }

  @Test
  void aGeoPackageWithoutFeatureTablesIsRefused() throws Exception {
    Path attributes = changed("points.gpkg", "UPDATE gpkg_contents SET data_type = 'attributes'");
    Cli.Result run = batch(attributes, "values.csv");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains(
            attributes
                + " has no feature table (gpkg_contents lists none with data_type 'features')");
  }

  @Test
  void aGeoPackageWithoutItsGeometryColumnsTableIsNotValid() throws Exception {
    Path broken = changed("points.gpkg", "DROP TABLE gpkg_geometry_columns");
    Cli.Result run = batch(broken, "values.csv");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains(broken + " is not a valid GeoPackage: ")
        .contains("no such table: gpkg_geometry_columns");
  }
}
