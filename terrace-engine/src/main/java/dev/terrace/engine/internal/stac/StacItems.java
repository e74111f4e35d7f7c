package dev.terrace.engine.internal.stac;

import dev.terrace.api.BoundingBox;
import dev.terrace.api.Dataset;
import dev.terrace.api.StacAsset;
import dev.terrace.api.StacItem;
import dev.terrace.api.geojson.Polygon;
import dev.terrace.engine.internal.catalog.RasterItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;

/** Builds the STAC item of each raster behind a dataset. */
public final class StacItems {

  /** The STAC version of every object the service writes. */
  public static final String STAC_VERSION = "1.0.0";

  /** The schema of the STAC raster extension, which describes the band read. */
  public static final String RASTER_EXTENSION =
      "https://stac-extensions.github.io/raster/v1.1.0/schema.json";

  /** The schema of the STAC classification extension, which names a categorical band's classes. */
  public static final String CLASSIFICATION_EXTENSION =
      "https://stac-extensions.github.io/classification/v1.1.0/schema.json";

  /**
   * The interval of an item whose dataset has no time: a raster without time answers for any time,
   * so its item meets every {@code datetime}.
   */
  static final Instant TIMELESS_START = Instant.parse("0001-01-01T00:00:00Z");

  static final Instant TIMELESS_END = Instant.parse("9999-12-31T23:59:59Z");

  private StacItems() {}

  /**
   * @param dataset the dataset as the API describes it: its id is the item's collection
   * @param raster one raster behind it
   * @return the item, without links (the service adds them, knowing its own address)
   */
  static StacItem item(Dataset dataset, RasterItem raster) {
    Envelope box = raster.box() != null ? raster.box() : envelope(dataset.bbox());
    Map<String, Object> properties = new LinkedHashMap<>();
    if (raster.time() != null) {
      properties.put("datetime", raster.time().toString());
    } else {
      properties.put("datetime", null);
      properties.put("start_datetime", TIMELESS_START.toString());
      properties.put("end_datetime", TIMELESS_END.toString());
    }
    if (dataset.description() != null) {
      properties.put("description", dataset.description());
    }
    List<Map<String, Object>> classes = classes(dataset);
    return new StacItem(
        "Feature",
        STAC_VERSION,
        classes.isEmpty()
            ? List.of(RASTER_EXTENSION)
            : List.of(RASTER_EXTENSION, CLASSIFICATION_EXTENSION),
        raster.id(),
        dataset.id(),
        box == null
            ? null
            : Polygon.rectangle(box.getMinX(), box.getMinY(), box.getMaxX(), box.getMaxY()),
        box == null ? null : List.of(box.getMinX(), box.getMinY(), box.getMaxX(), box.getMaxY()),
        properties,
        List.of(),
        Map.of("data", asset(dataset, raster, classes)));
  }

  /**
   * A categorical dataset's classes as the classification extension lists them; a code that is not
   * a whole number, which the extension cannot hold, is left out.
   */
  private static List<Map<String, Object>> classes(Dataset dataset) {
    List<Map<String, Object>> out = new ArrayList<>();
    if (dataset.classes() != null) {
      for (Map.Entry<String, String> c : dataset.classes().entrySet()) {
        if (c.getKey().matches("-?\\d{1,9}")) {
          Map<String, Object> entry = new LinkedHashMap<>();
          entry.put("value", Integer.parseInt(c.getKey()));
          entry.put("description", c.getValue());
          out.add(entry);
        }
      }
    }
    return out;
  }

  private static StacAsset asset(
      Dataset dataset, RasterItem raster, List<Map<String, Object>> classes) {
    Map<String, Object> band = new LinkedHashMap<>();
    if (dataset.nodata() != null) {
      double nodata = dataset.nodata();
      band.put("nodata", Double.isNaN(nodata) ? "nan" : nodata);
    }
    if (dataset.units() != null) {
      band.put("unit", dataset.units());
    }
    if (dataset.resolutionM() != null) {
      band.put("spatial_resolution", dataset.resolutionM());
    }
    if (!classes.isEmpty()) {
      band.put("classification:classes", classes);
    }
    return new StacAsset(
        raster.href(),
        mediaType(raster.href()),
        dataset.name(),
        List.of("data"),
        band.isEmpty() ? null : new ArrayList<>(List.of(band)));
  }

  /** The asset's media type, from its file's extension. */
  static String mediaType(String href) {
    String path = href.replaceFirst("[?#].*", "").toLowerCase(Locale.ROOT);
    if (path.endsWith(".nc") || path.endsWith(".nc4")) {
      return "application/netcdf";
    }
    return "image/tiff; application=geotiff";
  }

  static Envelope envelope(BoundingBox bbox) {
    return bbox == null
        ? null
        : new Envelope(bbox.minLon(), bbox.maxLon(), bbox.minLat(), bbox.maxLat());
  }
}
