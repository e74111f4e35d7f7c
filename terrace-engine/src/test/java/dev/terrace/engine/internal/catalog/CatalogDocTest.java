package dev.terrace.engine.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code docs/catalog.md} stays true: every JSON and YAML block in it is a catalog the loader
 * accepts, the YAML and JSON of the complete example say the same, and every field the loader knows
 * is described.
 */
class CatalogDocTest {

  private static final Path DOC =
      Path.of("").toAbsolutePath().getParent().resolve("docs/catalog.md");
  private static final Pattern BLOCK = Pattern.compile("```(json|yaml)\\n(.*?)```", Pattern.DOTALL);

  private record Block(String language, String text) {}

  private static List<Block> blocks() throws Exception {
    List<Block> out = new ArrayList<>();
    Matcher m = BLOCK.matcher(Files.readString(DOC));
    while (m.find()) {
      out.add(new Block(m.group(1), m.group(2)));
    }
    return out;
  }

  @TempDir Path dir;

  @Test
  void everyExampleLoads() throws Exception {
    List<Block> blocks = blocks();
    assertThat(blocks).hasSizeGreaterThanOrEqualTo(4);
    for (int i = 0; i < blocks.size(); i++) {
      Block b = blocks.get(i);
      // Loading opens no file: the paths and URLs the examples name need not exist.
      Path file = Files.writeString(dir.resolve("example-" + i + "." + b.language()), b.text());
      try (Catalog catalog = Catalog.load(file)) {
        assertThat(catalog.datasets()).as("block %d", i).isNotEmpty();
      }
    }
  }

  @Test
  void theCompleteExampleSaysTheSameInYamlAndJson() throws Exception {
    List<Block> blocks = blocks();
    assertThat(blocks.get(0).language()).isEqualTo("yaml");
    assertThat(blocks.get(1).language()).isEqualTo("json");
    JsonNode yaml = new ObjectMapper(new YAMLFactory()).readTree(blocks.get(0).text());
    JsonNode json = new ObjectMapper().readTree(blocks.get(1).text());
    assertThat(yaml).isEqualTo(json);
    try (Catalog catalog =
        Catalog.load(Files.writeString(dir.resolve("complete.yaml"), blocks.get(0).text()))) {
      assertThat(catalog.datasets())
          .extracting(CatalogDataset::id)
          .containsExactly(
              "dem:elevation",
              "dem:slope",
              "dem:ndvi",
              "land:cover",
              "climate:precipitation",
              "climate:first_step",
              "imagery:red");
    }
  }

  @Test
  void everyFieldIsDescribed() throws Exception {
    String doc = Files.readString(DOC);
    Stream.of(
            CatalogFile.class,
            CatalogFile.ProviderEntry.class,
            CatalogFile.DatasetEntry.class,
            CatalogFile.TimeStepEntry.class,
            CatalogFile.StacEntry.class)
        .flatMap(r -> Stream.of(r.getRecordComponents()))
        .map(c -> PropertyNamingStrategies.SnakeCaseStrategy.INSTANCE.translate(c.getName()))
        .forEach(field -> assertThat(doc).as(field).contains("`" + field + "`"));
  }
}
