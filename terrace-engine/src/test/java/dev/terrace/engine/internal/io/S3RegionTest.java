package dev.terrace.engine.internal.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Against a scripted loopback server standing in for S3: which region an object is signed for when
 * the options name none (what the bucket's {@code x-amz-bucket-region} says, asked once per
 * bucket), and what a requester-pays read sends.
 */
@Timeout(10)
class S3RegionTest {

  private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d+)");
  private static final byte[] CONTENT = new byte[1000];

  private HttpServer server;

  /** Per bucket: the status and region its HEAD answers with; an empty region sends no header. */
  private final Map<String, Map.Entry<Integer, String>> buckets = new ConcurrentHashMap<>();

  private final List<String> heads = new CopyOnWriteArrayList<>();
  private final List<Headers> gets = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    for (int i = 0; i < CONTENT.length; i++) {
      CONTENT[i] = (byte) i;
    }
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::answer);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void answer(HttpExchange ex) throws IOException {
    try (ex) {
      String[] path = ex.getRequestURI().getPath().substring(1).split("/", 2);
      if (ex.getRequestMethod().equals("HEAD")) {
        heads.add(path[0]);
        Map.Entry<Integer, String> told = buckets.get(path[0]);
        if (!told.getValue().isEmpty()) {
          ex.getResponseHeaders().add("x-amz-bucket-region", told.getValue());
        }
        ex.sendResponseHeaders(told.getKey(), -1);
        return;
      }
      gets.add(ex.getRequestHeaders());
      Matcher m = RANGE.matcher(ex.getRequestHeaders().getFirst("Range"));
      m.matches();
      int first = Integer.parseInt(m.group(1));
      int last = Math.min(Integer.parseInt(m.group(2)), CONTENT.length - 1);
      ex.getResponseHeaders()
          .add("Content-Range", "bytes " + first + "-" + last + "/" + CONTENT.length);
      ex.sendResponseHeaders(206, last - first + 1);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(CONTENT, first, last - first + 1);
      }
    }
  }

  private ObjectStorage storage(String region, boolean requesterPays) {
    return new ObjectStorage(
        URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
        region,
        false,
        requesterPays,
        null,
        null,
        "AKIDEXAMPLE",
        "SECRETEXAMPLE",
        null);
  }

  private String signedRegion(String location, ObjectStorage storage) {
    try (HttpByteSource source = ObjectStore.open(location, storage, HttpOptions.defaults())) {
      assertThat(source.read(0, 10)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
      assertThat(source.name()).isEqualTo(location);
    }
    String authorization = gets.get(gets.size() - 1).getFirst("Authorization");
    Matcher scope =
        Pattern.compile("Credential=AKIDEXAMPLE/\\d{8}/([^/]+)/s3/").matcher(authorization);
    assertThat(scope.find()).as(authorization).isTrue();
    return scope.group(1);
  }

  @Test
  void theRegionABucketTellsOnA403IsSignedForAndAskedOnce() {
    buckets.put("paris", Map.entry(403, "eu-west-3"));
    assertThat(signedRegion("s3://paris/a.tif", storage(null, false))).isEqualTo("eu-west-3");
    assertThat(signedRegion("s3://paris/b.tif", storage(null, false))).isEqualTo("eu-west-3");
    assertThat(heads).containsExactly("paris");
  }

  @Test
  void aRedirectTellsTheRegionToo() {
    buckets.put("oregon", Map.entry(301, "us-west-2"));
    assertThat(signedRegion("s3://oregon/a.tif", storage(null, false))).isEqualTo("us-west-2");
  }

  @Test
  void aBucketThatTellsNothingIsSignedForTheEnvironmentsRegion() {
    buckets.put("quiet", Map.entry(200, ""));
    String expected =
        System.getenv("AWS_REGION") != null
            ? System.getenv("AWS_REGION")
            : System.getenv("AWS_DEFAULT_REGION") != null
                ? System.getenv("AWS_DEFAULT_REGION")
                : "us-east-1";
    assertThat(signedRegion("s3://quiet/a.tif", storage(null, false))).isEqualTo(expected);
  }

  @Test
  void theOptionsRegionIsUsedWithoutAsking() {
    assertThat(signedRegion("s3://any/a.tif", storage("ap-south-1", false)))
        .isEqualTo("ap-south-1");
    assertThat(heads).isEmpty();
  }

  @Test
  void aRequesterPaysReadSendsTheHeaderAndSignsIt() {
    signedRegion("s3://any/a.tif", storage("us-east-1", true));
    Headers sent = gets.get(0);
    assertThat(sent.getFirst("x-amz-request-payer")).isEqualTo("requester");
    assertThat(sent.getFirst("Authorization"))
        .contains("SignedHeaders=host;range;x-amz-content-sha256;x-amz-date;x-amz-request-payer,");
    assertThat(sent.getFirst("x-amz-content-sha256"))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  @Test
  void everyAttemptIsSignedAnew() {
    try (HttpByteSource source =
        ObjectStore.open(
            "s3://any/a.tif",
            storage("us-east-1", false),
            HttpOptions.builder().prefetchBytes(10).build())) {
      source.read(500, 10);
    }
    assertThat(gets).hasSize(2);
    assertThat(gets.get(0).getFirst("Range")).isEqualTo("bytes=0-9");
    assertThat(gets.get(1).getFirst("Range")).isEqualTo("bytes=500-509");
    // Each signature covers its own Range header.
    assertThat(gets.get(0).getFirst("Authorization"))
        .isNotEqualTo(gets.get(1).getFirst("Authorization"));
  }
}
