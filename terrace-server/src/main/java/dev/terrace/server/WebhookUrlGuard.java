package dev.terrace.server;

import dev.terrace.engine.internal.io.Cidr;
import dev.terrace.engine.internal.io.InternalAddresses;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Keeps webhooks out of the service's own network: a webhook URL is {@code https} and its host
 * resolves to public addresses only, never loopback, private, link-local (the cloud metadata
 * address 169.254.169.254 among them), unique-local, shared, unspecified or multicast, nor to an
 * IPv6 address embedding one of those; cloud metadata names are refused before they are resolved.
 * The operator's allowed blocks lift the rule, and allow plain {@code http}, for the addresses in
 * them. Checked when a webhook is created and again before every attempt, whose connection then
 * goes to an address this check passed, so that a name that resolves elsewhere later (DNS
 * rebinding) cannot lead an attempt inside.
 */
final class WebhookUrlGuard {

  /** Names of metadata services, refused whatever they resolve to. */
  private static final Set<String> METADATA_HOSTS =
      Set.of(
          "metadata",
          "metadata.google.internal",
          "metadata.goog",
          "instance-data",
          "instance-data.ec2.internal",
          "metadata.azure.com");

  private static final int MAX_URL_LENGTH = 2000;

  /** Why a URL is refused, worded for the caller who gave it. */
  static final class Refused extends Exception {
    Refused(String reason) {
      super(reason, null, false, false);
    }
  }

  /** A URL that passed, with the addresses its host resolved to, every one of them allowed. */
  record Checked(URI uri, String host, int port, List<InetAddress> addresses) {}

  private final List<Cidr> allowed;

  WebhookUrlGuard(List<String> allowedBlocks) {
    this.allowed = allowedBlocks.stream().map(Cidr::parse).toList();
  }

  /**
   * Reads and checks a URL, resolving its host now.
   *
   * @throws Refused saying what is wrong with it
   */
  Checked check(String url) throws Refused {
    if (url == null || url.isBlank()) {
      throw new Refused("url is required");
    }
    if (url.length() > MAX_URL_LENGTH) {
      throw new Refused("url is longer than " + MAX_URL_LENGTH + " characters");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new Refused("url is not a URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
      throw new Refused(
          "url must be an absolute https URL with a host, such as https://example.com/hooks");
    }
    if (uri.getRawUserInfo() != null) {
      throw new Refused("url must not carry credentials; the signature authenticates the service");
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    if (host.startsWith("[")) {
      host = host.substring(1, host.length() - 1);
    }
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    if (METADATA_HOSTS.contains(host)) {
      throw new Refused("url names " + host + ", a cloud metadata service");
    }
    InetAddress[] resolved;
    try {
      resolved = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      throw new Refused("url's host " + host + " does not resolve");
    }
    for (InetAddress address : resolved) {
      if (allowed.stream().anyMatch(block -> block.contains(address))) {
        continue;
      }
      String internal = InternalAddresses.internal(address);
      if (internal != null) {
        throw new Refused(
            "url's host "
                + host
                + " is "
                + (host.equals(address.getHostAddress())
                    ? ""
                    : "at " + address.getHostAddress() + ", ")
                + internal
                + ": webhooks may not reach the service's own network unless the operator allows"
                + " it (--webhook-allow)");
      }
      if (scheme.equals("http")) {
        throw new Refused(
            "url must use https; plain http is only for addresses the operator allows");
      }
    }
    int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    return new Checked(uri, host, port, Arrays.asList(resolved));
  }
}
