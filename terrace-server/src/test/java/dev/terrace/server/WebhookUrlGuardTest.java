package dev.terrace.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.terrace.engine.internal.io.Cidr;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which webhook URLs the service calls, with and without the operator's allowed blocks. */
class WebhookUrlGuardTest {

  private static final WebhookUrlGuard STRICT = new WebhookUrlGuard(List.of());
  private static final WebhookUrlGuard LOOPBACK_ALLOWED =
      new WebhookUrlGuard(List.of("127.0.0.0/8", "::1/128"));

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "https://127.0.0.1/hooks           | a loopback address",
        "https://127.1.2.3:8443/hooks      | a loopback address",
        "https://[::1]/hooks               | a loopback address",
        "https://[::ffff:127.0.0.1]/hooks  | a loopback address",
        "https://[::127.0.0.1]/hooks       | an IPv6 address embedding a loopback address",
        "https://10.0.0.1/hooks            | a private address",
        "https://172.16.5.4/hooks          | a private address",
        "https://192.168.1.1/hooks         | a private address",
        "https://169.254.169.254/latest    | the cloud metadata address",
        "https://169.254.10.10/hooks       | a link-local address",
        "https://[fe80::1]/hooks           | a link-local address",
        "https://[fd00::1]/hooks           | a unique-local address",
        "https://[::ffff:10.0.0.1]/hooks   | a private address",
        "https://[64:ff9b::a9fe:a9fe]/x    | an IPv6 address embedding the cloud metadata address",
        "https://0.0.0.0/hooks             | an unspecified address",
        "https://100.64.0.1/hooks          | a shared (carrier-grade NAT) address",
        "https://224.0.0.1/hooks           | a multicast or broadcast address",
        "https://localhost/hooks           | a loopback address",
        "https://metadata.google.internal/ | a cloud metadata service",
        "http://203.0.113.10/hooks         | must use https",
        "ftp://203.0.113.10/hooks          | absolute https URL",
        "/hooks                            | absolute https URL",
        "https://user:pw@203.0.113.10/x    | must not carry credentials",
        "https://no-such-host.invalid/x    | does not resolve",
      })
  void refusesWhatLeadsInsideSayingWhy(String url, String reason) {
    assertThatThrownBy(() -> STRICT.check(url))
        .isInstanceOf(WebhookUrlGuard.Refused.class)
        .hasMessageContaining(reason);
  }

  @Test
  void internalAddressesNameTheAllowOption() {
    assertThatThrownBy(() -> STRICT.check("https://10.0.0.1/hooks"))
        .hasMessage(
            "url's host 10.0.0.1 is a private address: webhooks may not reach the service's own"
                + " network unless the operator allows it (--webhook-allow)");
  }

  @Test
  void aPublicHttpsAddressPasses() throws Exception {
    WebhookUrlGuard.Checked checked = STRICT.check("https://203.0.113.10/hooks?x=1");
    assertThat(checked.host()).isEqualTo("203.0.113.10");
    assertThat(checked.port()).isEqualTo(443);
    assertThat(checked.addresses())
        .extracting(a -> a.getHostAddress())
        .containsExactly("203.0.113.10");
  }

  @Test
  void allowedBlocksLetLoopbackInOverHttpButNothingElse() throws Exception {
    WebhookUrlGuard.Checked checked = LOOPBACK_ALLOWED.check("http://127.0.0.1:8080/hooks");
    assertThat(checked.port()).isEqualTo(8080);
    assertThat(LOOPBACK_ALLOWED.check("https://localhost/hooks").addresses()).isNotEmpty();
    assertThatThrownBy(() -> LOOPBACK_ALLOWED.check("https://10.0.0.1/hooks"))
        .hasMessageContaining("a private address");
    assertThatThrownBy(() -> LOOPBACK_ALLOWED.check("https://169.254.169.254/"))
        .hasMessageContaining("the cloud metadata address");
    assertThatThrownBy(() -> LOOPBACK_ALLOWED.check("http://203.0.113.10/hooks"))
        .hasMessageContaining("must use https");
  }

  @Test
  void blocksAreLiteralAddressesWithAPrefix() {
    assertThat(Cidr.parse("10.1.2.3").toString()).isEqualTo("10.1.2.3/32");
    assertThat(Cidr.parse(" 172.16.0.0/12 ").toString()).isEqualTo("172.16.0.0/12");
    for (String bad : List.of("localhost", "10.0.0.0/33", "10.0.0/8", "::1/129", "10.0.0.0/x")) {
      assertThatThrownBy(() -> Cidr.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(bad);
    }
  }
}
