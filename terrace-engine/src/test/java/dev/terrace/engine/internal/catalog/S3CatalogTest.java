package dev.terrace.engine.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.terrace.api.ExtractRequest;
import dev.terrace.api.ExtractResponse;
import dev.terrace.api.ExtractResult;
import dev.terrace.api.Quality;
import dev.terrace.api.geojson.Geometry;
import dev.terrace.api.geojson.Point;
import dev.terrace.api.geojson.Polygon;
import dev.terrace.engine.Terrace;
import dev.terrace.engine.internal.geotiff.GeoTiff;
import dev.terrace.engine.internal.io.HttpOptions;
import dev.terrace.engine.internal.io.ObjectStorage;
import dev.terrace.engine.internal.io.S3rver;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rasters in a bucket of a local S3-compatible server (s3rver, see {@link S3rver}) read through the
 * catalog as {@code s3://} paths give the values the same files give as local paths, to the bit;
 * wrong keys and missing objects give {@code missing} results whose warnings name the object and
 * never a key.
 */
class S3CatalogTest {

  private static final String BUCKET = "rasters";

  /** With a space and a '+', which S3 percent-encodes and the signature covers encoded. */
  private static final String KEY = "lux/elev lux+1.tif";

  private static final String WRONG_KEY_ID = "AKIAWRONGKEY00000000";
  private static final String WRONG_SECRET = "wrongSecretNobodyHas/0123456789abcdefghij";

  /** gdallocationinfo -wgs84 elev_lux.tif 6.13 49.61 reads 300. */
  private static final List<Geometry> GEOMETRIES =
      List.of(
          Point.of(6.13, 49.61),
          Point.of(6.0262083180620785, 49.60306260768918),
          Point.of(6.2, 49.8),
          Polygon.of(
              new double[] {5.9, 49.5},
              new double[] {6.3, 49.5},
              new double[] {6.3, 49.9},
              new double[] {5.9, 49.9},
              new double[] {5.9, 49.5}));

  @TempDir static Path dir;
  private static S3rver server;
  private static byte[] tiff;

  @BeforeAll
  static void startServer() throws Exception {
    Files.createDirectories(dir.resolve("s3"));
    Optional<S3rver> started = S3rver.start(dir.resolve("s3"));
    assumeTrue(started.isPresent(), "npm is not installed");
    server = started.get();
    tiff =
        S3CatalogTest.class
            .getResourceAsStream("/dev/terrace/engine/samples/elev_lux.tif")
            .readAllBytes();
    Files.write(dir.resolve("elev.tif"), tiff);
    server.createBucket(BUCKET);
    server.putObject(BUCKET, KEY, tiff);
    for (String key : List.of("denied/options.tif", "denied/chain.tif", "chain/elev.tif")) {
      server.putObject(BUCKET, key, tiff);
    }
    server.putObject(BUCKET, "side/elev.tif", tiff);
    server.putObject(
        BUCKET,
        "side/elev.tif.aux.xml",
        """
        <PAMDataset><PAMRasterBand band="1"><Offset>1</Offset><Scale>2</Scale></PAMRasterBand>
        </PAMDataset>"""
            .getBytes(StandardCharsets.UTF_8));
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  /** Extracts every geometry from the one dataset {@code s:dem} of a catalog. */
  private static List<ExtractResponse> extract(String storage, String dataset) throws Exception {
    Path catalog = Files.createTempFile(dir, "catalog", ".json");
    Files.writeString(
        catalog,
        """
        {"providers": [{"slug": "s", "protocol": "cog", %s "datasets": [%s]}]}"""
            .formatted(storage.isEmpty() ? "" : "\"storage\": " + storage + ",", dataset));
    List<ExtractResponse> out = new ArrayList<>();
    try (Terrace terrace = Terrace.embedded(catalog)) {
      for (Geometry g : GEOMETRIES) {
        out.add(terrace.extract(ExtractRequest.of(g, "s:dem")));
      }
    }
    return out;
  }

  private static String signedStorage(String keyId, String secret) {
    return """
        {"endpoint": "%s", "region": "us-east-1", "access_key_id": "%s",
         "secret_access_key": "%s"}"""
        .formatted(server.endpoint(), keyId, secret);
  }

  private static List<Double> values(List<ExtractResponse> responses) {
    return responses.stream().map(r -> r.results().get(0).number().orElseThrow()).toList();
  }

  private static List<Double> local() throws Exception {
    return values(extract("", "{\"name\": \"dem\", \"path\": \"elev.tif\"}"));
  }

  @Test
  void signedReadsGiveTheLocalFilesValuesToTheBit() throws Exception {
    List<Double> local = local();
    List<Double> remote =
        values(
            extract(
                signedStorage(S3rver.ACCESS_KEY, S3rver.SECRET),
                "{\"name\": \"dem\", \"path\": \"s3://" + BUCKET + "/" + KEY + "\"}"));
    assertThat(local.get(0)).isEqualTo(300.0);
    assertThat(remote).hasSize(4);
    for (int i = 0; i < local.size(); i++) {
      assertThat(Double.doubleToRawLongBits(remote.get(i)))
          .as("geometry %d", i)
          .isEqualTo(Double.doubleToRawLongBits(local.get(i)));
    }
  }

  @Test
  void keysFromTheDefaultChainSignToo() throws Exception {
    // System properties come first in the SDK's default chain, and unlike the environment a test
    // can set them; the same chain reads AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.
    String storage = "{\"endpoint\": \"" + server.endpoint() + "\", \"region\": \"us-east-1\"}";
    String dataset = "{\"name\": \"dem\", \"path\": \"s3://" + BUCKET + "/chain/elev.tif\"}";
    System.setProperty("aws.accessKeyId", S3rver.ACCESS_KEY);
    System.setProperty("aws.secretAccessKey", S3rver.SECRET);
    try {
      assertThat(values(extract(storage, dataset))).isEqualTo(local());
    } finally {
      System.clearProperty("aws.accessKeyId");
      System.clearProperty("aws.secretAccessKey");
    }
  }

  @Test
  void wrongKeysInTheOptionsGiveMissingResultsNamingTheObjectButNoKey() throws Exception {
    ExtractResponse r =
        extract(
                signedStorage(WRONG_KEY_ID, WRONG_SECRET),
                "{\"name\": \"dem\", \"path\": \"s3://" + BUCKET + "/denied/options.tif\"}")
            .get(0);
    assertDeniedWithoutKeys(r, "denied/options.tif");
  }

  @Test
  void wrongKeysFromTheDefaultChainGiveMissingResultsNamingTheObjectButNoKey() throws Exception {
    String storage = "{\"endpoint\": \"" + server.endpoint() + "\"}";
    System.setProperty("aws.accessKeyId", WRONG_KEY_ID);
    System.setProperty("aws.secretAccessKey", WRONG_SECRET);
    try {
      ExtractResponse r =
          extract(
                  storage,
                  "{\"name\": \"dem\", \"path\": \"s3://" + BUCKET + "/denied/chain.tif\"}")
              .get(0);
      assertDeniedWithoutKeys(r, "denied/chain.tif");
    } finally {
      System.clearProperty("aws.accessKeyId");
      System.clearProperty("aws.secretAccessKey");
    }
  }

  private static void assertDeniedWithoutKeys(ExtractResponse r, String key) {
    ExtractResult result = r.results().get(0);
    assertThat(result.quality()).isEqualTo(Quality.MISSING);
    assertThat(result.number()).isEmpty();
    assertThat(r.warnings())
        .singleElement()
        .asString()
        .startsWith("s:dem: access denied (HTTP 403) to s3://" + BUCKET + "/" + key)
        .contains("InvalidAccessKeyId")
        .doesNotContain(WRONG_KEY_ID)
        .doesNotContain(WRONG_SECRET)
        .doesNotContain("127.0.0.1");
  }

  @Test
  void anAnonymousReadOfAPublicBucketSignsNothing() throws Exception {
    String storage = "{\"endpoint\": \"" + server.endpoint() + "\", \"anonymous\": true}";
    assertThat(
            values(
                extract(
                    storage, "{\"name\": \"dem\", \"path\": \"s3://" + BUCKET + "/" + KEY + "\"}")))
        .isEqualTo(local());
  }

  @Test
  void aMissingObjectIsAMissingResultNamingIt() throws Exception {
    ExtractResponse r =
        extract(
                signedStorage(S3rver.ACCESS_KEY, S3rver.SECRET),
                "{\"name\": \"dem\", \"path\": \"s3://" + BUCKET + "/no/such.tif\"}")
            .get(0);
    assertThat(r.results().get(0).quality()).isEqualTo(Quality.MISSING);
    assertThat(r.warnings()).containsExactly("s:dem: not found: s3://rasters/no/such.tif");
  }

  @Test
  void sidecarsBesideAnObjectAreReadThroughTheSameSigning() throws Exception {
    String dataset =
        "{\"name\": \"dem\", \"path\": \"s3://" + BUCKET + "/side/elev.tif\", \"sidecars\": true}";
    // The sidecar's scale 2 and offset 1: 300 becomes 601.
    assertThat(
            extract(signedStorage(S3rver.ACCESS_KEY, S3rver.SECRET), dataset)
                .get(0)
                .results()
                .get(0)
                .number())
        .hasValue(601.0);
  }

  @Test
  void geoTiffOpensAnS3Uri() {
    ObjectStorage storage =
        new ObjectStorage(
            server.endpoint(),
            "us-east-1",
            false,
            false,
            null,
            null,
            S3rver.ACCESS_KEY,
            S3rver.SECRET,
            null);
    try (GeoTiff remote =
            GeoTiff.open(
                URI.create("s3://" + BUCKET + "/lux/elev%20lux+1.tif"),
                HttpOptions.defaults(),
                storage);
        GeoTiff local = GeoTiff.open(dir.resolve("elev.tif"))) {
      assertThat(remote.name()).isEqualTo("s3://" + BUCKET + "/" + KEY);
      assertThat(remote.grid()).isEqualTo(local.grid());
      assertThat(remote.toString()).doesNotContain(S3rver.SECRET).doesNotContain("127.0.0.1");
    }
  }
}
