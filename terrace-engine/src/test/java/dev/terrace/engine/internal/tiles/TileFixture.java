package dev.terrace.engine.internal.tiles;

import dev.terrace.testkit.http.RangeServer;
import dev.terrace.testkit.tiff.SyntheticGeoTiff;
import dev.terrace.testkit.tiff.TiffSampleType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One synthetic world raster at 1/8° cut two ways: into one-degree tiles named as the tiled
 * datasets name them, served over loopback HTTP, and into merged GeoTIFFs that cover the same cells
 * in one file. Every cell's value is a function of its place on the globe, so a tile and a merged
 * file agree wherever both have the cell.
 *
 * <p>Tiles cover lon −2…2, lat −2…2 (sixteen tiles around 0°, 0°) and lon 178…180 and −180…−178,
 * lat −1…1 (eight tiles at the antimeridian). Under {@code /value/} they hold Float32 values with
 * nodata −9999 here and there; under {@code /class/} UInt8 class codes 10…50 with nodata 0. {@code
 * /hole/} is {@code /value/} without the tile N00E000, and {@code /flaky/} is {@code /value/} with
 * S01W001 failing with HTTP 500. {@code /centred/} holds tiles whose cells are centred on the
 * degree lines, as Copernicus DEM's are: each reaches half a cell west of and north of its box.
 * {@code /overlap/} too, but with one more row and column, so that each reaches half a cell beyond
 * its box on every side and shares its edge cells with its neighbours.
 */
final class TileFixture {

  static final int PER_DEGREE = 8;
  static final double CELL = 1.0 / PER_DEGREE;
  static final double NODATA = -9999;
  static final String NAME = "{NS}{lat:02}{EW}{lon:03}.tif";
  static final int[][] TILES = tiles();

  private TileFixture() {}

  private static int[][] tiles() {
    int[][] out = new int[24][];
    int n = 0;
    for (int south = -2; south < 2; south++) {
      for (int west = -2; west < 2; west++) {
        out[n++] = new int[] {west, south};
      }
    }
    for (int south = -1; south < 1; south++) {
      for (int west : new int[] {178, 179, -180, -179}) {
        out[n++] = new int[] {west, south};
      }
    }
    return out;
  }

  /**
   * A cell's value from its global column (from −180°) and row (from 90°): varied, with scattered
   * nodata.
   */
  static double value(int gx, int gy) {
    if ((gx * 7 + gy * 3) % 23 == 0) {
      return NODATA;
    }
    return (gx * 37 + gy * 101) % 97 + 0.5 * (gx % 3);
  }

  /** A cell's class code, in runs of a few cells, 0 (nodata) here and there. */
  static double classOf(int gx, int gy) {
    return (gx + gy) % 29 == 0 ? 0 : 10 * (1 + (gx / 2 + gy / 3) % 5);
  }

  /** A cell's value from its global column and row. */
  interface Values {
    double at(int gx, int gy);
  }

