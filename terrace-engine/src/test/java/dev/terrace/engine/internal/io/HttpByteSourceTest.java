package dev.terrace.engine.internal.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.terrace.engine.internal.raster.RasterIoException;
import dev.terrace.testkit.http.RangeServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against a real loopback server: every test checks what went over the wire, not just the bytes.
 */
@Timeout(10)
class HttpByteSourceTest {

  private static final String PATH = "/data.bin";
  private static final int SIZE = 100_000;
  private static final int PREFETCH = 16_384;

  private RangeServer server;
  private byte[] data;

  /** Backoff pauses requested by the sources: recorded, not slept, so retry tests are fast. */
  private final List<Duration> pauses = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    server = RangeServer.start();
    data = bytes(SIZE, 42);
    server.serve(PATH, data);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpOptions.Builder options() {
    return HttpOptions.builder().sleeper(pauses::add);
  }

  private HttpByteSource open() {
    return HttpByteSource.open(server.uri(PATH), options().build());
  }

  private static boolean waiting(Thread t) {
    return t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING;
  }

  private static byte[] bytes(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  private byte[] slice(long offset, int length) {
    return Arrays.copyOfRange(data, (int) offset, (int) offset + length);
  }

  @Test
  void openIsOneRequestForThePrefix() {
    try (HttpByteSource src = open()) {
      assertThat(src.length()).isEqualTo(SIZE);
      assertThat(server.requests(PATH)).isEqualTo(1);
      assertThat(server.bytesSent(PATH)).isEqualTo(PREFETCH);
      assertThat(server.rangeLog(PATH)).containsExactly("bytes=0-16383");
      assertThat(src.stats()).isEqualTo(new HttpStats(1, PREFETCH, 0, 0));
      assertThat(src.identity()).startsWith(server.uri(PATH) + "#\"").isNotEqualTo(src.name());
    }
  }

  @Test
  void readInsideThePrefixNeedsNoRequest() {
    try (HttpByteSource src = open()) {
      assertThat(src.read(100, 1000)).isEqualTo(slice(100, 1000));
      assertThat(src.read(0, PREFETCH)).isEqualTo(slice(0, PREFETCH));
      assertThat(server.requests(PATH)).isEqualTo(1);
      assertThat(src.stats().requests()).isEqualTo(1);
    }
  }

  @Test
  void readOutsideThePrefixIsOneRequestOfExactlyThoseBytes() {
    try (HttpByteSource src = open()) {
      assertThat(src.read(50_000, 3000)).isEqualTo(slice(50_000, 3000));
      assertThat(server.requests(PATH)).isEqualTo(2);
      assertThat(server.bytesSent(PATH)).isEqualTo(PREFETCH + 3000);
      assertThat(server.rangeLog(PATH)).containsExactly("bytes=0-16383", "bytes=50000-52999");
      assertThat(src.stats()).isEqualTo(new HttpStats(2, PREFETCH + 3000, 0, 0));
      // Straddling the end of the prefix is fetched as one range.
      assertThat(src.read(PREFETCH - 10, 20)).isEqualTo(slice(PREFETCH - 10, 20));
      assertThat(server.rangeLog(PATH)).last().isEqualTo("bytes=16374-16393");
      // The last byte of the file.
      assertThat(src.read(SIZE - 1, 1)).isEqualTo(slice(SIZE - 1, 1));
      assertThat(server.requests(PATH)).isEqualTo(4);
    }
  }

  @Test
  void readAllMergesTilesSeparatedByGdalLeaders() {
    try (HttpByteSource src = open()) {
      List<ByteRange> ranges = new ArrayList<>();
      long offset = 40_000;
      for (int i = 0; i < 5; i++) {
        ranges.add(new ByteRange(offset, 1000 + i));
        offset += 1000 + i + 8;
      }
      long span = offset - 8 - 40_000;
      // Caller order differs from file order: results must follow the caller's.
      List<ByteRange> shuffled =
          List.of(ranges.get(3), ranges.get(0), ranges.get(4), ranges.get(1), ranges.get(2));
      List<byte[]> got = src.readAll(shuffled);
      for (int i = 0; i < shuffled.size(); i++) {
        assertThat(got.get(i)).isEqualTo(slice(shuffled.get(i).offset(), shuffled.get(i).length()));
      }
      assertThat(server.requests(PATH)).isEqualTo(2);
      assertThat(server.bytesSent(PATH)).isEqualTo(PREFETCH + span);
      assertThat(server.rangeLog(PATH)).last().isEqualTo("bytes=40000-" + (40_000 + span - 1));
    }
  }

  @Test
  void readAllFetchesFarApartRangesSeparatelyAndSkipsThePrefix() {
    try (HttpByteSource src = open()) {
      List<ByteRange> ranges =
          List.of(
              new ByteRange(90_000, 500),
              new ByteRange(10, 20),
              new ByteRange(30_000, 700),
              new ByteRange(5, 0));
      List<byte[]> got = src.readAll(ranges);
      for (int i = 0; i < ranges.size(); i++) {
        assertThat(got.get(i)).isEqualTo(slice(ranges.get(i).offset(), ranges.get(i).length()));
      }
      assertThat(server.requests(PATH)).isEqualTo(3);
      assertThat(server.bytesSent(PATH)).isEqualTo(PREFETCH + 500 + 700);
      assertThat(server.rangeLog(PATH).subList(1, 3))
          .containsExactlyInAnyOrder("bytes=90000-90499", "bytes=30000-30699");
    }
  }

  @Test
  void readAllFailsIfOneRequestFails() {
    try (HttpByteSource src = open()) {
      server.failWith(PATH, 403, 1);
      assertThatThrownBy(
              () -> src.readAll(List.of(new ByteRange(30_000, 10), new ByteRange(90_000, 10))))
          .isInstanceOf(RasterIoException.class)
          .hasMessageContaining("access denied (HTTP 403)");
      // Still usable afterwards.
      assertThat(src.readAll(List.of(new ByteRange(30_000, 10), new ByteRange(90_000, 10))))
          .satisfiesExactly(
              b -> assertThat(b).isEqualTo(slice(30_000, 10)),
              b -> assertThat(b).isEqualTo(slice(90_000, 10)));
    }
  }

  @Test
  void readAllRespectsTheMergeCap() {
    try (HttpByteSource src =
        HttpByteSource.open(server.uri(PATH), options().maxMergedBytes(2500).build())) {
      List<ByteRange> ranges =
          List.of(
              new ByteRange(20_000, 1000),
              new ByteRange(21_008, 1000),
              new ByteRange(22_016, 1000));
      List<byte[]> got = src.readAll(ranges);
      for (int i = 0; i < ranges.size(); i++) {
        assertThat(got.get(i)).isEqualTo(slice(ranges.get(i).offset(), ranges.get(i).length()));
      }
      assertThat(server.rangeLog(PATH))
          .containsExactlyInAnyOrder("bytes=0-16383", "bytes=20000-22007", "bytes=22016-23015");
    }
  }

  @Test
  void serverErrorsAreRetriedWithBackoff() {
    try (HttpByteSource src = open()) {
      server.failWith(PATH, 500, 2);
      assertThat(src.read(60_000, 4000)).isEqualTo(slice(60_000, 4000));
      assertThat(server.requests(PATH)).isEqualTo(1 + 3);
      assertThat(src.stats().requests()).isEqualTo(4);
      assertThat(src.stats().retries()).isEqualTo(2);
      // Equal jitter around 100 ms, then 200 ms.
      assertThat(pauses).hasSize(2);
      assertThat(pauses.get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
      assertThat(pauses.get(1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
    }
  }

  @Test
  void serverThatKeepsFailingGivesUpAfterMaxRetries() {
    try (HttpByteSource src = open()) {
      server.failWith(PATH, 503, 100);
      assertThatThrownBy(() -> src.read(60_000, 4000))
          .isInstanceOf(RasterIoException.class)
          .hasMessageContaining(server.uri(PATH).toString())
          .hasMessageContaining("bytes=60000-63999")
          .hasMessageContaining("4 attempts")
          .hasMessageContaining("HTTP 503");
      assertThat(server.requests(PATH)).isEqualTo(1 + 4);
      assertThat(src.stats().retries()).isEqualTo(3);
      assertThat(pauses)
          .hasSize(3)
          .allSatisfy(p -> assertThat(p).isLessThanOrEqualTo(Duration.ofSeconds(2)));
    }
  }

  @Test
  void backoffIsCappedAtMaxBackoff() {
    HttpOptions o =
        options()
            .maxRetries(6)
            .initialBackoff(Duration.ofMillis(100))
            .maxBackoff(Duration.ofMillis(300))
            .build();
    try (HttpByteSource src = HttpByteSource.open(server.uri(PATH), o)) {
      server.failWith(PATH, 429, 100);
      assertThatThrownBy(() -> src.read(60_000, 10))
          .isInstanceOf(RasterIoException.class)
          .hasMessageContaining("7 attempts");
      assertThat(pauses)
          .hasSize(6)
          .allSatisfy(p -> assertThat(p).isLessThanOrEqualTo(Duration.ofMillis(300)));
      assertThat(pauses.get(5)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }
  }

  @Test
  void bodyStalledMidwayTimesOutAndIsRetried() {
    HttpOptions o = options().requestTimeout(Duration.ofMillis(300)).build();
    try (HttpByteSource src = HttpByteSource.open(server.uri(PATH), o)) {
      // The response is held until the server closes: the read gets through only by giving up on
      // it, which
      // the second request for the range shows.
      server.holdUntilReleased(PATH, -1, 1);
      assertThat(src.read(50_000, 20_000)).isEqualTo(slice(50_000, 20_000));
      assertThat(server.requests(PATH)).isEqualTo(1 + 2);
      assertThat(src.stats().retries()).isEqualTo(1);
    }
  }

  @Test
  void timeoutCoversTheWholeBodyNotJustTheHeaders() {
    HttpOptions o = options().requestTimeout(Duration.ofMillis(300)).maxRetries(0).build();
    try (HttpByteSource src = HttpByteSource.open(server.uri(PATH), o)) {
      // Headers and 1 KB arrive at once; HttpRequest.timeout alone would wait for the rest forever.
      server.stallFor(PATH, Duration.ofSeconds(5), 1000, 1);
      assertThatThrownBy(() -> src.read(50_000, 20_000))
          .isInstanceOf(RasterIoException.class)
          .hasMessageContaining("1 attempt;")
          .hasMessageContaining("no complete response within 300 ms");
    }
  }

  @Test
  void truncatedBodyIsRetried() {
    try (HttpByteSource src = open()) {
      server.truncateBody(PATH, 1000, 1);
      assertThat(src.read(50_000, 20_000)).isEqualTo(slice(50_000, 20_000));
      assertThat(server.requests(PATH)).isEqualTo(1 + 2);
      assertThat(src.stats().retries()).isEqualTo(1);
    }
  }

  @Test
  void truncatedOpenIsRetried() {
    server.truncateBody(PATH, 10, 2);
    try (HttpByteSource src = open()) {
      assertThat(src.read(0, PREFETCH)).isEqualTo(slice(0, PREFETCH));
      assertThat(server.requests(PATH)).isEqualTo(3);
      assertThat(src.stats().retries()).isEqualTo(2);
    }
  }

  @Test
  void notFoundFailsAtOnce() {
    URI missing = server.uri("/missing.tif");
    assertThatThrownBy(() -> HttpByteSource.open(missing, options().build()))
        .isInstanceOf(RasterIoException.class)
        .hasMessage("not found: " + missing);
    assertThat(server.requests("/missing.tif")).isEqualTo(1);
    assertThat(pauses).isEmpty();
  }

  @Test
  void otherClientErrorsAreNotRetried() {
    try (HttpByteSource src = open()) {
      server.failWith(PATH, 403, 1);
      assertThatThrownBy(() -> src.read(60_000, 10))
          .isInstanceOf(RasterIoException.class)
          .hasMessageContaining("access denied (HTTP 403)")
          .hasMessageContaining("injected failure 403");
      assertThat(server.requests(PATH)).isEqualTo(2);
    }
  }

  @Test
  void serverIgnoringRangeIsReadOnceAndServedFromMemory() {
    server.ignoreRange(PATH, true);
    try (HttpByteSource src = open()) {
      assertThat(src.length()).isEqualTo(SIZE);
      assertThat(src.read(50_000, 3000)).isEqualTo(slice(50_000, 3000));
      List<byte[]> got = src.readAll(List.of(new ByteRange(90_000, 10), new ByteRange(20_000, 10)));
      assertThat(got.get(0)).isEqualTo(slice(90_000, 10));
      assertThat(got.get(1)).isEqualTo(slice(20_000, 10));
      assertThat(server.requests(PATH)).isEqualTo(1);
      assertThat(server.bytesSent(PATH)).isEqualTo(SIZE);
      assertThat(src.stats()).isEqualTo(new HttpStats(1, SIZE, 0, 0));
    }
  }

  @Test
  void serverIgnoringRangeOnALargeFileKeepsOnlyTheSlice() {
    server.ignoreRange(PATH, true);
    try (HttpByteSource src =
        HttpByteSource.open(server.uri(PATH), options().maxWholeBodyBytes(10_000).build())) {
      assertThat(src.length()).isEqualTo(SIZE);
      assertThat(src.read(1000, 2000)).isEqualTo(slice(1000, 2000));
      assertThat(server.requests(PATH)).isEqualTo(1);
      assertThat(src.read(50_000, 3000)).isEqualTo(slice(50_000, 3000));
      assertThat(src.read(SIZE - 3000, 3000)).isEqualTo(slice(SIZE - 3000, 3000));
      List<byte[]> got = src.readAll(List.of(new ByteRange(90_000, 10), new ByteRange(20_000, 10)));
      assertThat(got.get(0)).isEqualTo(slice(90_000, 10));
      assertThat(got.get(1)).isEqualTo(slice(20_000, 10));
      assertThat(server.requests(PATH)).isEqualTo(1 + 2 + 2);
      // It stops reading once it has the slice (the server may have pushed more into the socket).
      assertThat(src.stats().requests()).isEqualTo(5);
    }
  }

  @Test
  void serverIgnoringRangeOnAHugeBodyIsNotReadToTheEnd() {
    byte[] huge = new byte[48 << 20];
    for (int i = 0; i < huge.length; i += 4096) {
      huge[i] = (byte) (i >>> 12);
    }
    server.serve("/huge.bin", huge);
    server.ignoreRange("/huge.bin", true);
    HttpOptions o = options().maxWholeBodyBytes(1 << 20).build();
    try (HttpByteSource src = HttpByteSource.open(server.uri("/huge.bin"), o)) {
      assertThat(src.length()).isEqualTo(huge.length);
      assertThat(src.read(1 << 20, 8192))
          .isEqualTo(Arrays.copyOfRange(huge, 1 << 20, (1 << 20) + 8192));
      // Bounded: the download stopped soon after the wanted bytes, socket buffers aside.
      assertThat(src.stats().bytesReceived()).isLessThan(huge.length / 2);
    }
  }

  @Test
  void replacedFileIsDetected() {
    try (HttpByteSource src = open()) {
      assertThat(src.read(50_000, 100)).isEqualTo(slice(50_000, 100));
      String oldIdentity = src.identity();
      server.replace(PATH, bytes(SIZE, 7));
      assertThatThrownBy(() -> src.read(60_000, 100))
          .isInstanceOf(RasterIoException.class)
          .hasMessageContaining("changed since it was opened")
          .hasMessageContaining(
              "no longer matches If-Match: " + oldIdentity.substring(oldIdentity.indexOf('#') + 1))
          .hasMessageContaining("reopen");
      assertThat(server.requests(PATH)).isEqualTo(3);
      try (HttpByteSource reopened = open()) {
        assertThat(reopened.identity()).isNotEqualTo(oldIdentity);
        assertThat(reopened.read(60_000, 100))
            .isEqualTo(Arrays.copyOfRange(bytes(SIZE, 7), 60_000, 60_100));
      }
    }
  }

  @Test
  void replacedFileIsDetectedByEtagWhenTheServerIgnoresIfMatch() {
    server.ignoreIfMatch(PATH, true);
    try (HttpByteSource src = open()) {
      String before = src.identity().substring(src.identity().indexOf('#') + 1);
      server.replace(PATH, bytes(SIZE, 7));
      assertThatThrownBy(() -> src.read(60_000, 100))
          .isInstanceOf(RasterIoException.class)
          .hasMessageContaining("changed since it was opened")
          .hasMessageContaining("ETag was " + before + ", now \"");
      assertThat(server.requests(PATH)).isEqualTo(2);
    }
  }

  @Test
  void replacedFileIsDetectedByLastModifiedWithoutEtag() {
    server.omitEtag(PATH, true);
    try (HttpByteSource src = open()) {
      assertThat(src.identity()).endsWith(" GMT");
      server.replace(PATH, bytes(SIZE, 7));
      assertThatThrownBy(() -> src.read(60_000, 100))
          .isInstanceOf(RasterIoException.class)
          .hasMessageContaining("changed since it was opened")
          .hasMessageMatching(".*Last-Modified was .* GMT, now .* GMT.*");
    }
  }

  @Test
  void shrunkFileGivesUnsatisfiableRange() {
    server.omitEtag(PATH, true);
    try (HttpByteSource src = open()) {
      server.replace(PATH, bytes(50_000, 7));
      assertThatThrownBy(() -> src.read(60_000, 100))
          .isInstanceOf(RasterIoException.class)
          .hasMessageContaining("bytes=60000-60099")
          .hasMessageContaining("bytes */50000")
          .hasMessageContaining("opened with length 100000");
      assertThat(server.requests(PATH)).isEqualTo(2);
    }
  }

  @Test
  void replacedFileIsDetectedWhenTheServerIgnoresRange() {
    server.ignoreRange(PATH, true);
    try (HttpByteSource src =
        HttpByteSource.open(server.uri(PATH), options().maxWholeBodyBytes(0).build())) {
      server.replace(PATH, bytes(SIZE, 7));
      assertThatThrownBy(() -> src.read(60_000, 100))
          .isInstanceOf(RasterIoException.class)
          .hasMessageContaining("changed since it was opened");
    }
  }

  @Test
  void fileSmallerThanThePrefixOpensWithOneRequest() {
    byte[] small = bytes(5000, 1);
    server.serve("/small.bin", small);
    try (HttpByteSource src = HttpByteSource.open(server.uri("/small.bin"), options().build())) {
      assertThat(src.length()).isEqualTo(5000);
      assertThat(src.read(4000, 1000)).isEqualTo(Arrays.copyOfRange(small, 4000, 5000));
      assertThat(src.readAll(List.of(new ByteRange(0, 5000)))).singleElement().isEqualTo(small);
      assertThat(server.requests("/small.bin")).isEqualTo(1);
      assertThat(server.bytesSent("/small.bin")).isEqualTo(5000);
      assertThat(src.stats()).isEqualTo(new HttpStats(1, 5000, 0, 0));
      assertThatThrownBy(() -> src.read(4000, 1001))
          .isInstanceOf(RasterIoException.class)
          .hasMessageContaining("past the end");
    }
  }

  @Test
  void emptyFileOpens() {
    server.serve("/empty.bin", new byte[0]);
    try (HttpByteSource src = HttpByteSource.open(server.uri("/empty.bin"), options().build())) {
      assertThat(src.length()).isZero();
      assertThat(src.read(0, 0)).isEmpty();
      assertThat(server.requests("/empty.bin")).isEqualTo(1);
    }
  }

  @Test
  void concurrentReadsFromEightThreadsAreCorrect() throws Exception {
    byte[] big = bytes(1 << 20, 3);
    server.serve("/big.bin", big);
    // Without hedges: one aborted before it reached the server would count on one side only.
    try (HttpByteSource src =
            HttpByteSource.open(server.uri("/big.bin"), options().hedging(false).build());
        ExecutorService pool = Executors.newFixedThreadPool(8)) {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        long seed = t;
        futures.add(
            pool.submit(
                () -> {
                  Random r = new Random(seed);
                  for (int i = 0; i < 25; i++) {
                    int len = 1 + r.nextInt(20_000);
                    long off = r.nextInt(big.length - len);
                    if (i % 5 == 0) {
                      List<ByteRange> rs =
                          List.of(
                              new ByteRange(off, len),
                              new ByteRange(r.nextInt(1000), 100),
                              new ByteRange(big.length - 100L, 100));
                      List<byte[]> got = src.readAll(rs);
                      for (int k = 0; k < rs.size(); k++) {
                        int o = (int) rs.get(k).offset();
                        assertThat(got.get(k))
                            .isEqualTo(Arrays.copyOfRange(big, o, o + rs.get(k).length()));
                      }
                    } else {
                      assertThat(src.read(off, len))
                          .isEqualTo(Arrays.copyOfRange(big, (int) off, (int) off + len));
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      assertThat(src.stats().requests()).isEqualTo(server.requests("/big.bin"));
      assertThat(src.stats().bytesReceived()).isEqualTo(server.bytesSent("/big.bin"));
      assertThat(src.stats().retries()).isZero();
    }
  }

  @Test
  void readsAfterCloseFail() {
    HttpByteSource src = open();
    src.close();
    src.close();
    // Inside the prefix, outside it, and through readAll: all the same failure, naming the source.
    assertThatThrownBy(() -> src.read(0, 1))
        .isInstanceOf(RasterIoException.class)
        .hasMessage(server.uri(PATH) + " is closed");
    assertThatThrownBy(() -> src.read(50_000, 1))
        .isInstanceOf(RasterIoException.class)
        .hasMessage(server.uri(PATH) + " is closed");
    assertThatThrownBy(() -> src.readAll(List.of(new ByteRange(50_000, 1))))
        .isInstanceOf(RasterIoException.class)
        .hasMessage(server.uri(PATH) + " is closed");
    assertThat(server.requests(PATH)).isEqualTo(1);
  }

  @Test
  void closeAbortsAReadUnderWay() throws Exception {
    HttpByteSource src = open();
    // Headers and 1 KB arrive at once, then the body is held until the server closes: the read ends
    // only if
    // close aborts it.
    server.holdUntilReleased(PATH, 1000, 1);
    try (ExecutorService pool = Executors.newSingleThreadExecutor()) {
      CompletableFuture<Thread> reader = new CompletableFuture<>();
      Future<byte[]> read =
          pool.submit(
              () -> {
                reader.complete(Thread.currentThread());
                return src.read(50_000, 20_000);
              });
      // The body bytes come on a client thread; close once the reading thread waits for the rest.
      Thread reading = reader.get();
      while (src.stats().bytesReceived() < PREFETCH + 1000 || !waiting(reading)) {
        Thread.yield();
      }
      src.close();
      assertThatThrownBy(read::get)
          .cause()
          .isInstanceOf(RasterIoException.class)
          .hasMessage(server.uri(PATH) + " is closed");
      assertThat(src.stats().retries()).isZero();
    }
  }

  @Test
  void rangeServerSpeaksSingleRangesAndConditionals(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("f.bin");
    Files.write(file, data);
    server.serve("/f.bin", file);
    HttpClient client = HttpClient.newHttpClient();
    URI u = server.uri("/f.bin");
    HttpResponse<byte[]> r =
        client.send(
            HttpRequest.newBuilder(u).header("Range", "bytes=-10").build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(206);
    assertThat(r.headers().firstValue("Content-Range")).hasValue("bytes 99990-99999/100000");
    assertThat(r.body()).isEqualTo(slice(99_990, 10));
    String etag = r.headers().firstValue("ETag").orElseThrow();

    r =
        client.send(
            HttpRequest.newBuilder(u)
                .header("Range", "bytes=99000-")
                .header("If-Match", etag)
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(206);
    assertThat(r.body()).isEqualTo(slice(99_000, 1000));

    r =
        client.send(
            HttpRequest.newBuilder(u).header("Range", "bytes=100000-100010").build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(416);
    assertThat(r.headers().firstValue("Content-Range")).hasValue("bytes */100000");

    r =
        client.send(
            HttpRequest.newBuilder(u).header("If-Match", "\"other\"").build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(412);

    r =
        client.send(
            HttpRequest.newBuilder(u).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Length")).hasValue("100000");
    assertThat(r.headers().firstValue("Last-Modified")).isPresent();

    r = client.send(HttpRequest.newBuilder(u).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo(data);

    assertThat(server.requests("/f.bin")).isEqualTo(6);
    assertThat(server.bytesSent("/f.bin"))
        .isEqualTo(10 + 1000 + "precondition failed".length() + SIZE);
    assertThat(server.rangeLog("/f.bin"))
        .containsExactly(
            "bytes=-10", "bytes=99000-", "bytes=100000-100010", "none", "none", "none");
    server.resetCounters();
    assertThat(server.requests("/f.bin")).isZero();
    assertThat(server.rangeLog("/f.bin")).isEmpty();

    // A file served through HttpByteSource too.
    try (HttpByteSource src = HttpByteSource.open(u, options().build())) {
      assertThat(src.read(70_000, 5000)).isEqualTo(slice(70_000, 5000));
    }
  }

  @Test
  void onlyHttpUrlsAreAccepted() {
    assertThatThrownBy(() -> HttpByteSource.open(URI.create("file:///tmp/a.tif")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("http and https");
    assertThatThrownBy(() -> HttpByteSource.open(URI.create("s3://bucket/a.tif")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("s3://bucket/a.tif");
  }

  @Test
  void optionsRejectBadValuesWithPreciseMessages() {
    HttpOptions.Builder b = HttpOptions.builder();
    assertThatThrownBy(() -> b.maxRetries(-1)).hasMessage("maxRetries must not be negative: -1");
    assertThatThrownBy(() -> b.requestTimeout(Duration.ZERO))
        .hasMessage("requestTimeout must be positive: PT0S");
    assertThatThrownBy(() -> b.prefetchBytes(0)).hasMessage("prefetchBytes must be at least 1: 0");
    assertThatThrownBy(() -> b.mergeGapBytes(-5))
        .hasMessage("mergeGapBytes must not be negative: -5");
    assertThatThrownBy(() -> b.maxConcurrentRequests(0))
        .hasMessage("maxConcurrentRequests must be at least 1: 0");
    assertThatThrownBy(() -> b.maxWholeBodyBytes(-1))
        .hasMessage("maxWholeBodyBytes must not be negative: -1");
    assertThatThrownBy(() -> b.headers(Map.of("Range", "bytes=0-1")))
        .hasMessageContaining("Range is set by HttpByteSource");
    assertThatThrownBy(() -> b.headers(Map.of("Host", "x")))
        .hasMessageContaining("header Host is not allowed");
    assertThatThrownBy(() -> b.initialBackoff(Duration.ofSeconds(5)).build())
        .hasMessage("initialBackoff (PT5S) must not exceed maxBackoff (PT2S)");
    HttpOptions o = HttpOptions.builder().headers(Map.of("Authorization", "Bearer secret")).build();
    assertThat(o.toString()).contains("Authorization").doesNotContain("secret");
    assertThat(HttpOptions.defaults().prefetchBytes()).isEqualTo(16_384);
    assertThat(HttpOptions.defaults().maxMergedBytes()).isEqualTo(8 << 20);
  }
}
