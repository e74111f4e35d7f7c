package dev.terrace.engine.internal.extract;

import dev.terrace.api.PixelRule;
import dev.terrace.engine.internal.catalog.CatalogDataset;
import dev.terrace.engine.internal.coverage.LineCoverage;
import dev.terrace.engine.internal.geometry.RequestGeometry;
import dev.terrace.engine.internal.geotiff.GeoTiff;
import dev.terrace.engine.internal.raster.AffineTransform;
import dev.terrace.engine.internal.raster.Grid;
import dev.terrace.engine.internal.raster.PixelLocator;
import dev.terrace.engine.internal.raster.UnreadableException;
import dev.terrace.engine.internal.stats.CellAccumulator;
import dev.terrace.engine.internal.tiles.Tile;
import dev.terrace.engine.internal.tiles.TileSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.TopologyException;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.proj4j.CoordinateReferenceSystem;

/**
 * Reads one geometry from a dataset stored as a global grid of tiles ({@code cog_tiles}) as if the
 * tiles were one raster, with the readers a single raster uses and one accumulator for all tiles.
 *
 * <p>Each cell of the mosaic belongs to one tile: the one whose box holds the cell's centre (its
 * west and north edges included, as a single raster places a point on a cell edge). Tiles aligned
 * on the degree lines own all their cells. Tiles whose pixels are centred on the degree lines
 * (Copernicus DEM) reach half a cell past their box, or overlap their neighbours by a cell; owning
 * by centre shares those cells out once, with no gap. The geometry is projected into each tile's
 * pixel space and clipped to the cells the tile owns, so every place is counted once; a point reads
 * the tile that owns the cell under it.
 *
 * <p>The readers weigh cells (coverage, or 1 per cell or point). Tiles may differ in cell size
 * (Copernicus tiles are narrower north of 50°), so the valid and missing weights are turned into
 * degrees (areas for polygons, lengths for lines; points stay counts) before they are added, and
 * the coverage fraction compares like with like. The statistics weigh cells, as over one raster. A
 * tile that does not exist (open ocean) holds no data: the part of the geometry in its box counts
 * as missing. Tiles are taken to be in longitude/latitude, as the grid that names them is.
 */
final class TiledReader {

  /** Tiles opened at once; each opening is one request for the tile's header. */
  private static final int OPENING = 8;

  /**
   * How far in pixels a cell centre may be from a degree line and count as on it: centres there are
   * rounded.
   */
  private static final double ON_THE_LINE = 1e-6;

  /** A grid whose pixel space is longitude/latitude itself, to map geometries into WGS 84. */
  private static final Grid LON_LAT =
      new Grid(1, 1, new AffineTransform(0, 1, 0, 0, 0, 1), PixelLocator.wgs84());

  /** Takes a tile's cells from the request's pixel budget before any of them is read. */
  interface Budget {
    void spend(Grid grid, Geometry pixels);
  }

  /**
   * @param measurement the statistics and the valid and missing weights, in degrees (or points);
   *     the nodata weight in cells
   * @param grid the grid of the tile that read the most valid data, to describe the answer; null if
   *     none exists
   * @param col where the geometry lies in that grid, as a fractional column
   * @param row likewise, the fractional row
   */
  record Read(Measurement measurement, Grid grid, double col, double row) {}

  /**
   * The geometry's share of one tile: the raster, the pixel-space box of the cells the tile owns,
   * and the geometry in pixel space clipped to it; for a tile that does not exist, no raster and
   * the size of the geometry within the tile's box.
   */
  private record Piece(GeoTiff raster, Envelope own, Geometry pixels, double absent) {}

  private final TileSet tiles;
  private final CatalogDataset dataset;
  private final Budget budget;
  private final CellRules cellRules;

  TiledReader(TileSet tiles, CatalogDataset dataset, Budget budget) {
    this(tiles, dataset, budget, CellRules.NONE);
  }

