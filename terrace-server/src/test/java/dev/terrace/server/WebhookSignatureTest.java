package dev.terrace.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.client.Webhooks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The signature the service sends, against openssl's HMAC and the SDK's check. */
class WebhookSignatureTest {

  static final String SECRET = "whsec_test_secret_0123456789";
  static final String BODY = "{\"id\":\"evt_1\",\"type\":\"job.succeeded\"}";

  /**
   * {@code printf '%s' '1700000000.{"id":"evt_1","type":"job.succeeded"}' | openssl dgst -sha256
   * -hmac 'whsec_test_secret_0123456789'}
   */
  static final String OPENSSL = "464c43168f7a78f2e672a3a97428d4dd9a26b07ba0c560bc5e83d3c5eec759eb";

  private static final Clock SIGNED_AT =
      Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);

  @Test
  void theHeaderCarriesTheTimeAndOpensslsHmacOfTimeDotBody() {
    assertThat(WebhookSignature.header(SECRET, 1_700_000_000L, BODY))
        .isEqualTo("t=1700000000,v1=" + OPENSSL);
  }

  @Test
  void theSdkAcceptsWhatTheServiceSigns() {
    String header = WebhookSignature.header(SECRET, 1_700_000_000L, BODY);
    assertThat(Webhooks.verify(BODY, header, SECRET, Duration.ofMinutes(5), SIGNED_AT)).isTrue();
  }

  @Test
  void theSdkRefusesAnotherBodySecretOrAStaleTime() {
    String header = WebhookSignature.header(SECRET, 1_700_000_000L, BODY);
    Duration five = Duration.ofMinutes(5);
    assertThat(Webhooks.verify(BODY + " ", header, SECRET, five, SIGNED_AT)).isFalse();
    assertThat(Webhooks.verify(BODY, header, SECRET + "x", five, SIGNED_AT)).isFalse();
    Clock later = Clock.offset(SIGNED_AT, Duration.ofMinutes(5).plusSeconds(1));
    assertThat(Webhooks.verify(BODY, header, SECRET, five, later)).isFalse();
    assertThat(Webhooks.verify(BODY, header, SECRET, Duration.ofMinutes(6), later)).isTrue();
  }
}
