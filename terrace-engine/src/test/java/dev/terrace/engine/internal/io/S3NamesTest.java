package dev.terrace.engine.internal.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * What messages show of a remote source: never a URL's query or user info, an object store's key
 * id, or the storage options' secrets.
 */
class S3NamesTest {

  @Test
  void aUrlIsShownWithoutItsQueryFragmentOrUserInfo() {
    assertThat(
            RemoteNames.display(
                "https://b.s3.amazonaws.com/k.tif?X-Amz-Credential=AKIA%2F&X-Amz-Signature=ab"))
        .isEqualTo("https://b.s3.amazonaws.com/k.tif");
    assertThat(RemoteNames.display("https://acct.blob.core.windows.net/c/k.tif?sv=1&sig=x#f"))
        .isEqualTo("https://acct.blob.core.windows.net/c/k.tif");
    assertThat(RemoteNames.display("https://user:pa%40ss@host:8443/k.tif"))
        .isEqualTo("https://host:8443/k.tif");
    assertThat(RemoteNames.display("https://user@host")).isEqualTo("https://host");
    assertThat(RemoteNames.display("s3://bucket/a b.tif")).isEqualTo("s3://bucket/a b.tif");
    assertThat(RemoteNames.display("/data/a@b.tif")).isEqualTo("/data/a@b.tif");
  }

  @Test
  void anObjectStoresXmlErrorKeepsItsCodeAndMessageOnly() {
    assertThat(
            ErrorBodyCollector.shown(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?> <Error><Code>SignatureDoesNotMatch</Code>"
                    + "<Message>The request signature we calculated does not match.</Message>"
                    + "<AWSAccessKeyId>AKIAEXAMPLE</AWSAccessKeyId><StringToSign>AWS4</StringToSign>"
                    + "</Error>"))
        .isEqualTo("SignatureDoesNotMatch: The request signature we calculated does not match.");
    assertThat(ErrorBodyCollector.shown("<Error><Code>AccessDenied</Code></Error>"))
        .isEqualTo("AccessDenied");
    assertThat(ErrorBodyCollector.shown("upstream timed out")).isEqualTo("upstream timed out");
  }

  @Test
  void storageOptionsNeverShowTheirKeys() {
    ObjectStorage storage =
        new ObjectStorage(
            URI.create("http://127.0.0.1:9000"),
            "eu-west-1",
            false,
            true,
            null,
            null,
            "AKIAEXAMPLEKEY",
            "secret/EXAMPLE",
            "session-token");
    assertThat(storage)
        .hasToString(
            "ObjectStorage[endpoint=http://127.0.0.1:9000, region=eu-west-1, anonymous=false,"
                + " requesterPays=true, pathStyle=null, profile=null, credentials=given]");
  }

  @Test
  void storageOptionsThatContradictThemselvesAreRefused() {
    assertThatThrownBy(
            () -> new ObjectStorage(null, null, false, false, null, null, "AKIA", null, null))
        .hasMessage("an access key id and its secret are given together");
    assertThatThrownBy(
            () -> new ObjectStorage(null, null, true, false, null, null, "AKIA", "s", null))
        .hasMessage("anonymous reads take no credentials");
    assertThatThrownBy(
            () ->
                new ObjectStorage(
                    URI.create("ftp://h/"), null, false, false, null, null, null, null, null))
        .hasMessage("endpoint must be an http or https URL with a host and no query: ftp://h/");
  }

  @Test
  void aGoogleObjectWithoutAnHmacKeyFailsSayingWhereToPutOne() {
    // Runs only where the environment has no key, as on CI and developers' machines.
    org.junit.jupiter.api.Assumptions.assumeTrue(
        System.getenv(StorageCredentials.GOOGLE_ACCESS_ID) == null);
    assertThatThrownBy(
            () ->
                ObjectStore.open(
                    "gs://bucket/a.tif", ObjectStorage.defaults(), HttpOptions.defaults()))
        .isInstanceOf(dev.terrace.engine.internal.raster.RasterIoException.class)
        .hasMessage(
            "gs://bucket/a.tif: no HMAC key for bucket: set GOOGLE_HMAC_ACCESS_ID and"
                + " GOOGLE_HMAC_SECRET, or storage.anonymous for a public bucket");
  }
}
