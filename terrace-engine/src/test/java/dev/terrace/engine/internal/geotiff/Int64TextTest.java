package dev.terrace.engine.internal.geotiff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A 64-bit nodata is read from its text as C's strtoll / strtoull read it, never through a double.
 */
class Int64TextTest {

  @Test
  void integersBeyondTwoToThe53StayExact() {
    assertThat(Int64Text.parse("9007199254740993", true)).isEqualTo(9007199254740993L);
    assertThat(Int64Text.parse("-9223372036854775807", true)).isEqualTo(-9223372036854775807L);
    assertThat(Int64Text.parse("-9223372036854775808", true)).isEqualTo(Long.MIN_VALUE);
    assertThat(Int64Text.parse("18446744073709551614", false))
        .isEqualTo(Long.parseUnsignedLong("18446744073709551614"));
  }

  @Test
  void theLeadingIntegerCountsAndTheRestIsIgnored() {
    assertThat(Int64Text.parse("  -9999.5", true)).isEqualTo(-9999);
    assertThat(Int64Text.parse("+42abc", true)).isEqualTo(42);
    assertThat(Int64Text.parse("nan", true)).isZero();
  }

  @Test
  void valuesBeyondTheRangeClampAndUnsignedNegativesWrapAsInC() {
    assertThat(Int64Text.parse("9223372036854775808", true)).isEqualTo(Long.MAX_VALUE);
    assertThat(Int64Text.parse("-99999999999999999999", true)).isEqualTo(Long.MIN_VALUE);
    assertThat(Int64Text.parse("18446744073709551616", false)).isEqualTo(-1L);
    assertThat(Int64Text.parse("-1", false)).isEqualTo(-1L);
    assertThat(Int64Text.parse("-2", false)).isEqualTo(-2L);
  }
}
