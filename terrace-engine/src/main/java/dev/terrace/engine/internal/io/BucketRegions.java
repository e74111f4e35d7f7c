package dev.terrace.engine.internal.io;

import dev.terrace.engine.internal.raster.RasterIoException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which region each S3 bucket is in, for signing and for its virtual host: the one the storage
 * options give, else the one the bucket tells, else {@code AWS_REGION} or {@code
 * AWS_DEFAULT_REGION}, else {@code us-east-1}. S3 tells a bucket's region in {@code
 * x-amz-bucket-region} on any answer to a HEAD of the bucket, a 301 or a 403 included, so the HEAD
 * is sent unsigned: no region is needed to ask. What a server answered is kept for the life of the
 * process (a bucket does not move); a HEAD that got no answer is not, so that the next opening asks
 * again.
 */
final class BucketRegions {

  /** Where AWS's own tools sign when nothing else says. */
  static final String FALLBACK = "us-east-1";

  /** Google's XML API signs for this one region whatever the bucket's location. */
  static final String GOOGLE = "auto";

  private static final BucketRegions SHARED = new BucketRegions();

  /** By endpoint and bucket. */
  private final Map<String, String> known = new ConcurrentHashMap<>();

  /**
   * @return the regions of this process
   */
  static BucketRegions shared() {
    return SHARED;
  }

  /**
   * @param options the client and timeout the HEAD is sent with
   * @throws RasterIoException if interrupted while asking
   */
  String region(ObjectLocation at, ObjectStorage storage, HttpOptions options) {
    if (storage.region() != null) {
      return storage.region();
    }
    if (at.google()) {
      return GOOGLE;
    }
    URI bucket = at.bucketUrl(storage);
    String cached = known.get(bucket.toString());
    if (cached != null) {
      return cached;
    }
    Optional<String> told;
    try {
      told = ask(bucket, options);
    } catch (IOException unanswered) {
      return fromEnvironment();
    }
    String region = told.orElseGet(BucketRegions::fromEnvironment);
    known.put(bucket.toString(), region);
    return region;
  }

  /**
   * @return the region the bucket's answer names, or empty if it names none
   * @throws IOException if the server did not answer
   */
  private static Optional<String> ask(URI bucket, HttpOptions options) throws IOException {
    HttpRequest.Builder head =
        HttpRequest.newBuilder(bucket)
            .method("HEAD", HttpRequest.BodyPublishers.noBody())
            .timeout(options.requestTimeout());
    if (bucket.getScheme().equalsIgnoreCase("http")) {
      // As in RangeRequester: no h2c upgrade on plain http.
      head.version(HttpClient.Version.HTTP_1_1);
    }
    // The shared client follows redirects, and to it a 301 without Location, S3's answer for a
    // bucket in another region, is an error; a caller's own client is the caller's choice.
    HttpClient client = options.hasCustomHttpClient() ? options.httpClient() : NoRedirects.CLIENT;
    try {
      return client
          .send(head.build(), HttpResponse.BodyHandlers.discarding())
          .headers()
          .firstValue("x-amz-bucket-region")
          .filter(r -> !r.isBlank());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RasterIoException(
          "interrupted while asking where bucket " + RemoteNames.display(bucket.toString()) + " is",
          e);
    }
  }

  /** Holder idiom: built only if some bucket's region is asked. */
  private static final class NoRedirects {
    static final HttpClient CLIENT =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  private static String fromEnvironment() {
    for (String name : new String[] {"AWS_REGION", "AWS_DEFAULT_REGION"}) {
      String region = System.getenv(name);
      if (region != null && !region.isBlank()) {
        return region.strip();
      }
    }
    return FALLBACK;
  }
}
