package dev.terrace.engine.internal.geotiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.terrace.engine.internal.io.MemoryByteSource;
import dev.terrace.engine.internal.raster.RasterFormatException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PamSidecarTest {

  private static PamSidecar parse(String xml) {
    return PamSidecar.read(
        suffix ->
            Optional.of(
                new MemoryByteSource("f.tif" + suffix, xml.getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void readsEachBandsNodataScaleAndOffsetAsGdalWritesThem() {
    PamSidecar pam =
        parse(
            """
        <PAMDataset>
          <PAMRasterBand band="1">
            <NoDataValue>-1.00000000000000E+00</NoDataValue>
            <Offset>7</Offset>
            <Scale>3</Scale>
          </PAMRasterBand>
          <PAMRasterBand band="2"><NoDataValue>nan</NoDataValue></PAMRasterBand>
        </PAMDataset>""");
    assertThat(pam.band(1).nodata()).hasValue(-1);
    assertThat(pam.band(1).scale()).isEqualTo(3);
    assertThat(pam.band(1).offset()).isEqualTo(7);
    assertThat(pam.band(2).nodata().getAsDouble()).isNaN();
    assertThat(pam.band(2).scale()).isNull();
    assertThat(pam.band(3).nodata()).isEmpty();
  }

  @Test
  void noSidecarSaysNothing() {
    assertThat(PamSidecar.read(Sidecars.none()).band(1).nodata()).isEmpty();
  }

  @Test
  void aSidecarThatIsNotPamXmlOrDeclaresADoctypeIsRefusedByName() {
    assertThatThrownBy(() -> parse("not xml"))
        .isInstanceOf(RasterFormatException.class)
        .hasMessageContaining("f.tif.aux.xml");
    assertThatThrownBy(
            () ->
                parse(
                    "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><PAMDataset>&e;</PAMDataset>"))
        .isInstanceOf(RasterFormatException.class);
    assertThatThrownBy(
            () ->
                parse(
                    "<PAMDataset><PAMRasterBand band=\"1\"><Scale>x</Scale></PAMRasterBand></PAMDataset>"))
        .isInstanceOf(RasterFormatException.class)
        .hasMessageContaining("Scale")
        .hasMessageContaining("\"x\"");
  }
}
