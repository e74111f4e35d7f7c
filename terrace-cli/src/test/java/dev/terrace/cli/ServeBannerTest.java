package dev.terrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.server.ServerConfig;
import java.net.InetSocketAddress;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * What {@code terrace serve} tells about where it listens, and when it warns that it is exposed.
 */
class ServeBannerTest {

  @Test
  void theBannerNamesTheAddressBoundAndTheUriToCall() {
    ServerConfig settings = ServerConfig.defaults().toBuilder().host("0.0.0.0").build();
    String banner =
        ServeCommand.listening(
            new InetSocketAddress("0.0.0.0", 8000), URI.create("http://127.0.0.1:8000"), settings);
    assertThat(banner)
        .startsWith("Terrace listening on http://127.0.0.1:8000 (bound to 0.0.0.0:8000, auth off");
    assertThat(
            ServeCommand.listening(
                new InetSocketAddress("::1", 9000), URI.create("http://[::1]:9000"), settings))
        .contains("(bound to [0:0:0:0:0:0:0:1]:9000,");
  }

  @Test
  void onlyAnAddressOtherMachinesReachWithAuthOffIsWarnedAbout() {
    assertThat(ServeCommand.exposure(new InetSocketAddress("0.0.0.0", 8000), false))
        .hasValueSatisfying(
            w ->
                assertThat(w)
                    .startsWith("Warning: 0.0.0.0:8000 can be reached from other machines")
                    .contains("--auth"));
    assertThat(ServeCommand.exposure(new InetSocketAddress("192.0.2.7", 8000), false)).isPresent();
    assertThat(ServeCommand.exposure(new InetSocketAddress("0.0.0.0", 8000), true)).isEmpty();
    assertThat(ServeCommand.exposure(new InetSocketAddress("127.0.0.1", 8000), false)).isEmpty();
    assertThat(ServeCommand.exposure(new InetSocketAddress("::1", 8000), false)).isEmpty();
  }
}
