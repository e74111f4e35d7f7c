package dev.terrace.engine.internal.catalog;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.locationtech.jts.geom.Envelope;

/**
 * One raster behind a dataset, as a catalog search lists it.
 *
 * @param id unique within the dataset
 * @param time the time step it holds, or null for a dataset without time
 * @param href its file as the catalog names it: a URL or a path relative to the catalog; for a STAC
 *     item, its asset's href resolved against the item
 * @param box its footprint's box in lon/lat when it is a tile or a STAC item, else null for the
 *     dataset's
 */
public record RasterItem(String id, Instant time, String href, Envelope box) {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter SECOND =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /** The file's name without its folder and extension, the id of the item it holds. */
  static String stem(String href) {
    String path = href.replaceFirst("[?#].*", "");
    String name = path.substring(path.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  /**
   * A time step's id: the dataset's name and the step's day, or its second when it does not start a
   * day (series steps may share a file, so the file's name would not do).
   */
  static String stepId(String dataset, Instant time) {
    boolean midnight = time.getEpochSecond() % 86_400 == 0 && time.getNano() == 0;
    return dataset + "-" + (midnight ? DAY : SECOND).format(time);
  }
}