  /**
   * @param cellRules the request's minimum coverage and default value, applied in every tile
   */
  TiledReader(TileSet tiles, CatalogDataset dataset, Budget budget, CellRules cellRules) {
    this.tiles = tiles;
    this.dataset = dataset;
    this.budget = budget;
    this.cellRules = cellRules;
  }

  /**
   * @param geometry a geometry
   * @param crs its CRS
   * @return the geometry in WGS 84 longitude/latitude, mapped vertex by vertex
   */
  static Geometry toLonLat(Geometry geometry, CoordinateReferenceSystem crs) {
    return new PixelLocator(LON_LAT, crs).toPixels(geometry);
  }

  /**
   * @param lonLat the geometry in longitude/latitude, split at the antimeridian into parts within
   *     ±180°
   * @param kind what to read: the cells under points, along lines or under polygons
   * @param rule which cells a polygon counts
   * @param bilinear whether points interpolate (within one tile: next to a tile's edge they read
   *     the nearest cell)
   * @param values where every tile's cells go
   * @return what was read
   */
  Read read(
      Geometry lonLat,
      RequestGeometry.Kind kind,
      PixelRule rule,
      boolean bilinear,
      CellAccumulator values) {
    Tally tally = new Tally(values);
    if (kind == RequestGeometry.Kind.POINTS) {
      points(lonLat, bilinear, tally);
    } else {
      spread(lonLat, kind == RequestGeometry.Kind.AREAS, rule, tally);
    }
    return tally.read();
  }

  /** Polygons and lines: every tile the geometry reaches reads the part in the cells it owns. */
  private void spread(Geometry lonLat, boolean areas, PixelRule rule, Tally tally) {
    PreparedGeometry prepared = PreparedGeometryFactory.prepare(lonLat);
    Set<Tile> looked = new HashSet<>();
    List<Piece> pieces = new ArrayList<>();
    double cell = 0;
    double margin;
    // A tile can own cells up to half a cell beyond its box: once the tiles opened tell the cell
    // size, the
    // tiles within a cell of the geometry are looked at too.
    do {
      margin = cell;
      List<Tile> wanted = new ArrayList<>();
      for (Tile t : near(lonLat, margin)) {
        Envelope reach = t.box();
        reach.expandBy(margin);
        if (!looked.contains(t) && prepared.intersects(lonLat.getFactory().toGeometry(reach))) {
          looked.add(t);
          wanted.add(t);
        }
      }
      // Opened a few at a time, each few charged to the budget, so that a geometry far beyond the
      // budget
      // fails after a few tiles rather than after opening all of them.
      for (int i = 0; i < wanted.size(); i += OPENING) {
        for (Piece p :
            Parallel.map(
                wanted.subList(i, Math.min(wanted.size(), i + OPENING)),
                OPENING,
                t -> piece(t, lonLat, areas, rule))) {
          if (p.raster() == null) {
            tally.missing(p.absent());
            continue;
          }
          double[] res = p.raster().grid().resolution();
          cell = Math.max(cell, Math.max(res[0], res[1]));
          if (!p.pixels().isEmpty()) {
            budget.spend(p.raster().grid(), p.pixels());
            pieces.add(p);
          }
        }
      }
    } while (cell > margin);
    for (Piece p : pieces) {
      GeoTiff raster = p.raster();
      double[] res = raster.grid().resolution();
      Measurement m =
          areas
              ? AreaReader.read(
                  raster,
                  dataset.bandNumber(),
                  dataset.band(raster),
                  p.pixels(),
                  rule,
                  cellRules,
                  tally.values)
              : LineReader.read(
                  raster,
                  dataset.bandNumber(),
                  dataset.band(raster),
                  LineCoverage.compute(p.pixels(), rule),
                  p.own(),
                  cellRules,
                  tally.values);
      tally.add(m, areas ? res[0] * res[1] : Math.sqrt(res[0] * res[1]), raster.grid(), p.pixels());
    }
  }

