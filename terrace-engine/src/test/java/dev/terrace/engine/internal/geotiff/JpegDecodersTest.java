package dev.terrace.engine.internal.geotiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.terrace.engine.internal.io.FileByteSource;
import dev.terrace.engine.internal.io.MemoryByteSource;
import dev.terrace.engine.internal.raster.Raster;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.proj4j.CRSFactory;

/**
 * The fastest JPEG decoder (libjpeg-turbo through the foreign function API, where the JVM can call
 * it) gives GDAL's pixels and the ImageIO decoder's, block for block, on every JPEG fixture, from
 * any thread, and leaves no native memory behind. Without the library (Debian: {@code
 * libturbojpeg0}) or on Java 21 the tests that need it are skipped saying why, and the GDAL
 * comparison runs on the ImageIO decoder.
 */
class JpegDecodersTest {

  private static final SampleDecompressor FASTEST = JpegDecoders.FASTEST;
  private static final JpegDecompressor IMAGE_IO = new JpegDecompressor();
  private static final List<String> FILES =
      List.of(
          "codecs/jpeg_u8_gray_tiled.tif",
          "codecs/jpeg_u8_rgb_tiled.tif",
          "codecs/jpeg_u8_ycbcr_tiled.tif",
          "codecs/jpeg_u8_ycbcr_strips.tif",
          "codecs/jpeg_u8_band_tiled.tif",
          "../fidelity/codec_jpeg_u8.tif",
          "../fidelity/codec_jpeg_ycbcr_u8.tif");

  @BeforeAll
  static void sayWhichDecoderRuns() {
    System.out.println("JPEG blocks decode with " + FASTEST.getClass().getSimpleName());
  }

  @Test
  void libjpegTurboIsUsedOnAJvmThatCanCallIt() {
    assumeNative();
    assertThat(FASTEST.getClass().getSimpleName()).isEqualTo("TurboJpegDecompressor");
  }

  static Stream<Arguments> gdalBands() {
    return Fixtures.csv(Fixtures.file("codecs/expected.csv")).stream()
        .filter(row -> row.get("codec").equals("JPEG"))
        .map(row -> Arguments.of(row.get("file") + " band " + row.get("band"), row));
  }

  /**
   * As CodecParityTest, with the CRS given: the fixtures are georeferenced without one, which the
   * reader refuses on its own.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("gdalBands")
  void decodesWhatGdalDecodes(String name, Map<String, String> expected) throws Exception {
    FileByteSource source = FileByteSource.open(Fixtures.file("codecs/" + expected.get("file")));
    try (GeoTiff tiff =
        GeoTiff.open(
            source,
            TileCache.ofMaxBytes(8 << 20),
            Sidecars.none(),
            new CRSFactory().createFromName("EPSG:4326"))) {
      Raster raster = tiff.read(tiff.grid().extent(), Integer.parseInt(expected.get("band")));
      assertThat(GdalParityTest.sha256(raster)).isEqualTo(expected.get("sha256"));
    }
  }

  static Stream<String> files() {
    return FILES.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void libjpegTurboDecodesEveryBlockItselfAsImageIoDoes(String file) throws Exception {
    assumeNative();
    Method decodeNative =
        FASTEST
            .getClass()
            .getDeclaredMethod("decodeNative", ImageLayout.class, byte[].class, int.class);
    for (Block block : blocks(file)) {
      byte[] stream =
          JpegDecompressor.spliceTables(
              block.layout.ifd().longs(TiffTag.JPEG_TABLES), block.bytes, 0, block.bytes.length);
      byte[] own = (byte[]) decodeNative.invoke(FASTEST, block.layout, stream, block.rows);
      assertThat(own).as("%s, block %d decoded by libjpeg-turbo", file, block.index).isNotNull();
      assertThat(own).as("%s, block %d", file, block.index).isEqualTo(imageIo(block));
    }
  }

  /**
   * Damage that libjpeg notices (an error or a warning) sends the block to the ImageIO decoder, so
   * the block decodes, or fails with the message, as it did before; damage that neither notices in
   * the entropy-coded data decodes to a block of the right size, not necessarily to libjpeg 6b's
   * bytes (libjpeg-turbo's Huffman decoder resynchronises differently).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void damagedBlocksDecodeOrFailAsWithImageIo(String file) throws Exception {
    assumeNative();
    Method decodeNative =
        FASTEST
            .getClass()
            .getDeclaredMethod("decodeNative", ImageLayout.class, byte[].class, int.class);
    Random random = new Random(file.hashCode());
    for (Block clean : blocks(file)) {
      for (int trial = 0; trial < 20; trial++) {
        byte[] bytes = clean.bytes.clone();
        if (trial % 4 == 3) {
          bytes = Arrays.copyOf(bytes, 2 + random.nextInt(bytes.length - 2)); // truncated
        } else {
          for (int i = 1 + random.nextInt(6); i > 0; i--) {
            bytes[random.nextInt(bytes.length)] = (byte) random.nextInt();
          }
        }
        Block damaged = new Block(clean.layout, clean.index, clean.rows, bytes);
        String fastest =
            outcome(
                () ->
                    (byte[])
                        FASTEST.decode(
                            damaged.layout, damaged.bytes, 0, damaged.bytes.length, damaged.rows));
        byte[] own = null;
        if (!fastest.startsWith("DecodeException")) {
          byte[] stream =
              JpegDecompressor.spliceTables(
                  damaged.layout.ifd().longs(TiffTag.JPEG_TABLES),
                  damaged.bytes,
                  0,
                  damaged.bytes.length);
          own = (byte[]) decodeNative.invoke(FASTEST, damaged.layout, stream, damaged.rows);
        }
        if (own != null) {
          assertThat(own)
              .as("%s, block %d, trial %d", file, clean.index, trial)
              .hasSize(
                  clean.layout.blockWidth() * clean.rows * clean.layout.samplesPerBlockPixel());
        } else {
          assertThat(fastest)
              .as("%s, block %d, trial %d", file, clean.index, trial)
              .isEqualTo(outcome(() -> imageIo(damaged)));
        }
      }
    }
  }

  @Test
  void threadsDecodeTheSameBlocksAtOnce() throws Exception {
    List<Block> blocks = new ArrayList<>();
    List<byte[]> expected = new ArrayList<>();
    for (String file : FILES) {
      for (Block block : blocks(file)) {
        blocks.add(block);
        expected.add(imageIo(block));
      }
    }
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        runs.add(
            threads.submit(
                () -> {
                  for (int pass = 0; pass < 20; pass++) {
                    for (int i = 0; i < blocks.size(); i++) {
                      Block b = blocks.get(i);
                      assertThat(
                              (byte[]) FASTEST.decode(b.layout, b.bytes, 0, b.bytes.length, b.rows))
                          .isEqualTo(expected.get(i));
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> run : runs) {
        run.get();
      }
    } finally {
      threads.shutdownNow();
    }
  }

  /**
   * Each call's native buffers are freed when it returns and decoder handles are pooled, not
   * leaked: a hundred thousand blocks (400 MB of native buffers if none were freed) leave the
   * resident size where the first twenty thousand left it, give or take the Java heap settling.
   */
  @Test
  void decodingManyBlocksDoesNotGrowNativeMemory() throws Exception {
    assumeNative();
    Path statm = Path.of("/proc/self/statm");
    assumeTrue(Files.isReadable(statm), "no /proc/self/statm to read the resident size from");
    List<Block> blocks = new ArrayList<>();
    for (String file : FILES) {
      blocks.addAll(blocks(file));
    }
    decode(blocks, 20_000);
    long before = residentBytes(statm);
    decode(blocks, 100_000);
    long grown = residentBytes(statm) - before;
    assertThat(grown).as("resident size growth in bytes").isLessThan(64L << 20);
  }

