package dev.terrace.engine.internal.geotiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class PackBitsDecompressorTest {

  private static final HexFormat HEX = HexFormat.of();

  private final PackBitsDecompressor packBits = new PackBitsDecompressor();

  @Test
  void packbitsUnpacksTheExampleFromTheTiff6Spec() throws DecodeException {
    byte[] packed = bytes("FE AA 02 80 00 2A FD AA 03 80 00 2A 22 F7 AA");

    assertThat(packBits.decode(packed, 0, packed.length, 24))
        .isEqualTo(
            bytes("AA AA AA 80 00 2A AA AA AA AA 80 00 2A 22 AA AA AA AA AA AA AA AA AA AA"));
  }

  @Test
  void packbitsSkipsTheNoOpHeader() throws DecodeException {
    byte[] packed = bytes("80 00 01 80 FF FF 80");

    assertThat(packBits.decode(packed, 0, packed.length, 3)).containsExactly(0x01, 0xFF, 0xFF);
  }

  @Test
  void packbitsCutsARunThatPassesTheEndOfTheBlock() throws DecodeException {
    byte[] packed = HEX.parseHex("F9AA02010203");

    assertThat(packBits.decode(packed, 0, packed.length, 5))
        .containsExactly(0xAA, 0xAA, 0xAA, 0xAA, 0xAA);
  }

  @Test
  void packbitsCutsALiteralThatPassesTheEndOfTheBlock() throws DecodeException {
    byte[] packed = HEX.parseHex("FFAA0401020304057F");

    assertThat(packBits.decode(packed, 0, packed.length, 4))
        .containsExactly(0xAA, 0xAA, 0x01, 0x02);
  }

  @Test
  void packbitsRejectsDataThatEndsShort() {
    byte[] packed = HEX.parseHex("FEAA0101");

    assertThatThrownBy(() -> packBits.decode(packed, 0, packed.length, 6))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("3 of 6");
  }

  @Test
  void packbitsRejectsALiteralWhoseBytesAreMissingAsLibtiffDoes() {
    // libtiff copies nothing of a literal it cannot complete, even the bytes that are there.
    byte[] packed = HEX.parseHex("FEAA05010203");

    assertThatThrownBy(() -> packBits.decode(packed, 0, packed.length, 6))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("3 of 6");
  }

  @Test
  void packbitsRejectsARunHeaderWithoutItsByte() {
    byte[] packed = HEX.parseHex("FEAAFE");

    assertThatThrownBy(() -> packBits.decode(packed, 0, packed.length, 6))
        .isInstanceOf(DecodeException.class);
  }

  @Test
  void packbitsReadsABlockAtAnOffset() throws DecodeException {
    byte[] framed = HEX.parseHex("0000FEAA00FF0000");

    assertThat(packBits.decode(framed, 2, 4, 4)).containsExactly(0xAA, 0xAA, 0xAA, 0xFF);
  }

  @Property(tries = 200)
  void packbitsRoundTripsAnyBytes(@ForAll("blocks") byte[] data) throws DecodeException {
    byte[] packed = PackBitsTestEncoder.encode(data);

    assertThat(packBits.decode(packed, 0, packed.length, data.length)).isEqualTo(data);
  }

  @Provide
  Arbitrary<byte[]> blocks() {
    return TestBlocks.mixed();
  }

  private static byte[] bytes(String spacedHex) {
    return HEX.parseHex(spacedHex.replace(" ", ""));
  }
}