  /** The tiles whose boxes come within {@code margin} degrees of each part's envelope. */
  private Set<Tile> near(Geometry lonLat, double margin) {
    Set<Tile> out = new LinkedHashSet<>();
    for (int i = 0; i < lonLat.getNumGeometries(); i++) {
      Envelope e = lonLat.getGeometryN(i).getEnvelopeInternal();
      e.expandBy(margin);
      out.addAll(tiles.grid().touching(e));
    }
    return out;
  }

  private Piece piece(Tile tile, Geometry lonLat, boolean areas, PixelRule rule) {
    Optional<GeoTiff> opened = tiles.open(tile);
    if (opened.isEmpty()) {
      Geometry inBox = clip(lonLat, tile.box(), areas);
      // Lines weigh their length under EXACT and their cells otherwise, which the axis steps
      // approximate.
      double absent =
          areas ? inBox.getArea() : rule == PixelRule.EXACT ? inBox.getLength() : stepLength(inBox);
      return new Piece(null, null, null, absent);
    }
    GeoTiff raster = opened.get();
    Envelope own = ownedCells(tile, raster.grid());
    Geometry pixels = new PixelLocator(raster.grid()).toPixels(lonLat);
    return new Piece(
        raster,
        own,
        own.isNull() ? pixels.getFactory().createEmpty(2) : clip(pixels, own, areas),
        0);
  }

  /** Each point reads the cell under it, in the tile that owns that cell. */
  private void points(Geometry lonLat, boolean bilinear, Tally tally) {
    Map<Tile, List<Coordinate>> pending = new LinkedHashMap<>();
    for (Coordinate c : lonLat.getCoordinates()) {
      // 180° is −180°, where the first column of tiles starts.
      Coordinate p = c.x >= 180 ? new Coordinate(c.x - 360, c.y) : c;
      pending.computeIfAbsent(tiles.grid().containing(p.x, p.y), t -> new ArrayList<>()).add(p);
    }
    // The tile whose box holds a point may not own the cell under it (that cell may be centred in
    // the next
    // tile): such points move to that neighbour, once.
    for (int hop = 0; !pending.isEmpty(); hop++) {
      List<Map.Entry<Tile, List<Coordinate>>> batch = List.copyOf(pending.entrySet());
      List<Optional<GeoTiff>> opened = Parallel.map(batch, OPENING, e -> tiles.open(e.getKey()));
      pending = new LinkedHashMap<>();
      for (int i = 0; i < batch.size(); i++) {
        Tile tile = batch.get(i).getKey();
        List<Coordinate> points = batch.get(i).getValue();
        if (opened.get(i).isEmpty()) {
          tally.missing(points.size());
          continue;
        }
        GeoTiff raster = opened.get(i).get();
        Envelope own = ownedCells(tile, raster.grid());
        PixelLocator locator = new PixelLocator(raster.grid());
        List<Coordinate> here = new ArrayList<>();
        for (Coordinate c : points) {
          double[] px = locator.pixel(c.x, c.y);
          int east = px[0] < own.getMinX() ? -1 : px[0] >= own.getMaxX() ? 1 : 0;
          int north = px[1] < own.getMinY() ? 1 : px[1] >= own.getMaxY() ? -1 : 0;
          Optional<Tile> owner =
              hop > 0 || east == 0 && north == 0
                  ? Optional.of(tile)
                  : tiles.grid().neighbour(tile, east, north);
          if (owner.isEmpty()) {
            tally.missing(1);
          } else if (owner.get().equals(tile)) {
            here.add(new Coordinate(px[0], px[1]));
          } else {
            pending.computeIfAbsent(owner.get(), t -> new ArrayList<>()).add(c);
          }
        }
        if (!here.isEmpty()) {
          Geometry pixels =
              lonLat.getFactory().createMultiPointFromCoords(here.toArray(Coordinate[]::new));
          budget.spend(raster.grid(), pixels);
          tally.add(
              PointReader.read(
                  raster,
                  dataset.bandNumber(),
                  dataset.band(raster),
                  pixels,
                  bilinear,
                  cellRules,
                  tally.values),
              1,
              raster.grid(),
              pixels);
        }
      }
    }
  }

