package dev.terrace.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The blocking and asynchronous interfaces must stay twins: same names, same parameters, wrapped
 * returns.
 */
class ApiSurfaceTest {

  private static Map<String, Method> methods(Class<?> type) {
    Map<String, Method> out = new TreeMap<>();
    for (Method m : type.getMethods()) {
      if (!Modifier.isStatic(m.getModifiers())) {
        String key =
            m.getName()
                + Arrays.stream(m.getParameterTypes())
                    .map(Class::getName)
                    .collect(Collectors.joining(",", "(", ")"));
        out.put(key, m);
      }
    }
    return out;
  }

  @Test
  void asyncApiMirrorsBlockingApi() {
    assertTwins(TerraceApi.class, TerraceAsyncApi.class);
    assertThat(methods(TerraceApi.class).get("jobs()").getReturnType()).isEqualTo(JobsApi.class);
    assertThat(methods(TerraceAsyncApi.class).get("jobs()").getReturnType())
        .isEqualTo(JobsAsyncApi.class);
  }

  @Test
  void asyncJobsMirrorBlockingJobs() {
    assertTwins(JobsApi.class, JobsAsyncApi.class);
  }

  /** Every method of {@code async} is the blocking one's, its answer in a future; jobs() aside. */
  private static void assertTwins(Class<?> blockingType, Class<?> asyncType) {
    Map<String, Method> blocking = methods(blockingType);
    Map<String, Method> async = methods(asyncType);
    assertThat(async.keySet()).isEqualTo(blocking.keySet());
    for (Map.Entry<String, Method> e : blocking.entrySet()) {
      if (e.getKey().equals("jobs()")) {
        continue;
      }
      Method b = e.getValue();
      Method a = async.get(e.getKey());
      assertThat(a.getReturnType()).as(e.getKey()).isEqualTo(CompletableFuture.class);
      Type generic = a.getGenericReturnType();
      assertThat(generic).as(e.getKey()).isInstanceOf(ParameterizedType.class);
      assertThat(((ParameterizedType) generic).getActualTypeArguments())
          .as(e.getKey())
          .containsExactly(b.getGenericReturnType());
      assertThat(a.isDefault())
          .as(e.getKey() + " default in both or neither")
          .isEqualTo(b.isDefault());
    }
  }

  @Test
  void theSurfaceIsTheDesignedOne() {
    assertThat(methods(TerraceApi.class).keySet())
        .containsExactly(
            "batchExtract(dev.terrace.api.BatchExtractRequest)",
            "dataset(java.lang.String)",
            "datasets()",
            "datasets(dev.terrace.api.ListDatasetsRequest)",
            "estimate(dev.terrace.api.EstimateRequest)",
            "extract(dev.terrace.api.ExtractRequest)",
            "jobs()",
            "provider(java.lang.String)",
            "providers()",
            "providers(dev.terrace.api.ListProvidersRequest)",
            "search(dev.terrace.api.ItemSearchRequest)");
  }

  @Test
  void operationsNameTheirRecordsAndMatchTheInterface() {
    assertThat(Arrays.stream(Operation.values()).map(Operation::operationName))
        .containsExactly(
            "extract",
            "extract.batch",
            "extract.estimate",
            "catalog.providers.list",
            "catalog.providers.get",
            "catalog.datasets.list",
            "catalog.datasets.get",
            "catalog.search",
            "jobs.create",
            "jobs.get",
            "jobs.list",
            "jobs.cancel",
            "jobs.results",
            "webhooks.create",
            "webhooks.list",
            "webhooks.delete",
            "webhooks.deliveries.list");
    List<Class<?>> returns =
        java.util.stream.Stream.concat(
                methods(TerraceApi.class).values().stream(),
                methods(JobsApi.class).values().stream())
            .map(Method::getReturnType)
            .distinct()
            .collect(Collectors.toList());
    // jobs.results streams its rows: the SDK answers a Stream of the operation's JobRow.
    returns.add(JobRow.class);
    for (Operation op : Operation.values()) {
      assertThat(op.requestType().isRecord()).isTrue();
      // Webhooks are the service's: the engine in-process has no one to call back.
      if (!op.operationName().startsWith("webhooks.")) {
        assertThat(returns).as(op.operationName()).contains(op.responseType());
      }
      assertThat(Operation.of(op.operationName())).isSameAs(op);
    }
    assertThat(Operation.find("extract.stream")).isEmpty();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Operation.of("extract.stream"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("catalog.datasets.get");
    assertThat(Arrays.stream(Operation.values()).filter(Operation::takesIdempotencyKey))
        .containsExactly(
            Operation.EXTRACT,
            Operation.EXTRACT_BATCH,
            Operation.JOBS_CREATE,
            Operation.WEBHOOKS_CREATE);
  }

  @Test
  void defaultsAskForTheFirstPage() {
    ListProvidersRequest[] providers = new ListProvidersRequest[1];
    ListDatasetsRequest[] datasets = new ListDatasetsRequest[1];
    TerraceApi api =
        new TerraceApi() {
          @Override
          public ExtractResponse extract(ExtractRequest request) {
            throw new UnsupportedOperationException();
          }

          @Override
          public BatchExtractResponse batchExtract(BatchExtractRequest request) {
            throw new UnsupportedOperationException();
          }

          @Override
          public Estimate estimate(EstimateRequest request) {
            throw new UnsupportedOperationException();
          }

          @Override
          public ProviderPage providers(ListProvidersRequest request) {
            providers[0] = request;
            return ProviderPage.of(0, request.limit(), request.offset(), List.of());
          }

          @Override
          public Provider provider(String slug) {
            throw new UnsupportedOperationException();
          }

          @Override
          public DatasetPage datasets(ListDatasetsRequest request) {
            datasets[0] = request;
            return DatasetPage.of(0, request.limit(), request.offset(), List.of());
          }

          @Override
          public Dataset dataset(String id) {
            throw new UnsupportedOperationException();
          }

          @Override
          public ItemCollection search(ItemSearchRequest request) {
            throw new UnsupportedOperationException();
          }

          @Override
          public JobsApi jobs() {
            throw new UnsupportedOperationException();
          }
        };
    assertThat(api.providers().limit()).isEqualTo(100);
    assertThat(providers[0]).isEqualTo(new ListProvidersRequest(100, 0));
    assertThat(api.datasets().offset()).isZero();
    assertThat(datasets[0]).isEqualTo(new ListDatasetsRequest(null, 100, 0));
  }
}
