package dev.terrace.engine.internal.extract;

import dev.terrace.api.PixelRule;
import dev.terrace.engine.internal.catalog.CatalogDataset;
import dev.terrace.engine.internal.coverage.LineCoverage;
import dev.terrace.engine.internal.crs.SameCrs;
import dev.terrace.engine.internal.geometry.RequestGeometry;
import dev.terrace.engine.internal.geotiff.GeoTiff;
import dev.terrace.engine.internal.raster.AffineTransform;
import dev.terrace.engine.internal.raster.Grid;
import dev.terrace.engine.internal.raster.PixelLocator;
import dev.terrace.engine.internal.raster.UnreadableException;
import dev.terrace.engine.internal.stats.CellAccumulator;
import dev.terrace.engine.internal.tiles.Mosaic;
import java.util.ArrayList;
import java.util.Collections;
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
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.locationtech.proj4j.CoordinateReferenceSystem;

/**
 * Reads one geometry from a {@link Mosaic} — a dataset stored as a global grid of tiles ({@code
 * cog_tiles}), or the items of a STAC catalog that share a timestamp — as if its rasters were one
 * raster, with the readers a single raster uses and one accumulator for all of them. Tiles and
 * items are both called parts here.
 *
 * <p>Each cell of a part in longitude/latitude belongs to one part: the first, in the mosaic's
 * order, whose box holds the cell's centre (its west and north edges included, as a single raster
 * places a point on a cell edge). Tiles aligned on the degree lines own all their cells. Tiles
 * whose pixels are centred on the degree lines (Copernicus DEM) reach half a cell past their box,
 * or overlap their neighbours by a cell; owning by centre shares those cells out once, with no gap.
 * Where the boxes of STAC items overlap, the earlier item owns the cells centred in the overlap.
 * The geometry is projected into each part's pixel space and clipped to the cells it owns, so every
 * place is counted once; a point reads the part that owns the cell under it.
 *
 * <p>A part in a projected CRS (a UTM zone) whose neighbours are all in its CRS on its grid of
 * cells (items cut from one raster, the scenes of one zone) owns its cells less the earlier
 * neighbours', and the whole geometry is projected into its pixel space, as into the one raster
 * they make. Among neighbours of other CRSs a projected part has no box of cells to own: its
 * footprint in longitude/latitude, less those of the earlier parts that overlap it, is what it
 * owns, and the geometry is clipped to that region before it is projected into the part's pixel
 * space. Cells astride the region's edge are then shared by area between the parts on either side
 * rather than given whole to one; a point reads the first part whose footprint holds it. Places
 * outside every footprint (a mosaic of items may have gaps, a grid of tiles has none) count as
 * missing; among parts that own their own cells on one grid, the places outside all their cells,
 * measured on that grid.
 *
 * <p>The readers weigh cells (coverage, or 1 per cell or point). Tiles may differ in cell size
 * (Copernicus tiles are narrower north of 50°), so the valid and missing weights are turned into
 * degrees (areas for polygons, lengths for lines; points stay counts) before they are added, and
 * the coverage fraction compares like with like; a projected part's weights are turned into degrees
 * by the ratio of the piece's size in degrees to its size in cells. The statistics weigh cells, as
 * over one raster. A part that does not exist (a tile of open ocean, an item whose asset is
 * missing) holds no data: the part of the geometry it owns counts as missing.
 *
 * @param <P> a part of the mosaic
 */
final class TiledReader<P extends Mosaic.Part> {

  /** Metres in a degree at the equator, to weigh projected cells with lon/lat ones. */
  private static final double METRES_PER_DEGREE = 111_320;

  /** Parts opened at once; each opening is one request for the raster's header. */
  private static final int OPENING = 8;

  /**
   * How far in pixels a cell centre may be from a degree line and count as on it: centres there are
   * rounded.
   */
  private static final double ON_THE_LINE = 1e-6;

  /** A grid whose pixel space is longitude/latitude itself, to map geometries into WGS 84. */
  private static final Grid LON_LAT =
      new Grid(1, 1, new AffineTransform(0, 1, 0, 0, 0, 1), PixelLocator.wgs84());

  /** Takes a part's cells from the request's pixel budget before any of them is read. */
  interface Budget {
    void spend(Grid grid, Geometry pixels);
  }

