package dev.terrace.engine.internal.geotiff;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.terrace.engine.internal.io.MemoryByteSource;
import dev.terrace.engine.internal.raster.RasterFormatException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Colour spaces whose stored samples GDAL converts to RGB on reading are refused with the command
 * that converts them, rather than returned raw under GDAL's band numbers.
 */
class PhotometricTest {

  private static final String TO_RGB = "gdal_translate -b 1 -b 2 -b 3 -co PHOTOMETRIC=RGB";

  private static GeoTiff open(String name, byte[] bytes) {
    return GeoTiff.open(new MemoryByteSource(name, bytes), TileCache.ofMaxBytes(1 << 20));
  }

  private static byte[] bytes(String name) throws Exception {
    return Files.readAllBytes(Fixtures.file("crs/" + name));
  }

  @Test
  void cmykIsRefused() throws Exception {
    assertThatThrownBy(() -> open("cmyk", bytes("photometric_cmyk.tif")))
        .isInstanceOf(RasterFormatException.class)
        .hasMessageContaining("PhotometricInterpretation (262)")
        .hasMessageContaining("CMYK")
        .hasMessageContaining(TO_RGB);
  }

  @Test
  void cielabIsRefused() throws Exception {
    assertThatThrownBy(() -> open("lab", bytes("photometric_cielab.tif")))
        .isInstanceOf(RasterFormatException.class)
        .hasMessageContaining("CIELab")
        .hasMessageContaining(TO_RGB);
  }

  @ParameterizedTest
  @CsvSource({"9, ICCLab", "10, ITULab"})
  void theOtherLabSpacesAreRefused(int photometric, String name) throws Exception {
    byte[] patched =
        TiffPatch.setTag(bytes("photometric_cielab.tif"), TiffTag.PHOTOMETRIC, photometric);
    assertThatThrownBy(() -> open("lab", patched))
        .isInstanceOf(RasterFormatException.class)
        .hasMessageContaining(name)
        .hasMessageContaining("CIELab")
        .hasMessageContaining(TO_RGB);
  }

  @Test
  void ycbcrWithoutJpegIsRefused() throws Exception {
    // GDAL refuses to write raw YCbCr, so an RGB-sized uncompressed file is relabelled.
    byte[] patched = TiffPatch.setTag(bytes("photometric_cielab.tif"), TiffTag.PHOTOMETRIC, 6);
    assertThatThrownBy(() -> open("ycbcr", patched))
        .isInstanceOf(RasterFormatException.class)
        .hasMessageContaining("YCbCr")
        .hasMessageContaining("without JPEG")
        .hasMessageContaining(TO_RGB);
  }

  @Test
  void ycbcrInsideJpegIsLeftToTheJpegCodec() throws Exception {
    byte[] bytes = bytes("photometric_ycbcr_jpeg.tif");
    Ifd ifd = TiffParser.parse(new MemoryByteSource("jpeg", bytes)).ifds().get(0);
    assertThatCode(() -> Photometric.check(ifd)).doesNotThrowAnyException();
    // Opening it is the codec's business: it may decode, or refuse JPEG, but never for being YCbCr.
    try (GeoTiff tiff = open("jpeg", bytes)) {
      tiff.grid();
    } catch (RasterFormatException e) {
      org.assertj.core.api.Assertions.assertThat(e.getMessage()).doesNotContain("YCbCr");
    }
  }
}
