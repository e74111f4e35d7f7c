package dev.terrace.client;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Which URLs the client talks to: HTTPS, or plain HTTP to this machine; and which redirects stay at
 * home.
 */
final class Origins {

  private Origins() {}

  /**
   * The base URL, checked: absolute, {@code https}, or {@code http} to a loopback host; no query or
   * fragment; without a trailing slash.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  static URI checkBaseUrl(String baseUrl) {
    URI uri;
    try {
      uri = new URI(baseUrl.strip());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException(
          "Invalid base URL '" + baseUrl + "': " + e.getMessage(), e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "Invalid base URL '"
              + baseUrl
              + "': expected an absolute https:// URL, for example https://terrace.example.com");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "Invalid base URL '" + baseUrl + "': it must not have a query, a fragment or user info");
    }
    if (scheme.equals("http") && !isLoopback(uri.getHost())) {
      throw new IllegalArgumentException(
          "Refusing plain http:// to "
              + uri.getHost()
              + ": the API key and data would travel unencrypted. Use https://, or http:// only to a loopback"
              + " host (localhost, 127.0.0.1, [::1])");
    }
    String s = uri.toString();
    return URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
  }

  /**
   * Whether a host is this machine: {@code localhost} or a loopback address literal (no DNS
   * lookup).
   */
  static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.equals("localhost") || h.endsWith(".localhost")) {
      return true;
    }
    boolean literal =
        h.startsWith("[") || h.chars().allMatch(c -> c == '.' || Character.isDigit(c));
    if (!literal) {
      return false;
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** Whether two absolute URIs share scheme, host and port (default ports made explicit). */
  static boolean sameOrigin(URI a, URI b) {
    return a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost() != null
        && b.getHost() != null
        && a.getHost().equalsIgnoreCase(b.getHost())
        && port(a) == port(b);
  }

  private static int port(URI uri) {
    return uri.getPort() != -1
        ? uri.getPort()
        : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
  }
}