  /**
   * @param measurement the statistics and the valid and missing weights, in degrees (or points);
   *     the nodata weight in cells
   * @param grid the grid of the part that read the most valid data, to describe the answer; null if
   *     none exists
   * @param col where the geometry lies in that grid, as a fractional column
   * @param row likewise, the fractional row
   * @param warnings why parts that should be there read as no data
   */
  record Read(Measurement measurement, Grid grid, double col, double row, List<String> warnings) {}

  /**
   * The geometry's share of one part: the raster, the pixel-space box of the cells the part owns,
   * the geometry in pixel space clipped to them, and the size in degrees of one unit of the
   * readers' weights there (0 for a part in longitude/latitude, whose cell size is that unit); for
   * a part that does not exist, no raster and the size of the geometry within what it owns.
   */
  /**
   * @param ownCells whether the part owns its own cells among parts of its CRS and cell grid, so
   *     that the places outside every part are measured in that grid too
   */
  private record Piece(
      GeoTiff raster, Envelope own, Geometry pixels, double unit, double absent, boolean ownCells) {

    Piece(GeoTiff raster, Envelope own, Geometry pixels, double unit, double absent) {
      this(raster, own, pixels, unit, absent, false);
    }
  }

  private final Mosaic<P> mosaic;
  private final CatalogDataset dataset;
  private final Budget budget;
  private final CellRules cellRules;
  private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());

  private TiledReader(
      Mosaic<P> mosaic, CatalogDataset dataset, Budget budget, CellRules cellRules) {
    this.mosaic = mosaic;
    this.dataset = dataset;
    this.budget = budget;
    this.cellRules = cellRules;
  }

  /**
   * @param mosaic the rasters read as one
   * @param dataset the dataset they belong to, for its band
   * @param cellRules the request's minimum coverage and default value, applied in every part
   */
  static <P extends Mosaic.Part> TiledReader<P> over(
      Mosaic<P> mosaic, CatalogDataset dataset, Budget budget, CellRules cellRules) {
    return new TiledReader<>(mosaic, dataset, budget, cellRules);
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
   * @param bilinear whether points interpolate (within one part: next to a part's edge they read
   *     the nearest cell)
   * @param values where every part's cells go
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
    return tally.read(List.copyOf(warnings));
  }

  /** Polygons and lines: every part the geometry reaches reads the part in the cells it owns. */
  private void spread(Geometry lonLat, boolean areas, PixelRule rule, Tally tally) {
    PreparedGeometry prepared = PreparedGeometryFactory.prepare(lonLat);
    Set<P> looked = new HashSet<>();
    List<Piece> pieces = new ArrayList<>();
    List<Piece> opened = new ArrayList<>();
    double cell = 0;
    double margin;
    // A part in longitude/latitude can own cells up to half a cell beyond its box: once the parts
    // opened tell the cell size, the parts within a cell of the geometry are looked at too.
    do {
      margin = cell;
      List<P> wanted = new ArrayList<>();
      for (P t : near(lonLat, margin)) {
        Envelope reach = t.box();
        reach.expandBy(margin);
        if (!looked.contains(t) && prepared.intersects(lonLat.getFactory().toGeometry(reach))) {
          looked.add(t);
          wanted.add(t);
        }
      }
      // Opened a few at a time, each few charged to the budget, so that a geometry far beyond the
      // budget fails after a few parts rather than after opening all of them.
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
          opened.add(p);
          if (p.unit() == 0) {
            double[] res = p.raster().grid().resolution();
            cell = Math.max(cell, Math.max(res[0], res[1]));
          }
          if (!p.pixels().isEmpty()) {
            budget.spend(p.raster().grid(), p.pixels());
            pieces.add(p);
          }
        }
      }
    } while (cell > margin);
    if (!mosaic.gapless()) {
      boolean allNative = !opened.isEmpty() && opened.stream().allMatch(Piece::ownCells);
      tally.missing(
          allNative
              ? outsideCells(lonLat, opened, areas, rule)
              : measure(outside(lonLat, looked, areas), areas, rule));
    }
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
      double unit = p.unit() != 0 ? p.unit() : areas ? res[0] * res[1] : Math.sqrt(res[0] * res[1]);
      tally.add(m, unit, raster.grid(), p.pixels());
    }
  }

  /** The parts whose boxes come within {@code margin} degrees of each part's envelope. */
  private Set<P> near(Geometry lonLat, double margin) {
    Set<P> out = new LinkedHashSet<>();
    for (int i = 0; i < lonLat.getNumGeometries(); i++) {
      Envelope e = lonLat.getGeometryN(i).getEnvelopeInternal();
      e.expandBy(margin);
      out.addAll(mosaic.touching(e));
    }
    return out;
  }

  private Piece piece(P part, Geometry lonLat, boolean areas, PixelRule rule) {
    Optional<GeoTiff> opened = mosaic.open(part, warnings::add);
    if (opened.isEmpty()) {
      return new Piece(
          null, null, null, 0, measure(clip(lonLat, owned(part, lonLat), areas), areas, rule));
    }
    GeoTiff raster = opened.get();
    Grid grid = raster.grid();
    if (!inLonLat(grid)) {
      Optional<Envelope[]> earlier = earlierInSameCrs(part, grid);
      if (earlier.isPresent()) {
        return ownCellsOfSameCrs(raster, lonLat, earlier.get(), areas);
      }
      Geometry mine = clip(lonLat, owned(part, lonLat), areas);
      Geometry pixels = new PixelLocator(grid).toPixels(mine);
      double inCells = areas ? pixels.getArea() : pixels.getLength();
      return new Piece(
          raster,
          new Envelope(0, grid.width(), 0, grid.height()),
          pixels,
          inCells > 0 ? (areas ? mine.getArea() : mine.getLength()) / inCells : 1,
          0);
    }
    Envelope own = ownedCells(part.box(), grid);
    Geometry pixels = new PixelLocator(grid).toPixels(lonLat);
    if (own.isNull()) {
      return new Piece(raster, own, pixels.getFactory().createEmpty(2), 0, 0);
    }
    Geometry region = pixels.getFactory().toGeometry(own);
    for (P earlier : mosaic.overlapping(part)) {
      Envelope theirs = ownedCells(earlier.box(), grid);
      if (!theirs.isNull()) {
        region = region.difference(pixels.getFactory().toGeometry(theirs));
      }
    }
    return new Piece(raster, own, clip(pixels, region, areas), 0, 0);
  }

  /**
   * The cells, in {@code grid}'s pixel space, of the earlier parts that overlap {@code part}, when
   * every part whose box meets its box, earlier or later, is in the same CRS on the same grid of
   * cells; empty when one is not, and the footprints in longitude/latitude must decide.
   */
  private Optional<Envelope[]> earlierInSameCrs(P part, Grid grid) {
    List<P> earlier = mosaic.overlapping(part);
    List<Envelope> cells = new ArrayList<>();
    AffineTransform toPixels = grid.transform().inverse();
    for (P other : mosaic.touching(part.box())) {
      if (other.equals(part)) {
        continue;
      }
      Optional<GeoTiff> opened = mosaic.open(other, message -> {});
      if (opened.isEmpty()) {
        continue;
      }
      Grid theirs = opened.get().grid();
      if (theirs.crs() == null || !SameCrs.same(theirs.crs(), grid.crs())) {
        return Optional.empty();
      }
      Envelope theirCells = cellsOf(theirs, toPixels);
      if (!whole(theirCells.getMinX())
          || !whole(theirCells.getMaxX())
          || !whole(theirCells.getMinY())
          || !whole(theirCells.getMaxY())) {
        return Optional.empty();
      }
      if (earlier.contains(other)) {
        cells.add(
            new Envelope(
                Math.rint(theirCells.getMinX()),
                Math.rint(theirCells.getMaxX()),
                Math.rint(theirCells.getMinY()),
                Math.rint(theirCells.getMaxY())));
      }
    }
    return Optional.of(cells.toArray(Envelope[]::new));
  }

  /**
   * The cells of {@code grid} in the pixel space {@code toPixels} leads into, that of a grid of the
   * same CRS.
   */
  private static Envelope cellsOf(Grid grid, AffineTransform toPixels) {
    AffineTransform t = grid.transform();
    double x1 = t.x(grid.width(), grid.height());
    double y1 = t.y(grid.width(), grid.height());
    return new Envelope(
        toPixels.x(t.x(0, 0), t.y(0, 0)),
        toPixels.x(x1, y1),
        toPixels.y(t.x(0, 0), t.y(0, 0)),
        toPixels.y(x1, y1));
  }

  private static boolean whole(double pixel) {
    return Math.abs(pixel - Math.rint(pixel)) <= ON_THE_LINE;
  }

  /**
   * A projected part among parts of its own CRS on one grid of cells (items cut from one raster, or
   * the scenes of one UTM zone): it owns its cells less those of the earlier parts, and the whole
   * geometry is projected into its pixel space as into a single raster's, so that the parts read as
   * that raster would.
   */
  private Piece ownCellsOfSameCrs(
      GeoTiff raster, Geometry lonLat, Envelope[] earlier, boolean areas) {
    Grid grid = raster.grid();
    Envelope own = new Envelope(0, grid.width(), 0, grid.height());
    Geometry pixels = new PixelLocator(grid).toPixels(lonLat);
    Geometry region = pixels.getFactory().toGeometry(own);
    for (Envelope theirs : earlier) {
      if (!theirs.isNull() && theirs.intersects(own)) {
        region = region.difference(pixels.getFactory().toGeometry(theirs));
      }
    }
    // One cell weighs the same in every part of one CRS and cell size, as in the raster they make:
    // its size in degrees at the geometry's latitude, the same for every part the geometry reaches,
    // so that it compares with the places outside every footprint, measured in degrees.
    double lat = lonLat.getEnvelopeInternal().centre().y;
    double shrink = Math.max(1e-6, Math.cos(Math.toRadians(lat)));
    double side = grid.resolutionMetres(0, 0) / METRES_PER_DEGREE;
    double unit = areas ? side * side / shrink : side / Math.sqrt(shrink);
    return new Piece(raster, own, clip(pixels, region, areas), unit, 0, true);
  }

  /** Whether a grid's cells are in longitude/latitude, so that a part owns whole cells. */
  private static boolean inLonLat(Grid grid) {
    return grid.crs() == null || grid.crs().isGeographic();
  }

  /**
   * @return the footprint of {@code part} less those of the earlier parts that overlap it, in
   *     longitude/latitude
   */
  private Geometry owned(P part, Geometry lonLat) {
    Geometry region = part.footprint(lonLat.getFactory());
    for (P earlier : mosaic.overlapping(part)) {
      region = region.difference(earlier.footprint(lonLat.getFactory()));
    }
    return region;
  }

  /**
   * The part of the geometry outside the cells of every part, when all of them own their own cells
   * on one grid: measured on that grid, as a single raster measures the geometry beyond its edge,
   * and weighed as their cells are.
   */
  private double outsideCells(Geometry lonLat, List<Piece> parts, boolean areas, PixelRule rule) {
    Grid reference = parts.get(0).raster().grid();
    AffineTransform toPixels = reference.transform().inverse();
    Geometry pixels = new PixelLocator(reference).toPixels(lonLat);
    List<Geometry> cells = new ArrayList<>();
    for (Piece p : parts) {
      cells.add(pixels.getFactory().toGeometry(cellsOf(p.raster().grid(), toPixels)));
    }
    Geometry rest;
    try {
      rest = pixels.difference(UnaryUnionOp.union(cells, pixels.getFactory()));
    } catch (TopologyException e) {
      throw new UnreadableException(
          "the geometry cannot be cut along the rasters' edges: " + e.getMessage(), e);
    }
    return measure(areas ? polygons(rest) : rest, areas, rule) * parts.get(0).unit();
  }

  /** The part of the geometry outside the footprints of every part that was looked at. */
  private Geometry outside(Geometry lonLat, Set<P> looked, boolean areas) {
    List<Geometry> footprints = new ArrayList<>();
    for (P p : looked) {
      footprints.add(p.footprint(lonLat.getFactory()));
    }
    Geometry covered = UnaryUnionOp.union(footprints, lonLat.getFactory());
    Geometry rest;
    try {
      rest = covered == null ? lonLat : lonLat.difference(covered);
    } catch (TopologyException e) {
      throw new UnreadableException(
          "the geometry cannot be cut along the footprints of the rasters: " + e.getMessage(), e);
    }
    return areas ? polygons(rest) : rest;
  }

  /**
   * The size of a geometry in longitude/latitude, as the readers weigh it: areas for polygons, and
   * for lines their length under EXACT and their cells otherwise, which the axis steps approximate.
   */
  private static double measure(Geometry g, boolean areas, PixelRule rule) {
    return areas ? g.getArea() : rule == PixelRule.EXACT ? g.getLength() : stepLength(g);
  }

  /** Each point reads the cell under it, in the part that owns that cell. */
  private void points(Geometry lonLat, boolean bilinear, Tally tally) {
    Map<P, List<Coordinate>> pending = new LinkedHashMap<>();
    for (Coordinate c : lonLat.getCoordinates()) {
      // 180° is −180°, where the first column of tiles starts.
      Coordinate p = c.x >= 180 ? new Coordinate(c.x - 360, c.y) : c;
      Optional<P> part = mosaic.containing(p.x, p.y);
      if (part.isEmpty()) {
        tally.missing(1);
      } else {
        pending.computeIfAbsent(part.get(), t -> new ArrayList<>()).add(p);
      }
    }
    // The part whose box holds a point may not own the cell under it (that cell may be centred in
    // the next tile): such points move to the part beside it, once.
    for (int hop = 0; !pending.isEmpty(); hop++) {
      List<Map.Entry<P, List<Coordinate>>> batch = List.copyOf(pending.entrySet());
      List<Optional<GeoTiff>> opened =
          Parallel.map(batch, OPENING, e -> mosaic.open(e.getKey(), warnings::add));
      pending = new LinkedHashMap<>();
      for (int i = 0; i < batch.size(); i++) {
        P part = batch.get(i).getKey();
        List<Coordinate> points = batch.get(i).getValue();
        if (opened.get(i).isEmpty()) {
          tally.missing(points.size());
          continue;
        }
        GeoTiff raster = opened.get(i).get();
        Envelope own =
            inLonLat(raster.grid())
                ? ownedCells(part.box(), raster.grid())
                : new Envelope(0, raster.grid().width(), 0, raster.grid().height());
        PixelLocator locator = new PixelLocator(raster.grid());
        List<Coordinate> here = new ArrayList<>();
        for (Coordinate c : points) {
          double[] px = locator.pixel(c.x, c.y);
          int east = px[0] < own.getMinX() ? -1 : px[0] >= own.getMaxX() ? 1 : 0;
          int north = px[1] < own.getMinY() ? 1 : px[1] >= own.getMaxY() ? -1 : 0;
          Optional<P> owner =
              hop > 0 || east == 0 && north == 0
                  ? Optional.of(part)
                  : mosaic.beside(part, c.x, c.y, east, north);
          if (owner.isEmpty()) {
            tally.missing(1);
          } else if (owner.get().equals(part)) {
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
   * The cells of a part's raster whose centre lies in its box, west and north edges included: those
   * the part owns unless an earlier part overlaps it.
   *
   * @param box the part's box in longitude/latitude
   * @return a pixel-space box with whole-number edges, clipped to the raster; null if it owns none
   */
  static Envelope ownedCells(Envelope box, Grid grid) {
    PixelLocator locator = new PixelLocator(grid);
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
   * @return the part of {@code g} in {@code region}; for polygons only its polygons, not the edges
   *     it touches
   */
  private static Geometry clip(Geometry g, Geometry region, boolean areas) {
    if (region.isRectangle() && region.getEnvelopeInternal().contains(g.getEnvelopeInternal())) {
      return g;
    }
    Geometry cut;
    try {
      cut = g.intersection(region);
    } catch (TopologyException e) {
      throw new UnreadableException(
          "the geometry cannot be cut along the rasters' edges: " + e.getMessage(), e);
    }
    return areas ? polygons(cut) : cut;
  }

  private static Geometry polygons(Geometry g) {
    List<Polygon> polygons = new ArrayList<>();
    PolygonExtracter.getPolygons(g, polygons);
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

  /** Adds up what the parts read, and remembers the part that read the most valid data. */
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
      // Counted in cells, as the accumulator's count is, whatever size each part's cells are.
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

    Read read(List<String> warnings) {
      return new Read(
          new Measurement(values, valid, missing, cells, nodata), grid, col, row, warnings);
    }
  }
}
