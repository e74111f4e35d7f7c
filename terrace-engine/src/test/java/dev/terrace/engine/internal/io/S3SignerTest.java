package dev.terrace.engine.internal.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The signatures, checked against the example of AWS's "Signature Calculations for the
 * Authorization Header" (Amazon S3 API reference): GET /test.txt with {@code Range: bytes=0-9} from
 * {@code examplebucket} on 24 May 2013, whose published signature is {@code f0e8bdb8…}.
 */
class S3SignerTest {

  private static final Clock MAY_24_2013 =
      Clock.fixed(Instant.parse("2013-05-24T00:00:00Z"), ZoneOffset.UTC);
  private static final URI EXAMPLE = URI.create("https://examplebucket.s3.amazonaws.com/test.txt");
  private static final String KEY = "AKIAIOSFODNN7EXAMPLE";
  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

  @Test
  void signsAsAwssPublishedExample() {
    AwsSigner signer =
        new AwsSigner(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY, SECRET)),
            "us-east-1",
            MAY_24_2013);
    Map<String, String> added = signer.sign(EXAMPLE, Map.of("Range", "bytes=0-9"));
    assertThat(added)
        .containsOnlyKeys("Authorization", "X-Amz-Date", "x-amz-content-sha256")
        .containsEntry("X-Amz-Date", "20130524T000000Z")
        .containsEntry(
            "x-amz-content-sha256",
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        .containsEntry(
            "Authorization",
            "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,"
                + " SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,"
                + " Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
  }

  @Test
  void temporaryKeysSendTheirSessionTokenAndEveryAmzHeaderIsSigned() {
    AwsSigner signer =
        new AwsSigner(
            StaticCredentialsProvider.create(AwsSessionCredentials.create(KEY, SECRET, "TOKEN")),
            "eu-central-1",
            MAY_24_2013);
    Map<String, String> added =
        signer.sign(EXAMPLE, Map.of("Range", "bytes=0-9", "x-amz-request-payer", "requester"));
    assertThat(added).containsEntry("X-Amz-Security-Token", "TOKEN");
    assertThat(added.get("Authorization"))
        .contains("/20130524/eu-central-1/s3/aws4_request")
        .contains(
            "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date;x-amz-request-payer;"
                + "x-amz-security-token,");
  }

  @Test
  void noCredentialsIsAFailureThatNamesWhereTheyWereLookedFor() {
    AwsSigner signer =
        new AwsSigner(
            () -> {
              throw software.amazon.awssdk.core.exception.SdkClientException.create(
                  "Unable to load credentials");
            },
            "us-east-1");
    assertThatThrownBy(() -> signer.sign(EXAMPLE, Map.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("no AWS credentials found (environment, system properties,")
        .hasMessageEndingWith("for a public bucket set storage.anonymous")
        .hasNoCause();
  }

  @Test
  void aUrlThatCarriesItsOwnSignatureIsNotSignedAgain() {
    assertThat(RequestSigner.signedByUrl(URI.create("https://h/k?X-Amz-Signature=ab&x=1")))
        .isTrue();
    assertThat(RequestSigner.signedByUrl(URI.create("https://h/k?a=1&X-Goog-Signature=ab")))
        .isTrue();
    assertThat(
            RequestSigner.signedByUrl(URI.create("https://a.blob.core.windows.net/c/k?sv=1&sig=x")))
        .isTrue();
    assertThat(RequestSigner.signedByUrl(URI.create("https://h/k?signature=x"))).isFalse();
    assertThat(RequestSigner.signedByUrl(URI.create("https://h/k"))).isFalse();
  }
}
