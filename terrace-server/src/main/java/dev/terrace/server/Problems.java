package dev.terrace.server;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.terrace.api.ErrorType;
import dev.terrace.api.FieldError;
import dev.terrace.api.Problem;
import dev.terrace.api.ServiceException;
import dev.terrace.api.TerraceException;
import io.helidon.http.HttpException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns whatever a request raised into the problem the client receives; a 500 never carries
 * internals, and no answer repeats more than {@link #MAX_TEXT} characters of any one text, however
 * much of the request it quotes.
 */
final class Problems {

  private static final Logger LOG = Logger.getLogger(Problems.class.getName());

  /** Enough for any message of ours with a quoted value in it; a quoted megabyte stops here. */
  static final int MAX_TEXT = 300;

  /** A problem and the delay a client should wait before retrying (0: not applicable). */
  record Answer(Problem problem, long retryAfterSeconds) {}

  private Problems() {}

  static Answer answer(Throwable failure, String requestId, String path) {
    Throwable t = unwrap(failure);
    Answer answer =
        switch (t) {
          case ProblemException p -> answer(p, requestId);
          // Helidon's, such as a request target it cannot decode
          case HttpException e ->
              answer(HttpFaults.of(e.status().code(), e.getMessage()), requestId);
          // The API's refusals, the engine's (InvalidRequestException, NotFoundException): the
          // problem they carry.
          // Its failures (ServiceException) fall through to a 500 that does not repeat what failed.
          case TerraceException e
              when !(e instanceof ServiceException)
                  && e.problem().isPresent()
                  && e.errorType().isPresent() ->
              new Answer(refusal(e.problem().get(), requestId), 0);
          case JsonProcessingException e when constraint(e) != null ->
              new Answer(
                  problem(
                      ErrorType.REQUEST_LIMIT,
                      "the JSON body exceeds a parser limit: "
                          + firstLine(constraint(e).getOriginalMessage()),
                      requestId,
                      List.of(
                          FieldError.of(
                              "json_limit",
                              firstLine(constraint(e).getOriginalMessage()),
                              "body"))),
                  0);
          case JsonMappingException e -> new Answer(mapping(e, requestId), 0);
          case JsonProcessingException e -> new Answer(malformed(e, requestId), 0);
          default -> {
            LOG.log(Level.SEVERE, "request " + requestId + " failed", t);
            yield new Answer(
                Problem.of(
                    ErrorType.INTERNAL_ERROR,
                    "the service failed to answer; quote request id "
                        + requestId
                        + " when reporting it",
                    requestId),
                0);
          }
        };
    return new Answer(capped(answer.problem().withInstance(path)), answer.retryAfterSeconds());
  }

  private static Answer answer(ProblemException p, String requestId) {
    return new Answer(
        problem(p.type(), p.getMessage(), requestId, p.errors()).withStatus(p.status()),
        p.retryAfterSeconds());
  }

  /**
   * The problem with each text it repeats, which may quote the request, cut to {@link #MAX_TEXT}.
   */
  private static Problem capped(Problem p) {
    Problem capped =
        Problem.of(p.errorType(), cap(p.detail()), p.requestId())
            .withStatus(p.status())
            .withInstance(cap(p.instance()));
    return p.errors() == null
        ? capped
        : capped.withErrors(
            p.errors().stream()
                .map(
                    e ->
                        new FieldError(
                            e.loc().stream()
                                .map(part -> part instanceof String s ? cap(s) : part)
                                .toList(),
                            cap(e.msg()),
                            e.type()))
                .toList());
  }

  static String cap(String text) {
    return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
  }

  private static Throwable unwrap(Throwable t) {
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  /** The parser limit behind a failure, which databind may have wrapped. */
  private static StreamConstraintsException constraint(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof StreamConstraintsException s) {
        return s;
      }
    }
    return null;
  }

  private static Problem problem(
      ErrorType type, String detail, String requestId, List<FieldError> errors) {
    Problem p = Problem.of(type, detail, requestId);
    return errors == null ? p : p.withErrors(errors);
  }

  /** The problem a refusal carries, for this request: its type, detail, status and field errors. */
  private static Problem refusal(Problem p, String requestId) {
    return problem(p.errorType(), p.detail(), requestId, p.errors()).withStatus(p.status());
  }

  private static Problem malformed(JsonProcessingException e, String requestId) {
    JsonLocation where = e.getLocation();
    String at =
        where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
    String msg = "the body is not valid JSON" + at + ": " + firstLine(e.getOriginalMessage());
    return problem(
        ErrorType.VALIDATION_ERROR,
        msg,
        requestId,
        List.of(FieldError.of("json_invalid", msg, "body")));
  }

  private static Problem mapping(JsonMappingException e, String requestId) {
    List<Object> loc = new ArrayList<>();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        loc.add(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        loc.add(ref.getIndex());
      }
    }
    if (loc.isEmpty()) {
      loc.add("body");
    }
    String kind;
    String msg;
    if (e instanceof InvalidTypeIdException t) {
      kind = "type_error";
      msg =
          "expected a GeoJSON object whose \"type\" is one of "
              + subtypes(t.getBaseType().getRawClass())
              + (t.getTypeId() == null ? "" : ", got \"" + t.getTypeId() + "\"");
    } else if (e instanceof ValueInstantiationException && e.getCause() != null) {
      kind = "value_error";
      msg = e.getCause().getMessage();
    } else if (e instanceof InvalidFormatException f) {
      kind = "type_error";
      msg = "expected " + typeName(f.getTargetType()) + ", got " + describe(f.getValue());
    } else if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
      kind = "type_error";
      msg =
          firstLine(e.getOriginalMessage()).startsWith("No content")
              ? "the body is empty; send a JSON object"
              : "expected " + typeName(m.getTargetType());
    } else {
      kind = "value_error";
      msg = firstLine(e.getOriginalMessage());
    }
    FieldError field = new FieldError(loc, msg, kind);
    return problem(
        ErrorType.VALIDATION_ERROR, field.path() + ": " + msg, requestId, List.of(field));
  }

  private static String typeName(Class<?> type) {
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "an integer";
    }
    if (type == double.class || type == Double.class || type == float.class) {
      return "a number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type == String.class || type.isEnum() || hasStringFactory(type)) {
      return "a string";
    }
    if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
      return "an array";
    }
    return "an object";
  }

  private static String subtypes(Class<?> base) {
    Class<?>[] permitted = base.getPermittedSubclasses();
    if (permitted == null) {
      return base.getSimpleName();
    }
    StringBuilder out = new StringBuilder();
    for (Class<?> c : permitted) {
      out.append(out.isEmpty() ? "" : ", ").append(c.getSimpleName());
    }
    return out.toString();
  }

  /** Wire values such as aggregations are read from a string by a static {@code of(String)}. */
  private static boolean hasStringFactory(Class<?> type) {
    try {
      return java.lang.reflect.Modifier.isStatic(type.getMethod("of", String.class).getModifiers());
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  private static String describe(Object value) {
    return value instanceof String s
        ? "\"" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "\""
        : "" + value;
  }

  /**
   * The first line of a parser's message without what speaks to Java programmers rather than to the
   * client: feature switches and our class names.
   */
  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int nl = message.indexOf('\n');
    return (nl < 0 ? message : message.substring(0, nl))
        .replaceAll(": enable `[^`]*` to allow", "")
        .replaceAll(" ?\\(set [^)]*\\)", "")
        .replaceAll("(class )?dev\\.terrace\\.[\\w.]*\\.(\\w+)", "$2");
  }
}
