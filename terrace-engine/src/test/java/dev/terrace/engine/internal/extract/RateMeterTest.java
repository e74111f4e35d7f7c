package dev.terrace.engine.internal.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.api.ExtractionRate;
import org.junit.jupiter.api.Test;

/** The measured rate: the default until a request large enough is seen, then a weighted average. */
class RateMeterTest {

  @Test
  void theFirstMeasureReplacesTheDefaultAndLaterOnesWeighThreeTenths() {
    RateMeter meter = new RateMeter();
    assertThat(meter.rate())
        .isEqualTo(new ExtractionRate(RateMeter.DEFAULT_CELLS_PER_SECOND, false, 0));
    // Too small to tell the rate from the fixed cost of a request.
    meter.record(9_999, 1_000_000);
    assertThat(meter.rate().measured()).isFalse();

    meter.record(100_000, 1_000_000_000L);
    assertThat(meter.rate()).isEqualTo(new ExtractionRate(100_000, true, 1));
    meter.record(200_000, 1_000_000_000L);
    assertThat(meter.rate().cellsPerSecond())
        .isCloseTo(130_000, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(meter.rate().extractions()).isEqualTo(2);
  }
}
