package dev.terrace.engine.internal.stacread;

import dev.terrace.engine.internal.io.InternalAddresses;
import dev.terrace.engine.internal.io.RemoteNames;
import dev.terrace.engine.internal.raster.RasterFormatException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Keeps a STAC catalog fetched over the network from leading inside the network that reads it: a
 * link or an asset of a document fetched from a URL or an object may not name a local file, and one
 * of a document from a public host may not lead to an internal address ({@link InternalAddresses}:
 * loopback, private, link-local, the cloud metadata address, …). A catalog on disk, or on an
 * internal host, is the operator's own and may lead anywhere; objects ({@code s3://}, {@code
 * gs://}) go to the store the catalog configures. Hosts are resolved when the link is checked; a
 * name that resolves elsewhere when it is fetched (DNS rebinding) is not caught.
 */
final class LinkGuard {

  private LinkGuard() {}

  /**
   * @param base the absolute path or URL of the document holding the link
   * @param target where the link leads, resolved against {@code base}
   * @throws RasterFormatException naming the link and why it is refused
   */
  static void check(String base, String target) {
    if (!StacDocuments.isUrl(base)) {
      return;
    }
    if (!StacDocuments.isUrl(target)) {
      throw refused(base, target, "a catalog read over the network may not name a local file");
    }
    String host = httpHost(target);
    String baseHost = httpHost(base);
    if (host == null || baseHost != null && internal(baseHost) != null) {
      return;
    }
    String internal = internal(host);
    if (internal != null) {
      throw refused(
          base,
          target,
          host
              + " is "
              + internal
              + ", and a catalog from "
              + (baseHost == null ? "object storage" : "a public host")
              + " may not lead there");
    }
  }

  /**
   * @return the host of an http(s) URL, without brackets, or null for anything else
   */
  private static String httpHost(String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
        return null;
      }
      String host = uri.getHost();
      return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    } catch (URISyntaxException e) {
      return null;
    }
  }

  /**
   * @return what kind of internal address the host has, or null when all its addresses are public
   *     or it does not resolve (its fetch then fails on its own)
   */
  private static String internal(String host) {
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      return null;
    }
    for (InetAddress a : addresses) {
      String internal = InternalAddresses.internal(a);
      if (internal != null) {
        return internal;
      }
    }
    return null;
  }

  private static RasterFormatException refused(String base, String target, String why) {
    return new RasterFormatException(
        RemoteNames.display(base)
            + ": the link to "
            + (StacDocuments.isUrl(target) ? RemoteNames.display(target) : target)
            + " is refused: "
            + why);
  }
}
