package dev.terrace.engine.internal.io;

import dev.terrace.engine.internal.raster.RasterIoException;
import java.net.URI;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Opens objects of S3, of S3-compatible servers and of Google Cloud Storage ({@code
 * s3://bucket/key}, {@code gs://bucket/key}) as {@link HttpByteSource}s: the same ranged GETs,
 * merging, retries, hedges and breakers as any URL, each attempt signed with AWS Signature Version
 * 4 unless the storage is {@linkplain ObjectStorage#anonymous() anonymous}. Messages name the
 * object by its location, never by its URL or keys.
 */
public final class ObjectStore {

  private ObjectStore() {}

  /**
   * @param location any path or URL
   * @return whether it is an {@code s3://} or {@code gs://} location
   */
  public static boolean isObject(String location) {
    return ObjectLocation.isObject(location);
  }

  /**
   * @param location {@code s3://bucket/key} or {@code gs://bucket/key}, as people write it
   * @return how messages name it: the location without any query
   * @throws IllegalArgumentException if the location is not an object's
   */
  public static String name(String location) {
    return RemoteNames.display(ObjectLocation.parse(location).toString());
  }

  /**
   * Opens an object written as people write it: the key after the bucket is taken as is, not
   * percent-decoded ({@code s3://b/a b.tif}).
   *
   * @param location {@code s3://bucket/key} or {@code gs://bucket/key}
   * @param storage the endpoint, region and credentials
   * @param options how to talk HTTP; its signer is replaced
   * @return an open source; close it when done
   * @throws IllegalArgumentException if the location is not an object's
   * @throws dev.terrace.engine.internal.raster.RasterNotFoundException if there is no such object
   * @throws RasterIoException if it cannot be read otherwise: access denied, no credentials
   */
  public static HttpByteSource open(String location, ObjectStorage storage, HttpOptions options) {
    return open(ObjectLocation.parse(location), storage, options);
  }

  /**
   * Opens an object named by a URI, whose path is percent-decoded ({@code s3://b/a%20b.tif} is the
   * key {@code a b.tif}).
   *
   * @see #open(String, ObjectStorage, HttpOptions)
   */
  public static HttpByteSource open(URI location, ObjectStorage storage, HttpOptions options) {
    return open(ObjectLocation.of(location), storage, options);
  }

  private static HttpByteSource open(
      ObjectLocation at, ObjectStorage storage, HttpOptions options) {
    String name = RemoteNames.display(at.toString());
    AwsCredentialsProvider credentials;
    try {
      credentials = StorageCredentials.of(at, storage);
    } catch (IllegalStateException none) {
      throw new RasterIoException(name + ": " + none.getMessage());
    }
    String region = BucketRegions.shared().region(at, storage, options);
    HttpOptions.Builder signed =
        options.toBuilder().signer(credentials == null ? null : new AwsSigner(credentials, region));
    if (storage.requesterPays()) {
      Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      headers.putAll(options.headers());
      headers.put("x-amz-request-payer", "requester");
      signed.headers(headers);
    }
    return HttpByteSource.open(at.url(storage, region), name, signed.build());
  }
}
