package dev.terrace.engine.internal.geotiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.terrace.engine.internal.io.MemoryByteSource;
import dev.terrace.engine.internal.raster.RasterFormatException;
import dev.terrace.engine.internal.raster.Window;
import java.nio.file.Files;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Broken files fail with a {@link RasterFormatException} whose message names the file, the IFD and
 * the tag, before anything is allocated from the broken field.
 */
class BadInputTest {

  private static final String NAME = "u8_none_p1_strip5.tif";

  private static byte[] original() throws Exception {
    return Files.readAllBytes(Fixtures.file(NAME));
  }

  private static GeoTiff open(byte[] bytes) {
    return GeoTiff.open(new MemoryByteSource(NAME, bytes), TileCache.ofMaxBytes(1 << 20));
  }

  /**
   * As GDAL does: a file cut inside its pixel data opens, the intact blocks read, the lost ones are
   * masked.
   */
  @Test
  void aFileCutShortOpensAndMasksTheBlockThatLiesPastTheEnd() throws Exception {
    byte[] bytes = original();
    byte[] truncated = Arrays.copyOf(bytes, bytes.length - 100);
    try (GeoTiff whole = open(bytes);
        GeoTiff cut = open(truncated)) {
      assertThat(cut.damage())
          .hasValueSatisfying(
              d ->
                  assertThat(d)
                      .contains(NAME)
                      .contains("1 strip of IFD 0 (8)")
                      .contains("past its end"));
      assertThat(whole.damage()).isEmpty();
      Window intact = Window.of(0, 0, 67, 40);
      assertThat(cut.read(intact, 2).toDoubles())
          .containsExactly(whole.read(intact, 2).toDoubles());
      assertThat(cut.hasMask(2)).isTrue();
      byte[] valid = new byte[67 * 43];
      cut.readMask(cut.grid().extent(), 2, valid);
      for (int i = 0; i < valid.length; i++) {
        assertThat(valid[i]).as("cell %d", i).isEqualTo((byte) (i < 67 * 40 ? 1 : 0));
      }
    }
  }

  @Test
  void anIfdOffsetPastTheEndIsNamed() throws Exception {
    byte[] bytes = original();
    assertThatThrownBy(() -> open(TiffPatch.setFirstIfdOffset(bytes, bytes.length + 1000)))
        .isInstanceOf(RasterFormatException.class)
        .hasMessageContaining(NAME)
        .hasMessageContaining("IFD 0")
        .hasMessageContaining("past the end");
  }

  @Test
  void anAbsurdBlockSizeIsRefusedBeforeAllocating() throws Exception {
    byte[] lzw = TiffPatch.setTag(absurdStrip(), TiffTag.COMPRESSION, 5);
    assertThatThrownBy(() -> open(lzw))
        .isInstanceOf(RasterFormatException.class)
        .hasMessageContaining(NAME)
        .hasMessageContaining("IFD 0")
        .hasMessageContaining("RowsPerStrip")
        .hasMessageContaining("limit");
  }

  /**
   * An uncompressed strip too large for one block is read in bands of rows, each its own byte
   * range.
   */
  @Test
  void anUncompressedStripTooLargeForOneBlockOpensInBandsOfRows() throws Exception {
    try (GeoTiff tiff = open(absurdStrip())) {
      assertThat(tiff.grid().height()).isEqualTo(65535);
      assertThat(tiff.blockHeight()).isLessThan(65535);
      assertThat(tiff.damage()).as("the bands past the end of this small file").isPresent();
    }
  }

  /** A 65535 x 65535 x 3 image of one strip: 12 GiB of pixels claimed by a file of a few KiB. */
  private static byte[] absurdStrip() throws Exception {
    byte[] bytes = TiffPatch.setTag(original(), TiffTag.IMAGE_WIDTH, 65535);
    byte[] tall = TiffPatch.setTag(bytes, TiffTag.IMAGE_LENGTH, 65535);
    return TiffPatch.setTag(tall, TiffTag.ROWS_PER_STRIP, 65535);
  }

  @Test
  void anUnknownCompressionNamesTheScheme() throws Exception {
    byte[] jpeg2000 = TiffPatch.setTag(original(), TiffTag.COMPRESSION, 34712);
    assertThatThrownBy(() -> open(jpeg2000))
        .isInstanceOf(RasterFormatException.class)
        .hasMessageContaining(NAME)
        .hasMessageContaining("IFD 0")
        .hasMessageContaining("Compression (259)")
        .hasMessageContaining("34712 (JPEG 2000)")
        .hasMessageContaining("LERC)");
  }

  @Test
  void aFileThatIsNotATiffSaysSo() {
    assertThatThrownBy(() -> open("GIF89a and more bytes".getBytes()))
        .isInstanceOf(RasterFormatException.class)
        .hasMessageContaining(NAME)
        .hasMessageContaining("not a TIFF");
  }

  @Test
  void corruptCompressedDataNamesTheBlock() throws Exception {
    String name = "u8_deflate_p1_tiled.tif";
    byte[] bytes = Files.readAllBytes(Fixtures.file(name));
    Ifd ifd = TiffParser.parse(new MemoryByteSource(name, bytes)).ifds().get(0);
    ImageLayout layout = ImageLayout.of(ifd, bytes.length);
    byte[] broken = bytes.clone();
    int start = (int) layout.offsets()[0];
    Arrays.fill(broken, start + 2, start + (int) layout.byteCounts()[0], (byte) 0xFF);
    try (GeoTiff tiff =
        GeoTiff.open(new MemoryByteSource(name, broken), TileCache.ofMaxBytes(1 << 20))) {
      assertThatThrownBy(() -> tiff.read(tiff.grid().extent(), 1))
          .isInstanceOf(RasterFormatException.class)
          .hasMessageContaining(name)
          .hasMessageContaining("IFD 0, tile 0")
          .hasMessageContaining("corrupt");
    }
  }
}
