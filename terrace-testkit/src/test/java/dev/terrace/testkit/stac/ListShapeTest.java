package dev.terrace.testkit.stac;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ListShapeTest {

  private static final String LINKS = "\"links\": [{\"rel\": \"self\", \"href\": \"http://h/s\"}]";

  @Test
  void acceptsAnItemCollectionWithOrWithoutLinks() {
    assertThat(problems("{\"type\": \"FeatureCollection\", \"features\": [], " + LINKS + "}"))
        .isEmpty();
    assertThat(problems("{\"type\": \"FeatureCollection\", \"features\": [{}]}")).isEmpty();
  }

  @Test
  void namesWhatIsWrongWithAnItemCollection() {
    assertThat(problems("{\"type\": \"Feature\", \"features\": []}"))
        .containsExactly("ItemCollection: 'type' must be \"FeatureCollection\", not \"Feature\"");
    assertThat(problems("{\"type\": \"FeatureCollection\"}"))
        .containsExactly("ItemCollection: 'features' must be an array of Items");
    assertThat(problems("{\"features\": {}}"))
        .containsExactly(
            "ItemCollection: 'type' must be \"FeatureCollection\", not null",
            "ItemCollection: 'features' must be an array of Items");
    assertThat(
            problems(
                "{\"type\": \"FeatureCollection\", \"features\": [],"
                    + " \"links\": [{\"rel\": \"next\"}, 3, {\"href\": \"h\", \"rel\": 1}]}"))
        .containsExactly(
            "ItemCollection: links[0] must have a string 'href'",
            "ItemCollection: links[1] must be a Link object",
            "ItemCollection: links[2] must have a string 'rel'");
  }

  @Test
  void requiresLinksOnACollectionsList() {
    assertThat(problems("{\"collections\": [], " + LINKS + "}")).isEmpty();
    assertThat(problems("{\"collections\": []}"))
        .containsExactly("collections list: 'links' must be an array of Link objects");
    assertThat(problems("{\"collections\": {}, " + LINKS + "}"))
        .containsExactly("collections list: 'collections' must be an array of Collections");
  }

  @Test
  void leavesOtherDocumentsToTheValidator() {
    assertThat(problems("{\"type\": \"Feature\"}")).isEmpty();
    assertThat(problems("{\"type\": \"Catalog\", \"links\": 5}")).isEmpty();
    assertThat(problems("[1]")).isEmpty();
  }

  private static List<String> problems(String json) {
    return ListShape.problems(JsonReader.read(json));
  }
}
