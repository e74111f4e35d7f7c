package dev.terrace.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.terrace.api.ErrorType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The /docs page: a template from the classpath with the routes and errors filled in from the
 * OpenAPI document, so that the page reads without its script; the script adds the schemas from
 * /openapi.json.
 */
final class DocsPage {

  private static final String TEMPLATE = "docs.html";

  private DocsPage() {}

  static String render(JsonNode openApi) {
    String page = template();
    Map<String, String> fills =
        Map.of(
            "{{version}}", escape(openApi.path("info").path("version").asText()),
            "{{routes}}", routes(openApi),
            "{{errors}}", errors(),
            "{{curl}}",
                escape(
                    "curl -s localhost:8000/v1/op/extract -H 'Content-Type: application/json' -d '"
                        + OperationDocs.EXTRACT_EXAMPLE
                        + "'"));
    for (Map.Entry<String, String> fill : fills.entrySet()) {
      if (!page.contains(fill.getKey())) {
        throw new IllegalStateException(TEMPLATE + " lacks " + fill.getKey());
      }
      page = page.replace(fill.getKey(), fill.getValue());
    }
    return page;
  }

  private static String routes(JsonNode openApi) {
    StringBuilder rows = new StringBuilder();
    openApi
        .path("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        method -> {
                          JsonNode op = method.getValue();
                          rows.append("<tr><td><code>")
                              .append(method.getKey().toUpperCase(Locale.ROOT))
                              .append(' ')
                              .append(escape(path.getKey()))
                              .append("</code></td><td>")
                              .append(escape(op.path("summary").asText()))
                              .append("</td><td>")
                              .append(input(op))
                              .append("</td><td>")
                              .append(
                                  link(
                                      op.path("responses")
                                          .path("200")
                                          .path("content")
                                          .path("application/json")
                                          .path("schema")))
                              .append("</td></tr>\n");
                        }));
    return rows.toString();
  }

  /** The request: its body's schema, or the query and path parameters. */
  private static String input(JsonNode op) {
    JsonNode body = op.path("requestBody").path("content").path("application/json").path("schema");
    if (!body.isMissingNode()) {
      return link(body);
    }
    StringBuilder names = new StringBuilder();
    for (JsonNode parameter : op.path("parameters")) {
      String in = parameter.path("in").asText();
      if (in.equals("query") || in.equals("path")) {
        names
            .append(names.isEmpty() ? "" : ", ")
            .append("<code>")
            .append(escape(parameter.path("name").asText()))
            .append("</code> (")
            .append(in)
            .append(')');
      }
    }
    return names.toString();
  }

  private static String link(JsonNode schema) {
    String ref = schema.path("$ref").asText();
    if (ref.isEmpty()) {
      return "";
    }
    String name = escape(ref.substring(JsonSchemas.REF.length()));
    return "<a href=\"#schema-" + name + "\">" + name + "</a>";
  }

  private static String errors() {
    StringBuilder rows = new StringBuilder();
    for (ErrorType type : ErrorType.values()) {
      rows.append("<tr><td>")
          .append(type.status())
          .append("</td><td><code>")
          .append(type.wireName())
          .append("</code></td><td>")
          .append(escape(type.title()))
          .append("</td></tr>\n");
    }
    return rows.toString();
  }

  /**
   * Escapes text for an element's content; attributes get only schema names, which are Java
   * identifiers.
   */
  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String template() {
    try (InputStream in = DocsPage.class.getResourceAsStream(TEMPLATE)) {
      if (in == null) {
        throw new IllegalStateException("the classpath lacks " + TEMPLATE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
