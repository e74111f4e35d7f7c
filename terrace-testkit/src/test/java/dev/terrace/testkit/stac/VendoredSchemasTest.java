package dev.terrace.testkit.stac;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class VendoredSchemasTest {

  @Test
  void eachSchemaIsAtItsOwnUrl() throws IOException {
    for (String path : VendoredSchemas.PATHS) {
      Object schema = JsonReader.read(Files.readString(resources().resolve(path)));

      String id = (String) ((Map<?, ?>) schema).get("$id");
      assertThat(id).as(path).isIn("https://" + path, "https://" + path + "#");
    }
  }

  @Test
  void everyVendoredSchemaIsListedAndDescribedInTheReadme() throws IOException {
    Path resources = resources();
    List<String> files;
    try (Stream<Path> walk = Files.walk(resources)) {
      files =
          walk.filter(path -> path.toString().endsWith(".json"))
              .map(path -> resources.relativize(path).toString())
              .toList();
    }
    String readme = Files.readString(resources.resolve("README.md"));

    assertThat(files).containsExactlyInAnyOrderElementsOf(VendoredSchemas.PATHS);
    for (String path : VendoredSchemas.PATHS) {
      assertThat(readme).as(path).contains("`" + path + "`");
    }
  }

  @Test
  void mapsEachUrlToAnExtractedCopy() throws IOException {
    String[] entries = VendoredSchemas.extract().schemaMap().split(";");

    assertThat(entries).hasSize(VendoredSchemas.PATHS.size());
    for (int i = 0; i < entries.length; i++) {
      String path = VendoredSchemas.PATHS.get(i);
      String[] urlAndFile = entries[i].split("=");
      assertThat(urlAndFile[0]).isEqualTo("https://" + path);
      assertThat(Path.of(urlAndFile[1])).endsWith(Path.of(path));
      assertThat(Files.readString(Path.of(urlAndFile[1])))
          .isEqualTo(Files.readString(resources().resolve(path)));
    }
  }

  private static Path resources() {
    try {
      return Path.of(VendoredSchemas.class.getResource(VendoredSchemas.RESOURCES).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