  /**
   * The cells of a tile's raster that the tile owns: those whose centre lies in its box, west and
   * north edges included.
   *
   * @return a pixel-space box with whole-number edges, clipped to the raster; null if it owns none
   */
  static Envelope ownedCells(Tile tile, Grid grid) {
    PixelLocator locator = new PixelLocator(grid);
    Envelope box = tile.box();
    double[] nw = locator.pixel(box.getMinX(), box.getMaxY());
    double[] se = locator.pixel(box.getMaxX(), box.getMinY());
    double c0 = Math.max(0, firstCentreFrom(Math.min(nw[0], se[0])));
    double c1 = Math.min(grid.width(), firstCentreFrom(Math.max(nw[0], se[0])));
    double r0 = Math.max(0, firstCentreFrom(Math.min(nw[1], se[1])));
    double r1 = Math.min(grid.height(), firstCentreFrom(Math.max(nw[1], se[1])));
    return c0 < c1 && r0 < r1 ? new Envelope(c0, c1, r0, r1) : new Envelope();
  }

  /**
   * @return the first cell index whose centre ({@code index + 0.5}) is at or past a pixel
   *     coordinate
   */
  private static double firstCentreFrom(double edge) {
    return Math.ceil(edge - 0.5 - ON_THE_LINE);
  }

  /**
   * @return the part of {@code g} in {@code box}; for polygons only its polygons, not the edges it
   *     touches
   */
  private static Geometry clip(Geometry g, Envelope box, boolean areas) {
    if (box.contains(g.getEnvelopeInternal())) {
      return g;
    }
    Geometry cut;
    try {
      cut = g.intersection(g.getFactory().toGeometry(box));
    } catch (TopologyException e) {
      throw new UnreadableException(
          "the geometry cannot be cut along the tiles' edges: " + e.getMessage(), e);
    }
    if (!areas) {
      return cut;
    }
    List<Polygon> polygons = new ArrayList<>();
    PolygonExtracter.getPolygons(cut, polygons);
    return g.getFactory().createMultiPolygon(polygons.toArray(Polygon[]::new));
  }

  /**
   * A line's length in steps along the axes, |dx| + |dy| per segment: about the number of cells it
   * passes through times their size, the measure lines are weighed in.
   */
  private static double stepLength(Geometry line) {
    double length = 0;
    for (int g = 0; g < line.getNumGeometries(); g++) {
      Coordinate[] c = line.getGeometryN(g).getCoordinates();
      for (int i = 0; i + 1 < c.length; i++) {
        length += Math.abs(c[i + 1].x - c[i].x) + Math.abs(c[i + 1].y - c[i].y);
      }
    }
    return length;
  }

  /** Adds up what the tiles read, and remembers the tile that read the most valid data. */
  private static final class Tally {
    final CellAccumulator values;
    private double valid;
    private double missing;
    private double nodata;
    private long cells;
    private double most = -1;
    private Grid grid;
    private double col;
    private double row;

    Tally(CellAccumulator values) {
      this.values = values;
    }

    /**
     * @param unit the size of one unit of the reader's weights, in degrees (a cell's area or edge)
     */
    void add(Measurement m, double unit, Grid from, Geometry pixels) {
      valid += m.validWeight() * unit;
      missing += m.missingWeight() * unit;
      cells += m.validCells();
      // Counted in cells, as the accumulator's count is, whatever size each tile's cells are.
      nodata += m.nodataWeight();
      if (m.validWeight() * unit > most) {
        most = m.validWeight() * unit;
        grid = from;
        Coordinate centre = pixels.getEnvelopeInternal().centre();
        col = centre.x;
        row = centre.y;
      }
    }

    void missing(double measure) {
      missing += measure;
    }

    Read read() {
      return new Read(new Measurement(values, valid, missing, cells, nodata), grid, col, row);
    }
  }
}
