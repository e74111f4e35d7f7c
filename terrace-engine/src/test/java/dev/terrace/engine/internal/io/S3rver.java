package dev.terrace.engine.internal.io;

import dev.terrace.testkit.node.NodeTool;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * A local S3-compatible server: s3rver 3.7.1 from npm, on a free loopback port over a temporary
 * folder, for as long as a test class needs it.
 *
 * <p>What it checks, read from its {@code lib/middleware/authentication.js}: a signed request must
 * name a known access key ({@value #ACCESS_KEY}; any other is refused with 403 {@code
 * InvalidAccessKeyId}), carry {@code x-amz-content-sha256} and a well-formed {@code Authorization}
 * with its three parts, and be dated within 15 minutes. It does not recompute Version 4 signatures
 * ("Signature version 4 calculation is unimplemented"), so a wrong secret goes unnoticed: the
 * signatures themselves are checked against AWS's published example ({@code S3SignerTest}). A
 * request with no authentication at all is served, as a public bucket's would be.
 */
public final class S3rver implements AutoCloseable {

  /** The key pair s3rver knows (its {@code models/account.js}). */
  public static final String ACCESS_KEY = "S3RVER";

  /** The secret of {@link #ACCESS_KEY}. */
  public static final String SECRET = "S3RVER";

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private final Process process;
  private final URI endpoint;

  private S3rver(Process process, URI endpoint) {
    this.process = process;
    this.endpoint = endpoint;
  }

  /**
   * Starts a server, installing s3rver on first use.
   *
   * @param directory where it keeps buckets
   * @return the running server, or empty where npm is missing outside CI
   */
  public static Optional<S3rver> start(Path directory) throws IOException, InterruptedException {
    Optional<NodeTool> tool = NodeTool.find("s3rver", "3.7.1");
    if (tool.isEmpty()) {
      return Optional.empty();
    }
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    Process process =
        new ProcessBuilder(
                List.of(
                    tool.get().bin("s3rver").toString(),
                    "--directory",
                    directory.toString(),
                    "--port",
                    String.valueOf(port),
                    "--address",
                    "127.0.0.1",
                    "--silent"))
            .redirectErrorStream(true)
            .redirectOutput(directory.resolveSibling(directory.getFileName() + ".log").toFile())
            .start();
    S3rver server = new S3rver(process, URI.create("http://127.0.0.1:" + port));
    server.awaitListening(port);
    return Optional.of(server);
  }

  /**
   * @return {@code http://127.0.0.1:PORT}
   */
  public URI endpoint() {
    return endpoint;
  }

  /** Creates a bucket, with a signed PUT. */
  public void createBucket(String bucket) throws IOException, InterruptedException {
    put("/" + bucket, new byte[0]);
  }

  /** Stores an object, with a signed PUT. */
  public void putObject(String bucket, String key, byte[] content)
      throws IOException, InterruptedException {
    put("/" + bucket + "/" + ObjectLocation.encode(key), content);
  }

  private void put(String path, byte[] content) throws IOException, InterruptedException {
    URI uri = endpoint.resolve(path);
    SdkHttpRequest signed =
        AwsV4HttpSigner.create()
            .sign(
                r ->
                    r.request(
                            SdkHttpRequest.builder()
                                .method(SdkHttpMethod.PUT)
                                .uri(uri)
                                .putHeader("Content-Length", String.valueOf(content.length))
                                .build())
                        .payload(ContentStreamProvider.fromByteArray(content))
                        .identity(AwsCredentialsIdentity.create(ACCESS_KEY, SECRET))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1"))
            .request();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .version(HttpClient.Version.HTTP_1_1)
            .PUT(HttpRequest.BodyPublishers.ofByteArray(content));
    signed
        .headers()
        .forEach(
            (name, values) -> {
              if (!name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Content-Length")) {
                request.header(name, values.get(0));
              }
            });
    HttpResponse<String> answer =
        CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new IOException("PUT " + path + ": HTTP " + answer.statusCode() + " " + answer.body());
    }
  }

  /** Waits until the port accepts connections, or the process ends. */
  private void awaitListening(int port) throws IOException, InterruptedException {
    for (int attempt = 0; attempt < 300; attempt++) {
      if (!process.isAlive()) {
        throw new IOException("s3rver exited with " + process.exitValue());
      }
      try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
        return;
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    close();
    throw new IOException("s3rver did not listen on port " + port);
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
