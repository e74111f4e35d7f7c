package dev.terrace.engine.internal.geotiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NoCompressionTest {

  private final NoCompression none = new NoCompression();

  @Test
  void uncompressedBlockIsCopiedFromItsOffset() throws DecodeException {
    byte[] src = {9, 1, 2, 3, 9};

    byte[] out = none.decode(src, 1, 3, 3);

    assertThat(out).containsExactly(1, 2, 3);
    out[0] = 42;
    assertThat(src[1]).isEqualTo((byte) 1);
  }

  @Test
  void uncompressedBlockIgnoresPadding() throws DecodeException {
    assertThat(none.decode(new byte[] {1, 2, 3, 4}, 0, 4, 2)).containsExactly(1, 2);
  }

  @Test
  void uncompressedBlockThatIsShortIsRejected() {
    assertThatThrownBy(() -> none.decode(new byte[] {1, 2, 3}, 0, 3, 4))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("3 bytes, expected 4");
  }
}
