package dev.terrace.engine.internal.io;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * A block of addresses written {@code ADDRESS/BITS} ({@code 127.0.0.0/8}, {@code fd00::/8}); a bare
 * address is a block of one.
 *
 * @param prefix the block's first address
 * @param bits how many leading bits of an address the block fixes
 */
public record Cidr(byte[] prefix, int bits) {

  /** Literal addresses only, so that reading a block never asks DNS. */
  private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

  /**
   * @param text a block, or a bare address
   * @return the block
   * @throws IllegalArgumentException naming the text when it is not an address block
   */
  public static Cidr parse(String text) {
    String t = text.strip();
    int slash = t.indexOf('/');
    String address = slash < 0 ? t : t.substring(0, slash);
    if (!LITERAL.matcher(address).matches() || address.indexOf(':') < 0 && dots(address) != 3) {
      throw new IllegalArgumentException(
          "'" + text + "' is not an address block such as 127.0.0.0/8 or fd00::/8");
    }
    byte[] bytes;
    try {
      bytes = InetAddress.getByName(address).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is not an address block such as 127.0.0.0/8 or fd00::/8", e);
    }
    int bits;
    try {
      bits = slash < 0 ? bytes.length * 8 : Integer.parseInt(t.substring(slash + 1));
    } catch (NumberFormatException e) {
      bits = -1;
    }
    if (bits < 0 || bits > bytes.length * 8) {
      throw new IllegalArgumentException(
          "'" + text + "' has a prefix length outside 0 to " + bytes.length * 8);
    }
    return new Cidr(bytes, bits);
  }

  /**
   * @param address an address
   * @return whether the block holds it; an IPv4 block holds no IPv6 address, nor the other way
   */
  public boolean contains(InetAddress address) {
    byte[] a = address.getAddress();
    if (a.length != prefix.length) {
      return false;
    }
    for (int i = 0; i < bits; i++) {
      int mask = 0x80 >>> (i % 8);
      if ((a[i / 8] & mask) != (prefix[i / 8] & mask)) {
        return false;
      }
    }
    return true;
  }

  private static int dots(String s) {
    return (int) s.chars().filter(c -> c == '.').count();
  }

  @Override
  public String toString() {
    try {
      return InetAddress.getByAddress(prefix).getHostAddress() + "/" + bits;
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
