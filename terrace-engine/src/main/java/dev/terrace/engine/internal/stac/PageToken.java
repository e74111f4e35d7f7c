package dev.terrace.engine.internal.stac;

import dev.terrace.api.ErrorType;
import dev.terrace.api.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque {@code token} of a search's page: where the page starts among the items the search
 * matches, which are the same on every call since the catalog does not change while it is served.
 */
final class PageToken {

  private static final String PREFIX = "items:";

  private PageToken() {}

  static String of(int offset) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((PREFIX + offset).getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * @return the offset the token names, 0 for none
   * @throws InvalidRequestException naming {@code token} for one this service did not make
   */
  static int offset(String token) {
    if (token == null || token.isEmpty()) {
      return 0;
    }
    try {
      String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII);
      if (text.startsWith(PREFIX)) {
        int offset = Integer.parseInt(text.substring(PREFIX.length()));
        if (offset >= 0) {
          return offset;
        }
      }
    } catch (IllegalArgumentException e) {
      // Not base64 or not a number: the same answer as any other token not made here.
    }
    throw InvalidRequestException.of(
        ErrorType.VALIDATION_ERROR,
        "token '"
            + token
            + "' is not one this service made; use the token of a page's next link as it is",
        "value_error",
        "token");
  }
}
