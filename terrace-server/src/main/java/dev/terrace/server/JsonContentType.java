package dev.terrace.server;

import dev.terrace.api.ErrorType;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Refuses a request body declared as anything but JSON, with a 415 naming what is accepted.
 *
 * <p>A body without a {@code Content-Type} is read as JSON: RFC 9110 §8.3 lets a recipient examine
 * the data when the type is absent, and the parser then refuses anything that is not JSON with a
 * 422. A declared type is the client's statement about the body, so one that is not JSON is
 * answered 415 before the body is parsed: {@code text/plain} or curl's default {@code
 * application/x-www-form-urlencoded} usually means a client that encodes its bodies some other way.
 */
final class JsonContentType {

  /**
   * The media types a body is read as, as the 415 answer and its {@code Accept} header name them.
   */
  static final String ACCEPTED = "application/json, application/*+json";

  private JsonContentType() {}

  /**
   * Checks the declared body type; on a 415 the response also carries {@code Accept} listing the
   * accepted types, as RFC 9110 §15.5.16 suggests.
   *
   * @throws ProblemException a 415 when the request declares a body type that is not JSON, a 400
   *     when it declares more than one
   */
  static void require(ServerRequest req, ServerResponse res) {
    if (req.headers().all(HeaderNames.CONTENT_TYPE, List::of).size() > 1) {
      // RFC 9110 §5.3: a field that takes one value is invalid when sent twice; either reading
      // could be wrong.
      throw ProblemException.field(
              ErrorType.VALIDATION_ERROR,
              "the body is declared with more than one "
                  + "Content-Type: send exactly one, application/json",
              "duplicate_header",
              "header",
              "Content-Type")
          .withStatus(400);
    }
    Optional<String> declared = req.headers().first(HeaderNames.CONTENT_TYPE);
    if (declared.isPresent() && !isJson(declared.get())) {
      res.header("Accept", ACCEPTED);
      throw ProblemException.field(
              ErrorType.VALIDATION_ERROR,
              "the body is declared as '"
                  + declared.get()
                  + "'; this service reads JSON bodies: send Content-Type: application/json ("
                  + ACCEPTED
                  + " are accepted)",
              "unsupported_media_type",
              "header",
              "Content-Type")
          .withStatus(415);
    }
  }

  /**
   * {@code application/json} or a structured {@code +json} type, parameters such as charset aside.
   */
  static boolean isJson(String contentType) {
    int semicolon = contentType.indexOf(';');
    String type =
        (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
            .strip()
            .toLowerCase(Locale.ROOT);
    int slash = type.indexOf('/');
    if (slash <= 0 || !type.substring(0, slash).equals("application")) {
      return false;
    }
    String subtype = type.substring(slash + 1);
    return subtype.equals("json")
        || (subtype.endsWith("+json") && subtype.length() > "+json".length());
  }
}
