package dev.terrace.engine.internal.io;

import java.net.URI;
import java.util.Locale;

/**
 * How to reach the objects of {@code s3://} and {@code gs://} locations: the catalog's {@code
 * storage} of a provider, or the defaults.
 *
 * <p>Credentials: keys given here win; without them an {@code s3://} object is signed with what the
 * AWS SDK's default chain finds (environment, system properties, the profile file, web identity,
 * container and instance roles), a {@code gs://} one with the HMAC key in {@code
 * GOOGLE_HMAC_ACCESS_ID} and {@code GOOGLE_HMAC_SECRET}. When nothing is found the read fails with
 * a message saying so: it is not sent unsigned, since a private bucket would then answer a bare
 * "access denied" that hides the missing credentials; a public bucket says {@code anonymous}.
 * Prefer the environment to keys written here, which sit in a file in clear.
 *
 * @param endpoint an S3-compatible server ({@code http://127.0.0.1:9000}, a MinIO, Ceph or R2
 *     endpoint), or null for AWS (and Google for {@code gs://})
 * @param region the region to sign for, or null to ask the bucket ({@code x-amz-bucket-region}),
 *     else {@code AWS_REGION} or {@code AWS_DEFAULT_REGION}, else {@code us-east-1}
 * @param anonymous true to send requests unsigned, for public buckets
 * @param requesterPays true to send {@code x-amz-request-payer: requester}, for buckets whose reads
 *     the reader pays
 * @param pathStyle true for {@code ENDPOINT/bucket/key}, false for {@code bucket.ENDPOINT/key};
 *     null for the default: path style with an endpoint, virtual hosts on AWS
 * @param profile the AWS profile to take credentials from, or null for {@code AWS_PROFILE} or
 *     {@code default}
 * @param accessKeyId a static access key id, or null
 * @param secretAccessKey its secret, given with the key id and only with it
 * @param sessionToken a session token for temporary keys, or null
 */
public record ObjectStorage(
    URI endpoint,
    String region,
    boolean anonymous,
    boolean requesterPays,
    Boolean pathStyle,
    String profile,
    String accessKeyId,
    String secretAccessKey,
    String sessionToken) {

  private static final ObjectStorage DEFAULTS =
      new ObjectStorage(null, null, false, false, null, null, null, null, null);

  /**
   * @throws IllegalArgumentException if the endpoint is not an http(s) URL with a host and nothing
   *     after its path, a key is given without its secret or the other way round, keys are given
   *     for anonymous reads, or a text is blank
   */
  public ObjectStorage {
    if (endpoint != null) {
      String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme();
      require(
          (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
              && endpoint.getHost() != null
              && endpoint.getRawQuery() == null
              && endpoint.getRawFragment() == null
              && endpoint.getRawUserInfo() == null,
          "endpoint must be an http or https URL with a host and no query: "
              + RemoteNames.display(endpoint.toString()));
    }
    requireNotBlank(region, "region");
    requireNotBlank(profile, "profile");
    requireNotBlank(accessKeyId, "access key id");
    requireNotBlank(secretAccessKey, "secret access key");
    requireNotBlank(sessionToken, "session token");
    require(
        (accessKeyId == null) == (secretAccessKey == null),
        "an access key id and its secret are given together");
    require(sessionToken == null || accessKeyId != null, "a session token needs its access key");
    require(
        !anonymous || accessKeyId == null && profile == null,
        "anonymous reads take no credentials");
  }

  /**
   * @return no endpoint, region, keys or profile: AWS and Google, credentials from the environment
   */
  public static ObjectStorage defaults() {
    return DEFAULTS;
  }

  /**
   * @return whether objects are addressed {@code ENDPOINT/bucket/key}
   */
  boolean usesPathStyle() {
    return pathStyle != null ? pathStyle : endpoint != null;
  }

  /**
   * Describes the options without their keys, so that it may be logged.
   *
   * @return the endpoint, region and flags, and where the credentials come from
   */
  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "ObjectStorage[endpoint=%s, region=%s, anonymous=%s, requesterPays=%s, pathStyle=%s,"
            + " profile=%s, credentials=%s]",
        endpoint == null ? null : RemoteNames.display(endpoint.toString()),
        region,
        anonymous,
        requesterPays,
        pathStyle,
        profile,
        anonymous ? "none" : accessKeyId != null ? "given" : "environment");
  }

  private static void requireNotBlank(String value, String what) {
    require(value == null || !value.isBlank(), what + " must not be blank");
  }

  private static void require(boolean ok, String problem) {
    if (!ok) {
      throw new IllegalArgumentException(problem);
    }
  }
}
