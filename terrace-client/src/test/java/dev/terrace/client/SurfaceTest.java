package dev.terrace.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The blocking and asynchronous types are twins: the same public methods, name for name and
 * parameter for parameter; where the blocking method returns {@code R}, the asynchronous one
 * returns {@code CompletableFuture<R>}, except that a blocking type with an asynchronous twin (a
 * namespace, a view, a page) maps to that twin, directly for views and namespaces, inside the
 * future for fetched pages.
 */
class SurfaceTest {

  private static final Map<String, String> TWINS =
      Map.ofEntries(
          Map.entry("TerraceClient", "TerraceAsyncClient"),
          Map.entry("TerraceClient$Builder", "TerraceAsyncClient$Builder"),
          Map.entry("RawResponseClient", "RawResponseAsyncClient"),
          Map.entry("CatalogService", "CatalogServiceAsync"),
          Map.entry("ProviderService", "ProviderServiceAsync"),
          Map.entry("DatasetService", "DatasetServiceAsync"),
          Map.entry("ExtractionService", "ExtractionServiceAsync"),
          Map.entry("WebhookService", "WebhookServiceAsync"),
          Map.entry("JobsService", "JobsServiceAsync"),
          Map.entry("CatalogPage", "CatalogPageAsync"),
          Map.entry("SearchPage", "SearchPageAsync"),
          Map.entry("AutoPager", "AutoPagerAsync"));

  /**
   * Methods the twins name differently: {@code TerraceClient.async()} and {@code
   * TerraceAsyncClient.sync()}, each returning the other view.
   */
  private static final Map<String, String> RENAMED = Map.of("async()", "sync()");

  private static Map<String, Method> methods(Class<?> type) {
    Map<String, Method> out = new TreeMap<>();
    for (Method m : type.getMethods()) {
      if (m.getDeclaringClass() != Object.class && !m.isBridge() && !m.isSynthetic()) {
        String key =
            m.getName()
                + Arrays.stream(m.getGenericParameterTypes())
                    .map(Type::getTypeName)
                    .collect(Collectors.joining(",", "(", ")"));
        out.put(RENAMED.getOrDefault(key, key), m);
      }
    }
    return out;
  }

  private static String twin(String typeName) {
    String simple = typeName.replace("dev.terrace.client.", "");
    for (Map.Entry<String, String> e : TWINS.entrySet()) {
      simple =
          simple.replaceAll(
              "\\b" + e.getKey().replace("$", "\\$") + "\\b", e.getValue().replace("$", "\\$"));
    }
    return simple;
  }

  private static String name(Type type) {
    return type.getTypeName().replace("dev.terrace.client.", "");
  }

  @ParameterizedTest
  @CsvSource({
    "TerraceClient",
    "TerraceClient$Builder",
    "RawResponseClient",
    "CatalogService",
    "ProviderService",
    "DatasetService",
    "ExtractionService",
    "WebhookService",
    "JobsService"
  })
  void theAsyncTwinHasTheSameMethodsReturningFutures(String blockingName) throws Exception {
    Class<?> blocking = Class.forName("dev.terrace.client." + blockingName);
    Class<?> async = Class.forName("dev.terrace.client." + TWINS.get(blockingName));
    Map<String, Method> b = methods(blocking);
    Map<String, Method> a = methods(async);

    assertThat(a.keySet()).isEqualTo(b.keySet());
    for (Map.Entry<String, Method> e : b.entrySet()) {
      Method bm = e.getValue();
      Method am = a.get(e.getKey());
      assertThat(Modifier.isStatic(am.getModifiers()))
          .as(e.getKey())
          .isEqualTo(Modifier.isStatic(bm.getModifiers()));
      String expected =
          e.getKey().equals("sync()")
              ? "TerraceClient" // async() <-> sync()
              : blockingName.endsWith("$Builder")
                  ? twin(name(bm.getGenericReturnType()))
                  : expectedAsyncReturn(bm);
      assertThat(name(am.getGenericReturnType()))
          .as(blockingName + "." + e.getKey())
          .isEqualTo(expected);
    }
  }

  private static String expectedAsyncReturn(Method blocking) {
    Type r = blocking.getGenericReturnType();
    Class<?> raw =
        r instanceof ParameterizedType
            ? (Class<?>) ((ParameterizedType) r).getRawType()
            : r instanceof Class ? (Class<?>) r : Object.class;
    String rawName = raw.getName().replace("dev.terrace.client.", "");
    boolean direct =
        TWINS.containsKey(rawName)
                && !rawName.equals("CatalogPage")
                && !rawName.equals("SearchPage")
            || r == void.class
            || blocking.getName().equals("toString");
    if (direct) {
      return twin(name(r));
    }
    return CompletableFuture.class.getName() + "<" + twin(name(r)) + ">";
  }

  @ParameterizedTest
  @CsvSource({
    "TerraceClient, 38",
    "CatalogService, 4",
    "ProviderService, 5",
    "DatasetService, 5",
    "ExtractionService, 8",
    "WebhookService, 10",
    "JobsService, 11",
    "RawResponseClient, 16"
  })
  void theSurfacesHaveTheDesignedSize(String blockingName, int count) throws Exception {
    assertThat(methods(Class.forName("dev.terrace.client." + blockingName))).hasSize(count);
  }

  @Test
  void thePackageDeclaresItsNullness() {
    assertThat(TerraceClient.class.getPackage().isAnnotationPresent(NullMarked.class)).isTrue();
  }
}
