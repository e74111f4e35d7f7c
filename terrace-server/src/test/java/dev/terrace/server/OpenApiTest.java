package dev.terrace.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.terrace.api.Operation;
import dev.terrace.api.Problem;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The served OpenAPI document against the routes, the operations and the wire records it claims to
 * describe.
 */
class OpenApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static RunningServer server;
  private static HttpResponse<String> response;
  private static JsonNode doc;

  @BeforeAll
  static void fetch() throws Exception {
    server = RunningServer.start();
    response = server.get("/openapi.json");
    doc = JSON.readTree(response.body());
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void isAnOpenApi31JsonDocument() {
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(response.headers().firstValue("X-Request-ID")).isPresent();
    assertThat(doc.path("openapi").asText()).isEqualTo("3.1.0");
    assertThat(doc.path("info").path("title").asText()).isEqualTo("Terrace");
    assertThat(
            doc.path("components")
                .path("securitySchemes")
                .path("bearerAuth")
                .path("scheme")
                .asText())
        .isEqualTo("bearer");
    assertThat(
            doc.path("components").path("securitySchemes").path("apiKeyAuth").path("name").asText())
        .isEqualTo("X-API-Key");
  }

  @Test
  void openApiFileWritesTheServedDocument(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("docs/openapi.json");
    OpenApiFile.main(new String[] {file.toString()});
    assertThat(JSON.readTree(file.toFile())).isEqualTo(doc);
  }

  @Test
  void describesEveryRouteWithItsMethod() {
    assertThat(TerraceServer.ROUTES)
        .extracting(ApiRoutes.Route::path)
        .contains("/health", "/metrics", "/openapi.json", "/docs");
    for (ApiRoutes.Route route : TerraceServer.ROUTES) {
      String method = route.method().text().toLowerCase(Locale.ROOT);
      List<String> described = new ArrayList<>();
      doc.path("paths")
          .properties()
          .forEach(
              p -> {
                if (Fallback.matches(route.path(), p.getKey()) && p.getValue().has(method)) {
                  described.add(p.getKey());
                }
              });
      assertThat(described).as("%s %s", method, route.path()).isNotEmpty();
    }
  }

  @Test
  void describesEveryOperationWithItsRequestAndResponse() {
    for (Operation op : Operation.values()) {
      JsonNode post = doc.path("paths").path("/v1/op/" + op.operationName()).path("post");
      assertThat(post.isObject()).as(op.operationName()).isTrue();
      assertThat(post.at("/requestBody/content/application~1json/schema/$ref").asText())
          .isEqualTo(JsonSchemas.REF + op.requestType().getSimpleName());
      String success = op == Operation.JOBS_CREATE ? "202" : "200";
      String type = op == Operation.JOBS_RESULTS ? "application~1x-ndjson" : "application~1json";
      assertThat(post.at("/responses/" + success + "/content/" + type + "/schema/$ref").asText())
          .as(op.operationName())
          .isEqualTo(JsonSchemas.REF + op.responseType().getSimpleName());
      for (String status : List.of("401", "403", "422", "429", "500", "503", "504")) {
        String ref = post.at("/responses/" + status + "/$ref").asText();
        assertThat(resolve(ref).at("/content/application~1problem+json/schema/$ref").asText())
            .as("%s %s", op, status)
            .isEqualTo(JsonSchemas.REF + "Problem");
      }
    }
  }

  @Test
  void retryableProblemsCarryRetryAfter() {
    JsonNode responses = doc.path("components").path("responses");
    assertThat(responses.path("Problem429").path("headers").has("Retry-After")).isTrue();
    assertThat(responses.path("Problem503").path("headers").has("Retry-After")).isTrue();
    assertThat(responses.path("Problem405").path("headers").has("Allow")).isTrue();
    assertThat(responses.path("Problem413").isObject()).isTrue();
  }

  @Test
  void everyReachableRecordHasASchemaWithItsJsonNames() {
    Set<Class<?>> reachable = new LinkedHashSet<>();
    for (Operation op : Operation.values()) {
      walk(op.requestType(), reachable);
      walk(op.responseType(), reachable);
    }
    walk(Problem.class, reachable);
    assertThat(reachable)
        .extracting(Class::getSimpleName)
        .contains(
            "Point",
            "Polygon",
            "GeometryCollection",
            "Feature",
            "ExtractResult",
            "Dataset",
            "FieldError",
            "ErrorEnvelope",
            "Quality",
            "ErrorType");
    JsonNode schemas = doc.path("components").path("schemas");
    for (Class<?> type : reachable) {
      JsonNode schema = schemas.path(type.getSimpleName());
      assertThat(schema.isObject()).as("schema of %s", type.getName()).isTrue();
      if (type.isEnum()) {
        List<String> wire =
            Arrays.stream(type.getEnumConstants()).map(e -> JSON.valueToTree(e).asText()).toList();
        assertThat(schema.path("enum"))
            .extracting(JsonNode::asText)
            .as(type.getName())
            .isEqualTo(wire);
      } else if (type.isRecord() && objectShaped(type)) {
        assertThat(propertyNames(schema))
            .as("properties of %s", type.getName())
            .isEqualTo(jsonNames(type));
      }
    }
  }

  @Test
  void geometryIsAOneOfOfItsTypes() {
    JsonNode geometry = doc.at("/components/schemas/Geometry");
    assertThat(geometry.path("oneOf"))
        .extracting(n -> n.path("$ref").asText().substring(JsonSchemas.REF.length()))
        .containsExactly(
            "Point",
            "MultiPoint",
            "LineString",
            "MultiLineString",
            "Polygon",
            "MultiPolygon",
            "GeometryCollection",
            "Feature");
    assertThat(geometry.at("/discriminator/propertyName").asText()).isEqualTo("type");
    assertThat(doc.at("/components/schemas/Point/properties/type/const").asText())
        .isEqualTo("Point");
    assertThat(doc.at("/components/schemas/Point/properties/coordinates/items/type").asText())
        .isEqualTo("number");
  }

  @Test
  void geometryTypesAreStringConstantsTheDiscriminatorMaps() {
    JsonNode mapping = doc.at("/components/schemas/Geometry/discriminator/mapping");
    assertThat(mapping.size()).isEqualTo(doc.at("/components/schemas/Geometry/oneOf").size());
    for (var entry : mapping.properties()) {
      JsonNode type = resolve(entry.getValue().asText()).at("/properties/type");
      assertThat(type.path("type").asText()).as(entry.getKey()).isEqualTo("string");
      assertThat(type.path("const").asText()).as(entry.getKey()).isEqualTo(entry.getKey());
    }
  }

  /**
   * Generators type a {@code const} or {@code enum} by its {@code type}: without one they cannot
   * tell oneOf apart.
   */
  @Test
  void everyConstAndEnumSaysItsType() {
    List<String> untyped = new ArrayList<>();
    int seen = checkTyped(doc, "", new SchemaCheck(doc), untyped);
    assertThat(untyped).isEmpty();
    assertThat(seen).as("schemas with const or enum").isGreaterThanOrEqualTo(10);
  }

  /**
   * @return how many schemas with {@code const} or {@code enum} are at or below {@code node}
   */
  private static int checkTyped(JsonNode node, String at, SchemaCheck check, List<String> untyped) {
    if (!node.isContainerNode()) {
      return 0;
    }
    int seen = 0;
    List<JsonNode> values = new ArrayList<>();
    node.path("enum").forEach(values::add);
    if (node.has("const")) {
      values.add(node.get("const"));
    }
    if (node.has("enum") || node.has("const")) {
      seen++;
      JsonNode type = node.get("type");
      if (type == null) {
        untyped.add(at + ": no type");
      } else {
        JsonNode typeOnly = JSON.createObjectNode().set("type", type);
        values.forEach(
            v -> untyped.addAll(check.errors(v, typeOnly).stream().map(e -> at + e).toList()));
      }
    }
    for (var child : node.properties()) {
      if (child.getKey().equals("example") || child.getKey().equals("examples")) {
        continue;
      }
      if (child.getKey().equals("properties")) {
        for (var property : child.getValue().properties()) {
          seen +=
              checkTyped(
                  property.getValue(), at + "/properties/" + property.getKey(), check, untyped);
        }
        continue;
      }
      seen += checkTyped(child.getValue(), at + "/" + child.getKey(), check, untyped);
    }
    for (int i = 0; node.isArray() && i < node.size(); i++) {
      seen += checkTyped(node.get(i), at + "/" + i, check, untyped);
    }
    return seen;
  }

  @Test
  void everyOperationDocumentsItsProblemsWithTheOneProblemSchema() {
    for (var path : doc.path("paths").properties()) {
      for (var method : path.getValue().properties()) {
        String where = method.getKey() + " " + path.getKey();
        List<String> clientErrors = new ArrayList<>();
        for (var response : method.getValue().path("responses").properties()) {
          String status = response.getKey();
          if (status.startsWith("4")) {
            clientErrors.add(status);
            assertThat(response.getValue().has("$ref")).as("%s %s", where, status).isTrue();
          }
          // Only /health's 503 is inline: it is the health answer while draining, not a problem.
          if (response.getValue().has("$ref")) {
            JsonNode schema =
                resolve(response.getValue().path("$ref").asText())
                    .at("/content/application~1problem+json/schema/$ref");
            assertThat(schema.asText())
                .as("%s %s", where, status)
                .isEqualTo(JsonSchemas.REF + "Problem");
          }
        }
        assertThat(clientErrors).as(where).contains("405");
      }
    }
  }

  @Test
  void everyComponentIsUsed() {
    List<String> refs = new ArrayList<>();
    collectRefs(doc, refs);
    for (var kind : doc.path("components").properties()) {
      if (kind.getKey().equals("securitySchemes")) {
        continue;
      }
      for (String name : (Iterable<String>) kind.getValue()::fieldNames) {
        assertThat(refs)
            .as("components.%s.%s", kind.getKey(), name)
            .contains("#/components/" + kind.getKey() + "/" + name);
      }
    }
  }

  @Test
  void nullableMembersUseTypeArraysAndDefaultsComeFromTheRecords() {
    JsonNode extract = doc.at("/components/schemas/ExtractRequest");
    assertThat(extract.path("required"))
        .extracting(JsonNode::asText)
        .containsExactly("geometry", "dataset_ids");
    assertThat(extract.at("/properties/crs/type"))
        .extracting(JsonNode::asText)
        .containsExactly("string", "null");
    assertThat(extract.at("/properties/crs/default").asText()).isEqualTo("EPSG:4326");
    assertThat(extract.at("/properties/aggregation/default").asText()).isEqualTo("mean");
    assertThat(doc.at("/components/schemas/ListProvidersRequest/properties/limit/default").asInt())
        .isEqualTo(100);
    assertThat(doc.at("/components/schemas/ExtractResponse/required"))
        .extracting(JsonNode::asText)
        .containsExactly("elapsed_ms");
  }

  @Test
  void repairIsAnOptionAndABatchEntryCanCarryAnError() {
    for (String request : List.of("ExtractRequest", "BatchExtractRequest")) {
      JsonNode repair = doc.at("/components/schemas/" + request + "/properties/repair");
      assertThat(repair.path("type")).as(request).extracting(JsonNode::asText).contains("boolean");
      assertThat(repair.path("default").asBoolean(false))
          .as(request + ": false, or left out")
          .isFalse();
    }
    JsonNode error = doc.at("/components/schemas/ExtractResponse/properties/error");
    assertThat(error.isMissingNode()).isFalse();
    assertThat(error.toString()).contains("ErrorEnvelope");
  }

  @Test
  void minCoverageFracAndDefaultValueAreOptionalNumbersAndNodataCountAStatistic() {
    for (String request : List.of("ExtractRequest", "BatchExtractRequest")) {
      for (String option : List.of("min_coverage_frac", "default_value")) {
        JsonNode schema = doc.at("/components/schemas/" + request + "/properties/" + option);
        assertThat(schema.toString()).as(request + "." + option).contains("number");
      }
      JsonNode required = doc.at("/components/schemas/" + request + "/required");
      assertThat(required)
          .extracting(JsonNode::asText)
          .doesNotContain("min_coverage_frac", "default_value");
    }
    assertThat(doc.toString()).contains("nodata_count");
  }

  @Test
  void aResultsValueListsWhatTheStatisticsYieldCellsAnArrayOfCells() {
    JsonNode property = doc.at("/components/schemas/ExtractResult/properties/value");
    assertThat(property.path("anyOf").get(0).path("$ref").asText())
        .isEqualTo(JsonSchemas.REF + "ResultValue");
    JsonNode value = doc.at("/components/schemas/ResultValue");
    assertThat(value.toString()).contains("cells");
    JsonNode alternatives = value.path("oneOf");
    assertThat(alternatives)
        .extracting(n -> n.path("type").asText())
        .containsExactly("number", "object", "array", "array");
    assertThat(alternatives.get(3).at("/items/$ref").asText()).isEqualTo(JsonSchemas.REF + "Cell");
    JsonNode cell = doc.at("/components/schemas/Cell");
    assertThat(propertyNames(cell))
        .containsExactlyInAnyOrder(
            "row", "col", "value", "coverage", "center_x", "center_y", "raster_x", "raster_y");
    assertThat(cell.path("required")).hasSize(8);
    assertThat(cell.at("/properties/row/type").asText()).isEqualTo("integer");
  }

  @Test
  void boundedAndEnumeratedOptionsSayTheirBoundsAndValues() {
    for (String request : List.of("ExtractRequest", "BatchExtractRequest")) {
      JsonNode properties = doc.at("/components/schemas/" + request + "/properties");
      JsonNode fraction = properties.path("min_coverage_frac");
      assertThat(fraction.path("minimum").asDouble(-1)).as(request).isEqualTo(0.0);
      assertThat(fraction.path("maximum").asDouble(-1)).as(request).isEqualTo(1.0);
      assertThat(properties.path("default_weight").path("type"))
          .extracting(JsonNode::asText)
          .containsExactly("number", "null");
      assertThat(properties.path("tie").path("description").asText()).contains("lowest", "highest");
      assertThat(properties.path("tie").toString()).contains(JsonSchemas.REF + "Tie");
      assertThat(properties.path("coverage_weight").toString())
          .contains(JsonSchemas.REF + "CoverageWeight");
    }
    assertThat(doc.at("/components/schemas/Tie/enum"))
        .extracting(JsonNode::asText)
        .containsExactly("lowest", "highest");
    assertThat(doc.at("/components/schemas/CoverageWeight/enum").isArray()).isTrue();
  }

  @Test
  void everyReferenceResolves() {
    List<String> refs = new ArrayList<>();
    collectRefs(doc, refs);
    assertThat(refs).isNotEmpty();
    for (String ref : refs) {
      assertThat(resolve(ref).isMissingNode()).as(ref).isFalse();
    }
  }

  @Test
  void operationIdsAreUnique() {
    List<String> ids = new ArrayList<>();
    doc.path("paths").forEach(item -> item.forEach(op -> ids.add(op.path("operationId").asText())));
    assertThat(ids).doesNotHaveDuplicates().doesNotContain("");
  }

  /**
   * Every example is sent and answered as its operation describes: 200, 202 for {@code
   * jobs.create}. The jobs' examples name a placeholder id, replaced by a job made here and waited
   * for, so that {@code jobs.cancel} answers the 409 a job that has ended gets.
   */
  @Test
  void everyExampleFitsItsSchemaAndIsAnsweredAsDescribed() throws Exception {
    SchemaCheck check = new SchemaCheck(doc);
    String job = endedJob();
    int sent = 0;
    for (var path : doc.path("paths").properties()) {
      JsonNode post = path.getValue().path("post");
      JsonNode example = post.at("/requestBody/content/application~1json/example");
      if (!example.isMissingNode()) {
        assertThat(check.errors(example, post.at("/requestBody/content/application~1json/schema")))
            .as("example of %s", path.getKey())
            .isEmpty();
        HttpResponse<String> answer =
            server.post(
                path.getKey(),
                withExistingWebhook(example.toString()).replace(PLACEHOLDER_JOB, job));
        assertAnswered(check, post, answer, path.getKey() + " " + example);
        sent++;
      } else if (post.has("parameters") && post.has("operationId")) {
        HttpResponse<String> answer =
            server.post(
                url(path.getKey(), post.path("parameters")).replace(PLACEHOLDER_JOB, job), "");
        assertAnswered(check, post, answer, path.getKey());
        sent++;
      }
      for (String method : List.of("get", "delete")) {
        JsonNode operation = path.getValue().path(method);
        // The service's own routes answer files and pages, not JSON; ExploreRoutesTest checks them.
        boolean service = operation.path("tags").path(0).asText().equals("service");
        if (operation.has("operationId") && operation.has("parameters") && !service) {
          HttpResponse<String> answer =
              server.send(
                  HttpRequest.newBuilder(
                          server.uri(
                              withExistingWebhook(url(path.getKey(), operation.path("parameters")))
                                  .replace(PLACEHOLDER_JOB, job)))
                      .method(
                          method.toUpperCase(Locale.ROOT), HttpRequest.BodyPublishers.noBody()));
          assertAnswered(check, operation, answer, method + " " + path.getKey());
          sent++;
        }
      }
    }
    assertThat(sent)
        .isEqualTo(
            Operation.values().length
                + ApiRoutes.ROUTES.size()
                - 1
                + StacRoutes.ROUTES.size()
                + TileRoutes.ROUTES.size());
  }

  private static final String PLACEHOLDER_JOB = "job_00000000000000000000000000";

  /** A job of one point, created and waited for until it has ended. */
  private static String endedJob() throws Exception {
    String created =
        server.post("/v1/op/jobs.create", OperationDocs.of(Operation.JOBS_CREATE).example()).body();
    String id = JSON.readTree(created).path("id").asText();
    for (int i = 0; i < 600; i++) {
      JsonNode job = JSON.readTree(server.get("/api/v1/jobs/" + id).body());
      if (job.path("status").asText().equals("succeeded")) {
        return id;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("job " + id + " did not end");
  }

  private static void assertAnswered(
      SchemaCheck check, JsonNode operation, HttpResponse<String> answer, String what)
      throws Exception {
    String id = operation.path("operationId").asText();
    int expected = id.endsWith("obsCreate") ? 202 : id.endsWith("obsCancel") ? 409 : 200;
    assertThat(answer.statusCode()).as("%s: %s", what, answer.body()).isEqualTo(expected);
    if (expected == 409) {
      assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(operation.path("responses").has("409")).as(what).isTrue();
    } else {
      assertAnswerFits(check, operation, answer);
    }
  }

  /**
   * The example with the webhook it names replaced by one made now, since examples cannot know the
   * ids the service makes: a fresh one each time, for an example may delete it.
   */
  private static String withExistingWebhook(String example) throws Exception {
    if (!example.contains(OperationDocs.EXAMPLE_WEBHOOK_ID)) {
      return example;
    }
    HttpResponse<String> created =
        server.post(
            "/v1/op/webhooks.create", OperationDocs.of(Operation.WEBHOOKS_CREATE).example());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    return example.replace(
        OperationDocs.EXAMPLE_WEBHOOK_ID, JSON.readTree(created.body()).path("id").asText());
  }

  @Test
  void problemsFitTheProblemSchema() throws Exception {
    SchemaCheck check = new SchemaCheck(doc);
    JsonNode problem =
        doc.at("/components/responses/Problem422/content/application~1problem+json/schema");
    List<HttpResponse<String>> answers =
        List.of(
            server.post(
                "/v1/op/extract",
                "{\"geometry\":{\"type\":\"Point\"},\"dataset_ids\":[\"lux:elevation\"]}"),
            server.post("/v1/op/extract", "{\"dataset_ids\":[\"nope:nothing\"]}"),
            server.post("/v1/op/no.such.operation", "{}"),
            server.get("/api/v1/providers/nope"),
            server.get("/v1/op/extract"));
    for (HttpResponse<String> answer : answers) {
      assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(check.errors(JSON.readTree(answer.body()), problem)).as(answer.body()).isEmpty();
      assertThat(doc.at("/components/responses/Problem" + answer.statusCode()).isObject())
          .as("status %d", answer.statusCode())
          .isTrue();
    }
  }

  private static void assertAnswerFits(
      SchemaCheck check, JsonNode operation, HttpResponse<String> answer) throws Exception {
    JsonNode described = operation.path("responses").path(Integer.toString(answer.statusCode()));
    for (var header : described.path("headers").properties()) {
      if (!header.getKey().startsWith("X-RateLimit")
          && !header.getKey().equals("Idempotent-Replayed")) {
        assertThat(answer.headers().firstValue(header.getKey())).as(header.getKey()).isPresent();
      }
    }
    String type = answer.headers().firstValue("Content-Type").orElse("");
    if (type.equals("application/x-ndjson")) {
      JsonNode schema = described.at("/content/application~1x-ndjson/schema");
      assertThat(answer.body().lines()).isNotEmpty();
      for (String line : answer.body().lines().toList()) {
        assertThat(check.errors(JSON.readTree(line), schema)).as(line).isEmpty();
      }
      return;
    }
    JsonNode schema = described.path("content").path(type.split(";")[0].strip()).path("schema");
    assertThat(schema.isMissingNode()).as("a schema for %s", type).isFalse();
    if (type.equals("image/png")) {
      // the signature after its first byte, 0x89, which no charset decodes
      assertThat(answer.body().substring(1, 4)).isEqualTo("PNG");
      return;
    }
    assertThat(check.errors(JSON.readTree(answer.body()), schema)).as(answer.body()).isEmpty();
  }

  @Test
  void requiredMembersAreRefusedWhenMissing() {
    for (Operation op : Operation.values()) {
      JsonNode post = doc.path("paths").path("/v1/op/" + op.operationName()).path("post");
      JsonNode example = post.at("/requestBody/content/application~1json/example");
      JsonNode schema =
          resolve(post.at("/requestBody/content/application~1json/schema/$ref").asText());
      assertThat(post.at("/requestBody/required").asBoolean()).isEqualTo(schema.has("required"));
      for (JsonNode member : schema.path("required")) {
        ObjectNode without = example.deepCopy();
        without.remove(member.asText());
        HttpResponse<String> answer =
            server.post("/v1/op/" + op.operationName(), without.toString());
        assertThat(answer.statusCode())
            .as("%s without %s: %s", op, member, answer.body())
            .isIn(404, 422);
      }
    }
  }

  /**
   * Adds the records and enums a type reaches through its components, lists, arrays and subtypes.
   */
  private static void walk(Type type, Set<Class<?>> seen) {
    if (type instanceof ParameterizedType p) {
      Arrays.stream(p.getActualTypeArguments()).forEach(t -> walk(t, seen));
      return;
    }
    if (!(type instanceof Class<?> c) || c.isPrimitive() || c.getName().startsWith("java.")) {
      return;
    }
    if (c.isArray()) {
      walk(c.getComponentType(), seen);
      return;
    }
    // A type Jackson writes as one value (@JsonValue) shows none of its parts on the wire.
    if (!seen.add(c) || writtenAsOneValue(c)) {
      return;
    }
    if (c.isSealed()) {
      Arrays.stream(c.getPermittedSubclasses()).forEach(t -> walk(t, seen));
    }
    if (c.isRecord()) {
      Arrays.stream(c.getRecordComponents()).forEach(rc -> walk(rc.getGenericType(), seen));
    }
  }

  /**
   * Whether Jackson writes the record as an object of its components (not one value, not an array).
   */
  private static boolean objectShaped(Class<?> type) {
    JsonFormat format = type.getAnnotation(JsonFormat.class);
    return (format == null || format.shape() != JsonFormat.Shape.ARRAY) && !writtenAsOneValue(type);
  }

  private static boolean writtenAsOneValue(Class<?> type) {
    return Arrays.stream(type.getMethods()).anyMatch(m -> m.isAnnotationPresent(JsonValue.class));
  }

  /**
   * The names Jackson writes: the subtype's type property, then a name per component, read by
   * Jackson itself.
   */
  private static Set<String> jsonNames(Class<?> type) {
    Set<String> names = new TreeSet<>();
    for (Class<?> parent : type.getInterfaces()) {
      if (parent.isAnnotationPresent(JsonSubTypes.class)) {
        names.add(parent.getAnnotation(JsonTypeInfo.class).property());
      }
    }
    var description = JSON.getSerializationConfig().introspect(JSON.constructType(type));
    for (var p : description.findProperties()) {
      if (p.getAccessor() != null && p.getAccessor().hasAnnotation(JsonUnwrapped.class)) {
        names.addAll(jsonNames(p.getRawPrimaryType()));
      } else {
        names.add(p.getName());
      }
    }
    for (RecordComponent component : type.getRecordComponents()) {
      if (!component.getAccessor().isAnnotationPresent(JsonIgnore.class)
          && !component.getAccessor().isAnnotationPresent(JsonUnwrapped.class)) {
        assertThat(names).contains(JsonSchemas.wireName(component));
      }
    }
    return names;
  }

  private static Set<String> propertyNames(JsonNode schema) {
    JsonNode object = schema.has("properties") ? schema : null;
    for (JsonNode branch : schema.path("oneOf")) {
      if (branch.has("properties")) {
        object = branch;
      }
    }
    Set<String> names = new TreeSet<>();
    if (object != null) {
      object.path("properties").fieldNames().forEachRemaining(names::add);
    }
    return names;
  }

  private static void collectRefs(JsonNode node, List<String> refs) {
    if (node.has("$ref")) {
      refs.add(node.path("$ref").asText());
    }
    node.forEach(child -> collectRefs(child, refs));
  }

  private static JsonNode resolve(String ref) {
    assertThat(ref).startsWith("#/");
    return doc.at(ref.substring(1));
  }

  private static String url(String template, JsonNode parameters) {
    String path = template;
    StringBuilder query = new StringBuilder();
    for (JsonNode p : parameters) {
      if (!p.has("example")) {
        continue;
      }
      String name = p.path("name").asText();
      String value = URLEncoder.encode(p.path("example").asText(), StandardCharsets.UTF_8);
      if (p.path("in").asText().equals("path")) {
        path = path.replace("{" + name + "}", value);
      } else {
        query.append(query.isEmpty() ? "?" : "&").append(name).append('=').append(value);
      }
    }
    return path + query;
  }
}