  private static void decode(List<Block> blocks, int count) throws DecodeException {
    for (int i = 0; i < count; i++) {
      Block b = blocks.get(i % blocks.size());
      FASTEST.decode(b.layout, b.bytes, 0, b.bytes.length, b.rows);
    }
  }

  private static long residentBytes(Path statm) throws Exception {
    System.gc();
    String[] fields = Files.readString(statm).trim().split(" ");
    return Long.parseLong(fields[1]) * 4096;
  }

  private static void assumeNative() {
    int feature = Runtime.version().feature();
    assumeTrue(
        feature >= 22,
        "Java " + feature + " has no final foreign function API: JPEG goes through ImageIO");
    // The tests run with native access granted; the library itself may be missing.
    assumeTrue(
        LIBRARY_INSTALLED,
        "libturbojpeg.so.0 is not installed (Debian: libturbojpeg0): JPEG goes through ImageIO");
  }

  /**
   * Whether the dynamic linker knows libturbojpeg, asked as {@code .ci/run} asks; where ldconfig
   * cannot be run, whether the engine loaded it (so that its tests still run, though the first test
   * then proves less).
   */
  private static final boolean LIBRARY_INSTALLED = libraryInstalled();

  private static boolean libraryInstalled() {
    try {
      Process ldconfig = new ProcessBuilder("ldconfig", "-p").redirectErrorStream(true).start();
      String listing = new String(ldconfig.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (ldconfig.waitFor() == 0) {
        return listing.contains("libturbojpeg.so.0");
      }
    } catch (IOException e) {
      // No ldconfig on the PATH.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return FASTEST.getClass().getSimpleName().equals("TurboJpegDecompressor");
  }

  private record Block(ImageLayout layout, int index, int rows, byte[] bytes) {}

  /** Every block of the file's first image, with the rows each stores. */
  private static List<Block> blocks(String file) throws Exception {
    byte[] bytes = Files.readAllBytes(Fixtures.file(file));
    TiffParser.Result tiff = TiffParser.parse(new MemoryByteSource(file, bytes));
    ImageLayout layout = ImageLayout.of(tiff.ifds().get(0), bytes.length);
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < layout.offsets().length; i++) {
      int blockRow = i / layout.blocksAcross() % layout.blocksDown();
      int from = (int) layout.offsets()[i];
      blocks.add(
          new Block(
              layout,
              i,
              layout.storedRows(blockRow),
              Arrays.copyOfRange(bytes, from, from + (int) layout.byteCounts()[i])));
    }
    return blocks;
  }

  private static byte[] imageIo(Block b) throws DecodeException {
    return (byte[]) IMAGE_IO.decode(b.layout, b.bytes, 0, b.bytes.length, b.rows);
  }

  private interface Decode {
    byte[] run() throws DecodeException;
  }

  /** The decoded bytes, or the failure's message. */
  private static String outcome(Decode decode) {
    try {
      return Arrays.toString(decode.run());
    } catch (DecodeException e) {
      return "DecodeException: " + e.getMessage();
    }
  }
}
