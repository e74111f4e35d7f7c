package dev.terrace.testkit.stac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs the real validator on the documents under {@code valid/} and {@code invalid/}. */
class StacValidatorTest {

  private StacValidator stac;

  // Each test rather than the class, so that a run without Node.js counts every test as skipped.
  @BeforeEach
  void findValidator() {
    stac = StacValidator.find().orElse(null);
    assumeTrue(stac != null, "needs Node.js and npm to install stac-node-validator");
  }

  @Test
  void passesACatalogACollectionAnItemAndBothListResponses() {
    StacReport report = stac.validate(fixture("valid"));

    assertThat(report.files())
        .extracting(file -> Path.of(file.source()).getFileName().toString())
        .containsExactly(
            "catalog.json",
            "collection.json",
            "collections.json",
            "item-collection.json",
            "item.json");
    assertThat(report.files()).allSatisfy(file -> assertThat(file.messages()).isEmpty());
    assertThat(report.valid()).isTrue();
    report.assertValid();
  }

  @Test
  void failsAnItemWithoutGeometry() {
    assertInvalid("item-without-geometry.json", "must have required property 'geometry'");
  }

  @Test
  void failsAnItemWithABadDatetime() {
    assertInvalid(
        "item-with-bad-datetime.json",
        "instancePath: '/properties/datetime'",
        "must match format \"date-time\"");
  }

  @Test
  void failsACollectionWithoutExtent() {
    assertInvalid("collection-without-extent.json", "must have required property 'extent'");
  }

  @Test
  void failsAnItemWithABadRasterBand() {
    assertInvalid(
        "item-with-bad-raster-band.json",
        "--- https://stac-extensions.github.io/raster/v1.1.0/schema.json: invalid",
        "instancePath: '/assets/data/raster:bands/0/data_type'");
  }

  @Test
  void failsAnItemCollectionWithABadItem() {
    assertInvalid("item-collection-with-bad-item.json", "must have required property 'datetime'");
  }

  @Test
  void failsAnItemCollectionWithABadTopLevel() {
    assertInvalid(
        "item-collection-with-bad-shape.json",
        "ItemCollection: 'type' must be \"FeatureCollection\", not \"Feature\"",
        "ItemCollection: links[1] must have a string 'href'");
  }

  @Test
  void failsRatherThanFetchAnExtensionSchemaThatIsNotVendored() {
    assertInvalid(
        "item-with-unvendored-extension.json",
        "Schema at 'https://stac-extensions.github.io/eo/v1.1.0/schema.json' not found");
  }

  @Test
  void reportsEachFileOfARunOnItsOwn() {
    Path item = fixture("valid/item.json");
    Path broken = fixture("invalid/collection-without-extent.json");
    Path collection = fixture("valid/collection.json");

    StacReport report = stac.validate(List.of(item, broken, collection));

    assertThat(report.files()).extracting(FileReport::valid).containsExactly(true, false, true);
    assertThat(report.file(broken.toString()).messages())
        .contains("--- Collection: invalid")
        .noneMatch(line -> line.contains("valid/"));
    assertThat(report.valid()).isFalse();
    assertThatThrownBy(report::assertValid)
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("1 of 3 STAC files are invalid:\n" + broken + ":\n")
        .hasMessageContaining("must have required property 'extent'");
  }

  @Test
  void validatesJsonTextsUnderTheirNames() throws IOException {
    String item = Files.readString(fixture("valid/item.json"));
    String broken = Files.readString(fixture("invalid/item-without-geometry.json"));

    StacReport report = stac.validateJson(Map.of("search.json", broken, "item.json", item));

    assertThat(report.files())
        .extracting(FileReport::source)
        .containsExactly("item.json", "search.json");
    assertThat(report.file("item.json").valid()).isTrue();
    assertThat(report.file("search.json").valid()).isFalse();
    assertThatThrownBy(report::assertValid)
        .hasMessageContaining("search.json:\n  --- Item: invalid");
  }

  @Test
  void refusesAFolderInAListOfFiles() {
    Path folder = fixture("valid");

    assertThatThrownBy(() -> stac.validate(List.of(folder)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a folder, not a file: " + folder);
  }

  @Test
  void refusesANameOutsideTheTemporaryFolder() {
    assertThatThrownBy(() -> stac.validateJson(Map.of("../item.json", "{}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a plain file name: ../item.json");
  }

  private void assertInvalid(String name, String... expected) {
    StacReport report = stac.validate(fixture("invalid/" + name));

    FileReport file = report.files().getFirst();
    assertThat(file.valid()).isFalse();
    assertThat(String.join("\n", file.messages())).contains(expected);
  }

  private static Path fixture(String path) {
    try {
      return Path.of(StacValidatorTest.class.getResource(path).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
