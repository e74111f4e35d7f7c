package dev.terrace.engine.internal.io;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

/**
 * Authenticates each attempt at a ranged GET, for stores that want requests signed (S3 and the
 * stores that speak its API). It is applied to every attempt, retries and hedges included, after
 * the {@code Range} header is set, since a signature covers the headers and the time it was made.
 *
 * <p>Implementations are thread-safe and must keep keys and secrets out of every exception message.
 */
@FunctionalInterface
public interface RequestSigner {

  /**
   * Signs a GET without a body.
   *
   * @param uri the URL requested
   * @param headers every header the request carries so far, names as sent
   * @return the headers to add, such as {@code Authorization}
   * @throws RuntimeException if the request cannot be signed (no credentials, say); the read fails
   *     with a {@link dev.terrace.engine.internal.raster.RasterIoException}
   */
  Map<String, String> sign(URI uri, Map<String, String> headers);

  /**
   * A pre-signed URL is read as given: its signature is in its query, and a second one would make
   * the store refuse the request.
   *
   * @param uri a URL
   * @return whether its query carries a signature: S3's or GCS's V4 ({@code X-Amz-Signature},
   *     {@code X-Goog-Signature}) or an Azure shared access signature ({@code sig})
   */
  static boolean signedByUrl(URI uri) {
    String query = uri.getRawQuery();
    if (query == null) {
      return false;
    }
    for (String pair : query.split("&")) {
      String name = pair.substring(0, pair.indexOf('=') < 0 ? pair.length() : pair.indexOf('='));
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.equals("x-amz-signature")
          || lower.equals("x-goog-signature")
          || name.equals("sig")) {
        return true;
      }
    }
    return false;
  }
}
