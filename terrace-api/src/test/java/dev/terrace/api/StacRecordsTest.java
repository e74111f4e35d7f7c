package dev.terrace.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StacRecordsTest {

  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  void aSearchTravelsWithStacMemberNames() throws Exception {
    ItemSearchRequest search =
        ItemSearchRequest.builder()
            .collections("bcsd:pr")
            .bbox(-85, 33, -80, 36)
            .datetime("1999-03-01T00:00:00Z/..")
            .limit(5)
            .sortBy("properties.datetime", SortBy.Direction.DESC)
            .include("properties.datetime")
            .build();
    String json = mapper.writeValueAsString(search);
    assertThat(json)
        .isEqualTo(
            "{\"collections\":[\"bcsd:pr\"],\"bbox\":[-85.0,33.0,-80.0,36.0],"
                + "\"datetime\":\"1999-03-01T00:00:00Z/..\",\"limit\":5,"
                + "\"sortby\":[{\"field\":\"properties.datetime\",\"direction\":\"desc\"}],"
                + "\"fields\":{\"include\":[\"properties.datetime\"]}}");
    assertThat(mapper.readValue(json, ItemSearchRequest.class)).isEqualTo(search);
    assertThat(search.withToken("abc").token()).isEqualTo("abc");
  }

  @Test
  void theNextTokenComesFromTheNextLinksBodyOrItsUrl() throws Exception {
    ItemCollection byPost =
        mapper.readValue(
            "{\"type\":\"FeatureCollection\",\"features\":[],\"numberMatched\":3,"
                + "\"links\":[{\"rel\":\"self\",\"href\":\"http://h/stac/search\"},"
                + "{\"rel\":\"next\",\"href\":\"http://h/stac/search\",\"method\":\"POST\","
                + "\"body\":{\"token\":\"t1\"},\"merge\":true}]}",
            ItemCollection.class);
    assertThat(byPost.nextToken()).contains("t1");
    assertThat(byPost.numberMatched()).isEqualTo(3);
    ItemCollection byGet =
        mapper.readValue(
            "{\"type\":\"FeatureCollection\",\"features\":[],\"links\":[{\"rel\":\"next\","
                + "\"href\":\"http://h/stac/search?limit=2&token=a%2Bb\"}]}",
            ItemCollection.class);
    assertThat(byGet.nextToken()).contains("a+b");
    ItemCollection last =
        mapper.readValue(
            "{\"type\":\"FeatureCollection\",\"features\":[],\"links\":[]}", ItemCollection.class);
    assertThat(last.hasNextPage()).isFalse();
  }

  @Test
  void anItemReadsItsTimesAndKeepsAnExplicitNullGeometry() throws Exception {
    StacItem item =
        mapper.readValue(
            "{\"type\":\"Feature\",\"stac_version\":\"1.0.0\",\"id\":\"pr-1999-01\","
                + "\"geometry\":null,\"properties\":{\"datetime\":null,"
                + "\"start_datetime\":\"1999-01-01T00:00:00Z\","
                + "\"end_datetime\":\"1999-01-31T23:59:59+00:00\"},"
                + "\"assets\":{\"data\":{\"href\":\"a.nc\",\"roles\":[\"data\"],"
                + "\"raster:bands\":[{\"nodata\":-9999}]}}}",
            StacItem.class);
    assertThat(item.datetime()).isEmpty();
    assertThat(item.startDatetime()).contains(Instant.parse("1999-01-01T00:00:00Z"));
    assertThat(item.endDatetime()).contains(Instant.parse("1999-01-31T23:59:59Z"));
    assertThat(item.assets().get("data").rasterBands().get(0)).containsEntry("nodata", -9999);
    assertThat(mapper.writeValueAsString(item)).contains("\"geometry\":null");
  }
}
