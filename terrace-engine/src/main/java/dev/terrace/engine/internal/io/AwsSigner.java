package dev.terrace.engine.internal.io;

import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;

/**
 * Signs S3 GETs with AWS Signature Version 4, as the SDK's own S3 client does: service {@code s3},
 * the bucket's region, the path neither normalized nor encoded twice, and the hash of the empty
 * body in {@code x-amz-content-sha256} (which S3 requires, and which needs no TLS to be safe,
 * unlike {@code UNSIGNED-PAYLOAD}). Google's XML API accepts the same with an HMAC key and region
 * {@code auto}.
 */
final class AwsSigner implements RequestSigner {

  private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

  private final AwsCredentialsProvider credentials;
  private final String region;
  private final Clock clock;

  /**
   * @param clock the time signatures are made at; a fixed one reproduces published examples
   */
  AwsSigner(AwsCredentialsProvider credentials, String region, Clock clock) {
    this.credentials = credentials;
    this.region = region;
    this.clock = clock;
  }

  AwsSigner(AwsCredentialsProvider credentials, String region) {
    this(credentials, region, Clock.systemUTC());
  }

  /**
   * @throws IllegalStateException if no credentials are found; the message says where they were
   *     looked for and carries no key
   */
  @Override
  public Map<String, String> sign(URI uri, Map<String, String> headers) {
    AwsCredentials identity;
    try {
      identity = credentials.resolveCredentials();
    } catch (SdkClientException e) {
      // Neither its message nor the exception is passed on: the chain describes what it read,
      // which should stay out of logs.
      throw new IllegalStateException(
          "no AWS credentials found (environment, system properties, profile, web identity,"
              + " container or instance role); for a public bucket set storage.anonymous");
    }
    SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(SdkHttpMethod.GET).uri(uri);
    headers.forEach(request::putHeader);
    SdkHttpRequest signed =
        SIGNER
            .sign(
                r ->
                    r.request(request.build())
                        .identity(identity)
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                        .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                        .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                        .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, true)
                        .putProperty(HttpSigner.SIGNING_CLOCK, clock))
            .request();
    Map<String, String> added = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    signed.headers().forEach((name, values) -> added.put(name, values.get(0)));
    headers.keySet().forEach(added::remove);
    // The HTTP client writes Host itself, from the same URL the signature covers.
    added.remove("Host");
    return added;
  }

  @Override
  public String toString() {
    return "AwsSigner[region=" + region + "]";
  }
}
