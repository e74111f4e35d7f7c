package dev.terrace.engine.internal.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** How {@code s3://} and {@code gs://} locations map to the URLs they are read from. */
class S3LocationTest {

  private static final ObjectStorage AWS = ObjectStorage.defaults();
  private static final ObjectStorage LOCAL =
      new ObjectStorage(
          URI.create("http://127.0.0.1:4569"), null, false, false, null, null, null, null, null);

  private static URI url(String location, ObjectStorage storage, String region) {
    return ObjectLocation.parse(location).url(storage, region);
  }

  @Test
  void awsObjectsAreReadFromTheBucketsVirtualHostInItsRegion() {
    assertThat(url("s3://my-bucket/dem/elev.tif", AWS, "eu-west-1"))
        .hasToString("https://my-bucket.s3.eu-west-1.amazonaws.com/dem/elev.tif");
    assertThat(url("s3://my-bucket/k", AWS, "cn-north-1"))
        .hasToString("https://my-bucket.s3.cn-north-1.amazonaws.com.cn/k");
  }

  @Test
  void pathStyleOnAwsAndBucketsWithDotsPutTheBucketInThePath() {
    ObjectStorage pathStyle =
        new ObjectStorage(null, null, false, false, true, null, null, null, null);
    assertThat(url("s3://my-bucket/a.tif", pathStyle, "us-west-2"))
        .hasToString("https://s3.us-west-2.amazonaws.com/my-bucket/a.tif");
    // A virtual host's wildcard certificate covers one label only.
    assertThat(url("s3://data.example.org/a.tif", AWS, "us-east-1"))
        .hasToString("https://s3.us-east-1.amazonaws.com/data.example.org/a.tif");
  }

  @Test
  void aCustomEndpointIsPathStyleUnlessToldOtherwise() {
    assertThat(url("s3://bucket/x/y.tif", LOCAL, "us-east-1"))
        .hasToString("http://127.0.0.1:4569/bucket/x/y.tif");
    ObjectStorage hosted =
        new ObjectStorage(
            URI.create("https://minio.example.org:9000/s3/"),
            null,
            false,
            false,
            false,
            null,
            null,
            null,
            null);
    assertThat(url("s3://bucket/y.tif", hosted, "us-east-1"))
        .hasToString("https://bucket.minio.example.org:9000/s3/y.tif");
  }

  @Test
  void keysArePercentEncodedAsS3DoesKeepingSlashesAndUnreservedCharacters() {
    assertThat(url("s3://b/my dir/a+b=c&d.tif", LOCAL, "us-east-1"))
        .hasToString("http://127.0.0.1:4569/b/my%20dir/a%2Bb%3Dc%26d.tif");
    assertThat(url("s3://b/Zürich/日本~_-.tif", LOCAL, "us-east-1"))
        .hasToString("http://127.0.0.1:4569/b/Z%C3%BCrich/%E6%97%A5%E6%9C%AC~_-.tif");
    assertThat(url("s3://b/50%.tif?x#y", LOCAL, "us-east-1"))
        .hasToString("http://127.0.0.1:4569/b/50%25.tif%3Fx%23y");
  }

  @Test
  void aUrisPathIsDecodedIntoTheKeyWhereTextIsTakenAsIs() {
    assertThat(ObjectLocation.of(URI.create("s3://b/my%20dir/a%2Bb.tif")).key())
        .isEqualTo("my dir/a+b.tif");
    assertThat(ObjectLocation.parse("s3://b/my%20dir").key()).isEqualTo("my%20dir");
  }

  @Test
  void googleObjectsAreReadThroughTheXmlApiInPathStyle() {
    assertThat(url("gs://gcp-public-data/a b.tif", AWS, "auto"))
        .hasToString("https://storage.googleapis.com/gcp-public-data/a%20b.tif");
    assertThat(ObjectLocation.parse("GS://bucket_1/k").google()).isTrue();
  }

  @Test
  void theBucketUrlAsksAwssGlobalEndpoint() {
    assertThat(ObjectLocation.parse("s3://my-bucket/k").bucketUrl(AWS))
        .hasToString("https://my-bucket.s3.amazonaws.com/");
    assertThat(ObjectLocation.parse("s3://my-bucket/k").bucketUrl(LOCAL))
        .hasToString("http://127.0.0.1:4569/my-bucket/");
  }

  @Test
  void aLocationWithoutAKeyOrWithABadBucketIsRefused() {
    assertThatThrownBy(() -> ObjectLocation.parse("s3://bucket"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("s3://bucket names a bucket but no object in it");
    assertThatThrownBy(() -> ObjectLocation.parse("s3://bucket/"))
        .hasMessage("s3://bucket/ names a bucket but no object in it");
    assertThatThrownBy(() -> ObjectLocation.parse("s3://evil.com:80@x/k"))
        .hasMessage("s3://x/k: a bucket name has letters, digits, '.', '-' and '_' only");
    assertThatThrownBy(() -> ObjectLocation.parse("s3://b%2Fc/k"))
        .hasMessage("s3://b%2Fc/k: a bucket name has letters, digits, '.', '-' and '_' only");
  }
}
