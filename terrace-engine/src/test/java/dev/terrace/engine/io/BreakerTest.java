package dev.terrace.engine.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The breaker's states: closed, open after consecutive failures or one stall, half open for one probe. */
class BreakerTest {

  private final Breaker breaker = new Breaker("example.org", 3, Duration.ofMillis(200));

  @Test
  void opensAfterConsecutiveFailuresAndClosesAfterASuccessfulProbe() throws Exception {
    for (int i = 0; i < 2; i++) {
      assertThat(breaker.admit()).isNull();
      breaker.failed("HTTP 503", false);
    }
    assertThat(breaker.state()).isEqualTo(Breaker.State.CLOSED);
    assertThat(breaker.admit()).isNull();
    breaker.failed("HTTP 503", false);
    assertThat(breaker.state()).isEqualTo(Breaker.State.OPEN);
    assertThat(breaker.admit()).startsWith("example.org failed 3 times in a row (last: HTTP 503); not asked again");
    assertThat(breaker.timesOpened()).isEqualTo(1);

    Thread.sleep(250);
    assertThat(breaker.state()).isEqualTo(Breaker.State.HALF_OPEN);
    assertThat(breaker.admit()).as("the probe").isNull();
    assertThat(breaker.admit()).as("while it probes").contains("while one request probes it");
    breaker.succeeded();
    assertThat(breaker.state()).isEqualTo(Breaker.State.CLOSED);
    assertThat(breaker.admit()).isNull();
  }

  @Test
  void aFailedProbeReopensAndAStallOpensAtOnce() throws Exception {
    breaker.admit();
    breaker.failed("no answer in 1500 ms", true);
    assertThat(breaker.state()).isEqualTo(Breaker.State.OPEN);
    Thread.sleep(250);
    assertThat(breaker.admit()).isNull();
    breaker.failed("HTTP 500", false);
    assertThat(breaker.state()).isEqualTo(Breaker.State.OPEN);
    assertThat(breaker.timesOpened()).isEqualTo(2);
  }

  @Test
  void aProbeGivenUpEarlyLetsTheNextRequestProbe() throws Exception {
    breaker.failed("no answer in 900 ms", true);
    Thread.sleep(250);
    assertThat(breaker.admit()).isNull();
    breaker.released();
    assertThat(breaker.admit()).isNull();
  }
}
