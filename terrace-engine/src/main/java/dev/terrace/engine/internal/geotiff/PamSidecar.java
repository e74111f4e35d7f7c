package dev.terrace.engine.internal.geotiff;

import dev.terrace.engine.internal.io.ByteSource;
import dev.terrace.engine.internal.raster.RasterFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * What a GDAL PAM sidecar ({@code name.tif.aux.xml}) says of each band: nodata, scale and offset.
 * The rest (statistics, histograms, attribute tables) describes the data without changing it, so it
 * is not read.
 */
final class PamSidecar {

  /**
   * Larger sidecars hold histograms and attribute tables we do not read; this bounds a hostile one.
   */
  static final int MAX_BYTES = 16 << 20;

  /**
   * One band's values; absent ones are empty or null.
   *
   * @param nodataText the nodata as written, for 64-bit integer bands, whose nodata GDAL reads as
   *     an integer
   */
  record BandValues(OptionalDouble nodata, String nodataText, Double scale, Double offset) {
    static final BandValues NONE = new BandValues(OptionalDouble.empty(), null, null, null);
  }

  private final Map<Integer, BandValues> bands;

  private PamSidecar(Map<Integer, BandValues> bands) {
    this.bands = Map.copyOf(bands);
  }

  static final PamSidecar EMPTY = new PamSidecar(Map.of());

  /**
   * @param sidecars where to look
   * @return the sidecar's values, or {@link #EMPTY} when there is none
   * @throws RasterFormatException if the sidecar is not PAM XML or a value is not a number
   */
  static PamSidecar read(Sidecars sidecars) {
    return sidecars.open(Sidecars.AUX_XML).map(PamSidecar::parse).orElse(EMPTY);
  }

  /**
   * @return the values for a 1-based band
   */
  BandValues band(int band) {
    return bands.getOrDefault(band, BandValues.NONE);
  }

  private static PamSidecar parse(ByteSource source) {
    try (source) {
      if (source.length() > MAX_BYTES) {
        throw new RasterFormatException(
            source.name()
                + ": "
                + source.length()
                + " bytes is over the "
                + (MAX_BYTES >> 20)
                + " MiB a PAM sidecar may have");
      }
      byte[] xml = source.read(0, (int) source.length());
      Element root = parser().parse(new ByteArrayInputStream(xml)).getDocumentElement();
      Map<Integer, BandValues> bands = new HashMap<>();
      NodeList list = root.getElementsByTagName("PAMRasterBand");
      for (int i = 0; i < list.getLength(); i++) {
        Element band = (Element) list.item(i);
        String number = band.getAttribute("band");
        int b = number.isEmpty() ? 1 : Integer.parseInt(number.trim());
        Double nodata = number(source, band, "NoDataValue");
        bands.put(
            b,
            new BandValues(
                nodata == null ? OptionalDouble.empty() : OptionalDouble.of(nodata),
                nodata == null ? null : text(band, "NoDataValue"),
                number(source, band, "Scale"),
                number(source, band, "Offset")));
      }
      return new PamSidecar(bands);
    } catch (SAXException | IOException | NumberFormatException e) {
      throw new RasterFormatException(
          source.name() + ": not a readable GDAL PAM sidecar: " + e.getMessage(), e);
    }
  }

  private static String text(Element band, String name) {
    NodeList nodes = band.getElementsByTagName(name);
    return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
  }

  private static Double number(ByteSource source, Element band, String name) {
    String text = text(band, name);
    if (text == null) {
      return null;
    }
    try {
      return GdalMetadata.parseNumber(text);
    } catch (NumberFormatException e) {
      throw new RasterFormatException(
          source.name()
              + ": "
              + name
              + " of band "
              + band.getAttribute("band")
              + " is \""
              + text
              + "\", not a number");
    }
  }

  /** A parser that reads no DTD and no external entity: the sidecar may come from anywhere. */
  private static javax.xml.parsers.DocumentBuilder parser() {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      return f.newDocumentBuilder();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }
}