  /**
   * Writes the tiles and serves them, and writes the merged files next to them.
   *
   * @return the catalog file, naming {@code tiled:*} and {@code merged:*} datasets
   */
  static Path write(Path dir, RangeServer server) {
    for (int[] t : TILES) {
      int west = t[0];
      int south = t[1];
      String name = UrlTemplate.parse(NAME).format(new Tile(west, south, 1));
      server.serve(
          "/value/" + name,
          tile(
              dir,
              "value_" + name,
              west,
              south,
              0,
              0,
              TiffSampleType.FLOAT32,
              NODATA,
              TileFixture::value));
      server.serve(
          "/class/" + name,
          tile(
              dir,
              "class_" + name,
              west,
              south,
              0,
              0,
              TiffSampleType.UINT8,
              0,
              TileFixture::classOf));
      server.serve(
          "/centred/" + name,
          tile(
              dir,
              "centred_" + name,
              west,
              south,
              CELL / 2,
              0,
              TiffSampleType.FLOAT32,
              NODATA,
              TileFixture::value));
      server.serve(
          "/overlap/" + name,
          tile(
              dir,
              "overlap_" + name,
              west,
              south,
              CELL / 2,
              1,
              TiffSampleType.FLOAT32,
              NODATA,
              TileFixture::value));
      if (!name.equals("N00E000.tif")) {
        server.serve("/hole/" + name, dir.resolve("value_" + name));
      }
      server.serve("/flaky/" + name, dir.resolve("value_" + name));
    }
    server.failWith("/flaky/S01W001.tif", 500, 1_000_000);
    merged(
        dir,
        "merged_value.tif",
        -2,
        2,
        4,
        4,
        0,
        TiffSampleType.FLOAT32,
        NODATA,
        TileFixture::value);
    merged(dir, "merged_class.tif", -2, 2, 4, 4, 0, TiffSampleType.UINT8, 0, TileFixture::classOf);
    merged(
        dir,
        "merged_centred.tif",
        -2,
        2,
        4,
        4,
        CELL / 2,
        TiffSampleType.FLOAT32,
        NODATA,
        TileFixture::value);
    merged(
        dir,
        "merged_hole.tif",
        -2,
        2,
        4,
        4,
        0,
        TiffSampleType.FLOAT32,
        NODATA,
        (gx, gy) -> inHole(gx, gy) ? NODATA : value(gx, gy));
    merged(
        dir, "east_value.tif", 178, 1, 2, 2, 0, TiffSampleType.FLOAT32, NODATA, TileFixture::value);
    merged(
        dir,
        "west_value.tif",
        -180,
        1,
        2,
        2,
        0,
        TiffSampleType.FLOAT32,
        NODATA,
        TileFixture::value);
    merged(dir, "east_class.tif", 178, 1, 2, 2, 0, TiffSampleType.UINT8, 0, TileFixture::classOf);
    merged(dir, "west_class.tif", -180, 1, 2, 2, 0, TiffSampleType.UINT8, 0, TileFixture::classOf);
    String base = "http://127.0.0.1:" + server.port();
    String catalog =
        """
        {"providers": [
          {"slug": "tiled", "protocol": "cog_tiles", "datasets": [
            {"name": "value", "tile_degrees": 1, "url_template": "BASE/value/NAME", "valid_range": [-1000, 1000]},
            {"name": "class", "tile_degrees": 1, "url_template": "BASE/class/NAME", "data_type": "categorical"},
            {"name": "centred", "tile_degrees": 1, "url_template": "BASE/centred/NAME"},
            {"name": "overlap", "tile_degrees": 1, "url_template": "BASE/overlap/NAME"},
            {"name": "hole", "tile_degrees": 1, "url_template": "BASE/hole/NAME"},
            {"name": "flaky", "tile_degrees": 1, "url_template": "BASE/flaky/NAME"}]},
          {"slug": "merged", "protocol": "cog", "datasets": [
            {"name": "value", "path": "merged_value.tif", "valid_range": [-1000, 1000]},
            {"name": "class", "path": "merged_class.tif", "data_type": "categorical"},
            {"name": "centred", "path": "merged_centred.tif"},
            {"name": "hole", "path": "merged_hole.tif"}]}
        ]}
        """
            .replace("BASE", base)
            .replace("NAME", NAME);
    try {
      return Files.writeString(dir.resolve("catalog.json"), catalog);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether a cell lies in the tile N00E000, which {@code /hole/} does not serve. */
  private static boolean inHole(int gx, int gy) {
    int west = 180 * PER_DEGREE;
    int top = 89 * PER_DEGREE;
    return gx >= west && gx < west + PER_DEGREE && gy >= top && gy < top + PER_DEGREE;
  }

  /**
   * @param extra cells added east and south of the tile's own, to overlap the neighbours
   */
  private static Path tile(
      Path dir,
      String file,
      int west,
      int south,
      double shift,
      int extra,
      TiffSampleType type,
      double nodata,
      Values values) {
    return write(
        dir,
        file,
        west,
        south + 1,
        PER_DEGREE + extra,
        PER_DEGREE + extra,
        shift,
        type,
        nodata,
        values);
  }

  /** A merged raster, {@code degreesWide} × {@code degreesHigh} from its north-west corner. */
  private static void merged(
      Path dir,
      String file,
      int west,
      int north,
      int degreesWide,
      int degreesHigh,
      double shift,
      TiffSampleType type,
      double nodata,
      Values values) {
    write(
        dir,
        file,
        west,
        north,
        degreesWide * PER_DEGREE,
        degreesHigh * PER_DEGREE,
        shift,
        type,
        nodata,
        values);
  }

  /**
   * @param shift how far west and north of the degree lines the raster starts: half a cell for
   *     centred cells
   */
  private static Path write(
      Path dir,
      String file,
      int west,
      int north,
      int width,
      int height,
      double shift,
      TiffSampleType type,
      double nodata,
      Values values) {
    int gx0 = (west + 180) * PER_DEGREE;
    int gy0 = (90 - north) * PER_DEGREE;
    Path path = dir.resolve(file);
    SyntheticGeoTiff.builder(width, height)
        .tileSize(16)
        .sampleType(type)
        .nodata(nodata)
        .geographic()
        .origin(west - shift, north + shift)
        .cellSize(CELL)
        .values((col, row) -> values.at(gx0 + col, gy0 + row))
        .write(path);
    return path;
  }
}
