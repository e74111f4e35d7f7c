package dev.terrace.engine.internal.geotiff;

import static dev.terrace.engine.internal.geotiff.TestBlocks.smallImage;
import static dev.terrace.engine.internal.geotiff.TestBlocks.twoBitNoise;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class LzwDecompressorTest {

  private static final HexFormat HEX = HexFormat.of();

  /**
   * libtiff's strip (written by GDAL 3.6.2 with COMPRESS=LZW) for {@link TestBlocks#smallImage()}.
   */
  private static final String LIBTIFF_SMALL_IMAGE =
      "800000202018100a06814120d0800c160e07040261c0688448091488828160c8c026351c03c7a360d0703e440c9249815010";

  /**
   * libtiff's strip for {@link TestBlocks#twoBitNoise(int)} of 4,000: 1,053 codes, so 9, 10 and 11
   * bits.
   */
  private static final String LIBTIFF_NOISE_4000 =
      """
      80008040101c1404030040e10008243605078300c0202004320506008062b0c8c00e051a0047a2f1
      982c8a111987c52050c89c7a41058d4c6351283c5a5d0781c5e2d1384c32130396cba27149f48639
      2893c4a4b19964926938a247e611583456091290c1e653499d4a8d289c45621099e51aa7619b55e3
      7059fc2225439ac3a07219247e6b3ba55920d148cd0673348dc127d6c984d6814c90d62498998d52
      ff4a87c2e7316be5025d7b9f452b17494df25993c255e4f438b5d2b187a168aafa8c5c6a5508ad47
      e8784bd4b36120be4123f3f8e58a1b4cb751a9b4fb7e3a4541b6daeed2ab9dea790db242a9149b7d
      72c190a64af5d88c1627a33ed74af2d109255f5774bef039995a8616a9b3b7e6a131ebcdbb75d4ee
      daa9dd1d847ac4fb34ec8332b7a5acf334a0406dc2fafb23892adccd266acba0b4afac0c16c4b348
      5a78d82eeb62daac25caa2b2fe310eb37c98a88c6298b2aa8cda8c95250a0b70ef43cd8be6e7a150
      7ac4a8b989db749fa8094b7ef0c3e9c32e96bb7022371bb5e992a0c3482b0226c14190c44703ad8c
      8a5116a8718b46cf3c09fa412a3c508c730ab76d72368824eef3229dab51fb36953869ea4abd4dac
      dceefa21cf4c5ead3e2acca2a3bc0e6be6ff30f27c610a2cee131cb8432f52b2f8c108c3c4c64613
      7c36c5af28ba72e8383253e323cd8ce214d8aa4b0d030d434de4d6fdd26f52e6a9cece0cd4d5d4f5
      3a4e95ab938d2900c1d43ba4ab21cae45ee0cc53a4e8efbfcb336d2ca77202b6ffae2a5262982d8c
      14630cd10fbb60b5c96f75a56bb08fad9ab02a4dfa93473d8afc8311216db500e02688c4a6a8b490
      6cf8ccbcd4f278e946540511572e3724530047f1eb6cd32e68bcef5c2e11db3686a9e96dc33baac9
      5d0f3e566c6aff0ad76a8be38b240f9ce0aabcf0db15313debbe4d482456934ae8b64ba36b15db73
      6b73873898b382be30926c809637d402acce5ea9c5eea3e1ad6be8f93d0b4bc572c0156b790ab06a
      2a5e8ecdaca4ecf0ab557a6d41450b24d549cbf51a14ffb9edf6cc85aa702b20ff21d7669535b0b2
      43d6feac516db3706750e6e6ccce9054d92ea8978b1947beb9c578c2d14ffd88fa300aad76dbabeb
      5aeab1d85235309be956c328c36289127505a90decd953e54b1baab027add4d329b85ada229ca20c
      b46ea14ffc8689532eca1714b2c35753daa3e55b8765d7c1d51a9be257bd3a7b892d5b0ca375d874
      9e1a87c91a3acaedc2f98bfcc2a850cf62def812d5eba76cd0daccd2605adb7f1b58f18cb6c1246b
      6e4a94c2932a607ddb0afb398b60f69b753e795cf2954005b491ab4670784e836572a8f16b3de56e
      e98cea2f3a04a4fb31d628e013c21b516c35563252d48d1973c85fcb7d089265be731da1a56d6744
      b81482e6c50c694f64c860bd9a349c9193e1984ae574a814d698b5ded99e7fe648d9a102930dcdd9
      493ce59157a8d462d1ce11d52ce60106ab16eae5103b7e62c8dd2ea434fa7de1ca1c62c864a814e4
      1cd01962836defda20a4b756a118c1b223066525ad7384acced36c422514d3bb47ed1fcf43e3652a
      2cc69f34ce799ab17151e8d9029da644dcdee1953168e5bfbf89011b4e048e7f11f1fc3b265e6556
      22a538ef9d6b29e7390c4c4bd172e755412f095082d409e25747fd6c9ac4e714219230764b28d72a
      d2b8885314a581ad34dd9563aa9353a37066cbfdb0cb59788dcafb8d726e58be93a730d2dd04c546
      6bfcaead970c79168234576fe8d91e6490775084b1549279b83a634e64c9996e662bfdbf3bf8dcb6
      1d33dd6e0fc53f3614a871e2b9f2362ec252b0c4be8ad11c7d7125e0aa9445b48c12ca3950000880
      80
      """
          .replaceAll("\\s", "");

  private final LzwDecompressor lzw = new LzwDecompressor();

  @Test
  void lzwDecodesARepeatedPattern() throws DecodeException {
    // ClearCode, 7, 258 (= 7 7), 7, EndOfInformation
    byte[] packed = codes9(256, 7, 258, 7, 257);

    assertThat(packed).isEqualTo(HEX.parseHex("8001e0407808"));
    assertThat(lzw.decode(packed, 0, packed.length, 4)).containsExactly(7, 7, 7, 7);
  }

  @Test
  void lzwDecodesACodeThatIsDefinedByItsOwnUse() throws DecodeException {
    // 258 is read before the decoder has defined it (the KwKwK case): it is 1 followed by its own
    // first byte.
    byte[] packed = codes9(256, 1, 258, 257);

    assertThat(lzw.decode(packed, 0, packed.length, 3)).containsExactly(1, 1, 1);
  }

  @Test
  void lzwDecodesAStripWrittenByLibtiff() throws DecodeException {
    byte[] packed = HEX.parseHex(LIBTIFF_SMALL_IMAGE);

    assertThat(lzw.decode(packed, 0, packed.length, 64)).isEqualTo(smallImage());
  }

  @Test
  void lzwDecodesALibtiffStripWhoseCodesGrowTo11Bits() throws DecodeException {
    byte[] packed = HEX.parseHex(LIBTIFF_NOISE_4000);

    assertThat(lzw.decode(packed, 0, packed.length, 4000)).isEqualTo(twoBitNoise(4000));
  }

  @Test
  void lzwTestEncoderWritesWhatLibtiffWrites() {
    assertThat(HEX.formatHex(LzwTestEncoder.encode(smallImage()))).isEqualTo(LIBTIFF_SMALL_IMAGE);
    assertThat(HEX.formatHex(LzwTestEncoder.encode(twoBitNoise(4000))))
        .isEqualTo(LIBTIFF_NOISE_4000);
  }

  @Test
  void lzwDecodesOldStyleCodesPackedLeastSignificantBitFirst() throws DecodeException {
    // ClearCode, 7, 258, 7, EndOfInformation in 9-bit codes, least significant bit first.
    byte[] packed = HEX.parseHex("000f083c1010");

    assertThat(lzw.decode(packed, 0, packed.length, 4)).containsExactly(7, 7, 7, 7);
  }

  @Test
  void lzwRoundTripsInputThatFillsTheTableManyTimes() throws DecodeException {
    byte[] data = new byte[60_000];
    new Random(42).nextBytes(data);

    assertThat(roundTrip(LzwTestEncoder.encode(data), data.length)).isEqualTo(data);
    assertThat(roundTrip(LzwTestEncoder.encodeCompat(data), data.length)).isEqualTo(data);
  }

  @Test
  void lzwReadsABlockAtAnOffset() throws DecodeException {
    byte[] packed = codes9(256, 7, 258, 7, 257);
    byte[] framed = new byte[packed.length + 5];
    System.arraycopy(packed, 0, framed, 3, packed.length);

    assertThat(lzw.decode(framed, 3, packed.length, 4)).containsExactly(7, 7, 7, 7);
  }

  @Test
  void lzwIgnoresBytesDecodedPastTheBlock() throws DecodeException {
    byte[] data = twoBitNoise(1000);
    byte[] packed = LzwTestEncoder.encode(data);

    assertThat(lzw.decode(packed, 0, packed.length, 777)).isEqualTo(Arrays.copyOf(data, 777));
  }

  @Test
  void lzwAcceptsAFullBlockWithoutEndOfInformation() throws DecodeException {
    byte[] packed = codes9(256, 7, 258, 7);

    assertThat(lzw.decode(packed, 0, packed.length, 4)).containsExactly(7, 7, 7, 7);
  }

  @Test
  void lzwRejectsABlockThatDecodesShort() {
    byte[] packed = codes9(256, 7, 258, 7, 257);

    assertThatThrownBy(() -> lzw.decode(packed, 0, packed.length, 5))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("4 of 5");
  }

  @Test
  void lzwRejectsATruncatedBlock() {
    byte[] data = twoBitNoise(2000);
    byte[] packed = LzwTestEncoder.encode(data);

    assertThatThrownBy(() -> lzw.decode(packed, 0, packed.length / 2, data.length))
        .isInstanceOf(DecodeException.class);
  }

  @Test
  void lzwRejectsACodeThatIsNotInTheTable() {
    byte[] packed = codes9(256, 7, 300, 257);

    assertThatThrownBy(() -> lzw.decode(packed, 0, packed.length, 4))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("300");
  }

  @Test
  void lzwRejectsAStringCodeRightAfterAClearCode() {
    byte[] packed = codes9(256, 7, 256, 258, 257);

    assertThatThrownBy(() -> lzw.decode(packed, 0, packed.length, 4))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("258");
  }

  @Property(tries = 200)
  void lzwRoundTripsAnyBytes(@ForAll("blocks") byte[] data) throws DecodeException {
    assertThat(roundTrip(LzwTestEncoder.encode(data), data.length)).isEqualTo(data);
  }

  @Property(tries = 100)
  void lzwRoundTripsAnyBytesInOldStyleCodes(@ForAll("blocks") byte[] data) throws DecodeException {
    assertThat(roundTrip(LzwTestEncoder.encodeCompat(data), data.length)).isEqualTo(data);
  }

  @Provide
  Arbitrary<byte[]> blocks() {
    return TestBlocks.mixed();
  }

  private byte[] roundTrip(byte[] packed, int length) throws DecodeException {
    return lzw.decode(packed, 0, packed.length, length);
  }

  /** Packs 9-bit codes most significant bit first, as a new-style block before any width change. */
  private static byte[] codes9(int... codes) {
    byte[] packed = new byte[(codes.length * 9 + 7) / 8];
    for (int i = 0; i < codes.length * 9; i++) {
      if ((codes[i / 9] >> (8 - i % 9) & 1) != 0) {
        packed[i / 8] |= (byte) (0x80 >> i % 8);
      }
    }
    return packed;
  }
}
