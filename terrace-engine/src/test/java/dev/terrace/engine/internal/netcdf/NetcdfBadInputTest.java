package dev.terrace.engine.internal.netcdf;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.terrace.engine.internal.raster.RasterFormatException;
import dev.terrace.engine.internal.raster.RasterIoException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files and variables we cannot read fail with the typed exceptions, naming the file, the variable
 * and why.
 */
class NetcdfBadInputTest {

  @Test
  void aMissingVariableListsTheVariablesThereAre() {
    assertThatThrownBy(() -> NetcdfRaster.open(NcFixtures.file("bcsd_obs_1999.nc"), "precip"))
        .isInstanceOf(RasterFormatException.class)
        .hasMessageContaining("bcsd_obs_1999.nc")
        .hasMessageContaining("no variable \"precip\"")
        .hasMessageContaining("gridded variables: pr, tas")
        .hasMessageContaining("latitude");
  }

  @Test
  void aCoordinateVariableIsNotARaster() {
    assertThatThrownBy(() -> NetcdfRaster.open(NcFixtures.file("utm_tyx.nc"), "time"))
        .isInstanceOf(RasterFormatException.class)
        .hasMessageContaining("utm_tyx.nc")
        .hasMessageContaining("\"time\" is not a gridded")
        .hasMessageContaining("gridded variables: temp");
  }

  @Test
  void garbageBytesAreNotNetcdf() {
    byte[] garbage = "this is not a netCDF file at all".getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> NetcdfRaster.open("garbage.nc", garbage, "pr"))
        .isInstanceOf(RasterFormatException.class)
        .hasMessageContaining("garbage.nc")
        .hasMessageContaining("not a netCDF-3 file");
    assertThatThrownBy(() -> NetcdfRaster.open("empty.nc", new byte[0], "pr"))
        .isInstanceOf(RasterFormatException.class)
        .hasMessageContaining("empty.nc");
  }

  @Test
  void garbageAfterANetcdfSignatureIsAFormatError(@TempDir Path dir) throws Exception {
    byte[] bytes = new byte[400];
    Arrays.fill(bytes, (byte) 0x7f);
    bytes[0] = 'C';
    bytes[1] = 'D';
    bytes[2] = 'F';
    bytes[3] = 1;
    Path file = dir.resolve("broken.nc");
    Files.write(file, bytes);
    assertThatThrownBy(() -> NetcdfRaster.open(file, "pr"))
        .isInstanceOf(RasterFormatException.class)
        .hasMessageContaining("broken.nc");
  }

  @Test
  void netcdf4IsNamed() {
    byte[] hdf5 = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n', 0, 0};
    assertThatThrownBy(() -> NetcdfRaster.open("model.nc", hdf5, "tas"))
        .isInstanceOf(RasterFormatException.class)
        .hasMessageContaining("model.nc")
        .hasMessageContaining("netCDF-4");
  }

  @Test
  void aMissingFileIsAnIoError(@TempDir Path dir) {
    Path missing = dir.resolve("nowhere.nc");
    assertThatThrownBy(() -> NetcdfRaster.open(missing, "pr"))
        .isInstanceOf(RasterIoException.class)
        .hasMessageContaining("nowhere.nc")
        .hasMessageContaining("\"pr\"");
  }

  @Test
  void aTruncatedFileFailsTypedWhenOpenedOrRead(@TempDir Path dir) throws Exception {
    byte[] all = NcFixtures.bytes("bcsd_obs_1999.nc");
    Path file = dir.resolve("truncated.nc");
    Files.write(file, Arrays.copyOf(all, all.length / 2));
    assertThatThrownBy(
            () -> {
              try (NetcdfRaster r = NetcdfRaster.open(file, "pr")) {
                r.read(r.grid().extent(), 12);
              }
            })
        .isInstanceOf(RasterFormatException.class)
        .hasMessageContaining("truncated.nc");
  }

  @Test
  void anUnknownCalendarIsNamed() {
    byte[] bytes = NcFixtures.bytes("packed_noleap.nc");
    replace(bytes, "noleap", "noleep");
    assertThatThrownBy(() -> NetcdfRaster.open("patched.nc", bytes, "sst"))
        .isInstanceOf(RasterFormatException.class)
        .hasMessageContaining("patched.nc")
        .hasMessageContaining("\"sst\"")
        .hasMessageContaining("calendar \"noleep\"");
  }

  /**
   * Overwrites the first occurrence of a same-length ASCII string, to corrupt one attribute in
   * place.
   */
  private static void replace(byte[] bytes, String from, String to) {
    byte[] f = from.getBytes(StandardCharsets.US_ASCII);
    outer:
    for (int i = 0; i + f.length <= bytes.length; i++) {
      for (int j = 0; j < f.length; j++) {
        if (bytes[i + j] != f[j]) {
          continue outer;
        }
      }
      System.arraycopy(to.getBytes(StandardCharsets.US_ASCII), 0, bytes, i, f.length);
      return;
    }
    throw new AssertionError(from + " not found");
  }
}
