package dev.terrace.engine.internal.io;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Tells the addresses of a network's inside from public ones: unspecified, loopback, link-local
 * (the cloud metadata address 169.254.169.254 among them), private, multicast and broadcast,
 * unique-local, shared (carrier-grade NAT), and IPv6 addresses embedding one of those. A URL a
 * stranger wrote (a webhook, a link in a STAC catalog read over the network) must not lead there.
 */
public final class InternalAddresses {

  private static final Cidr SHARED = Cidr.parse("100.64.0.0/10");
  private static final Cidr THIS_NETWORK = Cidr.parse("0.0.0.0/8");
  private static final Cidr BROADCAST = Cidr.parse("255.255.255.255/32");
  private static final Cidr UNIQUE_LOCAL = Cidr.parse("fc00::/7");
  private static final Cidr NAT64 = Cidr.parse("64:ff9b::/96");
  private static final Cidr IPV4_COMPATIBLE = Cidr.parse("::/96");
  private static final Cidr METADATA = Cidr.parse("169.254.169.254/32");

  private InternalAddresses() {}

  /**
   * @param address an address
   * @return what kind of internal address this is, or null for a public one
   */
  public static String internal(InetAddress address) {
    if (address.isAnyLocalAddress() || THIS_NETWORK.contains(address)) {
      return "an unspecified address";
    }
    if (address.isLoopbackAddress()) {
      return "a loopback address";
    }
    if (METADATA.contains(address)) {
      return "the cloud metadata address";
    }
    if (address.isLinkLocalAddress()) {
      return "a link-local address";
    }
    if (address.isSiteLocalAddress()) {
      return "a private address";
    }
    if (address.isMulticastAddress() || BROADCAST.contains(address)) {
      return "a multicast or broadcast address";
    }
    if (UNIQUE_LOCAL.contains(address)) {
      return "a unique-local address";
    }
    if (SHARED.contains(address)) {
      return "a shared (carrier-grade NAT) address";
    }
    if (address instanceof Inet6Address v6
        && (NAT64.contains(v6) || IPV4_COMPATIBLE.contains(v6))) {
      // The JDK reads ::ffff:a.b.c.d as IPv4 already; these two forms embed one too.
      byte[] b = v6.getAddress();
      try {
        String embedded = internal(Inet4Address.getByAddress(Arrays.copyOfRange(b, 12, 16)));
        return embedded == null ? null : "an IPv6 address embedding " + embedded;
      } catch (UnknownHostException e) {
        throw new IllegalStateException(e);
      }
    }
    return null;
  }
}
