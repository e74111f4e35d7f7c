package dev.terrace.api.geojson;

import static dev.terrace.api.Json.q;
import static dev.terrace.api.Json.read;
import static dev.terrace.api.Json.roundTrip;
import static dev.terrace.api.Json.tree;
import static dev.terrace.api.Json.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.ExtractRequest;
import dev.terrace.api.Json;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GeometryJsonTest {

  private static final String RING = "[[6.0,49.5],[6.1,49.5],[6.1,49.6],[6.0,49.6],[6.0,49.5]]";
  private static final String HOLE = "[[6.02,49.52],[6.02,49.54],[6.04,49.54],[6.02,49.52]]";

  @Test
  void everyGeometryTypeRoundTrips() {
    assertThat(roundTrip(q("{'type':'Point','coordinates':[6.13,49.61]}"), Geometry.class))
        .isEqualTo(Point.of(6.13, 49.61));
    assertThat(
            roundTrip(q("{'type':'Point','coordinates':[6.13,49.61,312.5]}"), Point.class)
                .coordinates())
        .containsExactly(6.13, 49.61, 312.5);
    assertThat(
            roundTrip(
                q("{'type':'MultiPoint','coordinates':[[6.1,49.6],[6.2,49.7]]}"), Geometry.class))
        .isInstanceOf(MultiPoint.class);
    assertThat(
            roundTrip(
                q("{'type':'LineString','coordinates':[[6.1,49.6],[6.2,49.7]]}"), Geometry.class))
        .isInstanceOf(LineString.class);
    assertThat(
            roundTrip(
                q(
                    "{'type':'MultiLineString','coordinates':[[[6.1,49.6],[6.2,49.7]],"
                        + "[[6.3,49.6],[6.4,49.7]]]}"),
                Geometry.class))
        .isInstanceOf(MultiLineString.class);
    Polygon polygon =
        (Polygon)
            roundTrip(
                q("{'type':'Polygon','coordinates':[" + RING + "," + HOLE + "]}"), Geometry.class);
    assertThat(polygon.coordinates()).hasNumberOfRows(2);
    assertThat(
            roundTrip(
                q(
                    "{'type':'MultiPolygon','coordinates':[["
                        + RING
                        + "],["
                        + RING
                        + ","
                        + HOLE
                        + "]]}"),
                Geometry.class))
        .isInstanceOf(MultiPolygon.class);
    GeometryCollection collection =
        (GeometryCollection)
            roundTrip(
                q(
                    "{'type':'GeometryCollection',"
                        + "'geometries':[{'type':'Point','coordinates':[6.13,49.61]},{'type':'LineString',"
                        + "'coordinates':[[6.1,49.6],[6.2,49.7]]}]}"),
                Geometry.class);
    assertThat(collection.geometries()).hasSize(2);
    assertThat(roundTrip(q("{'type':'Polygon','coordinates':[" + RING + "]}"), Polygon.class))
        .isEqualTo(new Polygon(new double[][][] {polygon.coordinates()[0]}));
  }

  @Test
  void featureRoundTripsAndUnwraps() {
    Feature f =
        (Feature)
            roundTrip(
                q(
                    "{'type':'Feature','geometry':{'type':'Polygon','coordinates':["
                        + RING
                        + "]},'properties':{'name':'plot 7','area_ha':12.5,'owner':null}}"),
                Geometry.class);
    assertThat(f.properties()).containsEntry("name", "plot 7").containsEntry("owner", null);
    assertThat(f.unwrap()).isInstanceOf(Polygon.class).isSameAs(f.geometry());

    Feature unlocated =
        (Feature)
            roundTrip(q("{'type':'Feature','geometry':null,'properties':{}}"), Geometry.class);
    assertThat(unlocated.unwrap()).isNull();
    // RFC 7946 allows "properties": null; it reads as no properties, and id/bbox are ignored.
    Feature bare =
        read(
            q(
                "{'type':'Feature','id':'f1','bbox':[0,0,1,1],'geometry':{'type':'Point',"
                    + "'coordinates':[1.5,2.5]},'properties':null}"),
            Feature.class);
    assertThat(bare).isEqualTo(Feature.of(Point.of(1.5, 2.5)));
    assertThat(tree(write(bare)))
        .isEqualTo(
            tree(
                q(
                    "{'type':'Feature','geometry':{'type':'Point',"
                        + "'coordinates':[1.5,2.5]},'properties':{}}")));

    Point p = Point.of(1, 2);
    assertThat(p.unwrap()).isSameAs(p);
    assertThat(Feature.of(Feature.of(p)).unwrap()).isSameAs(p);
  }

  @Test
  void requestsUnwrapFeatures() {
    String feature =
        "{'type':'Feature','geometry':{'type':'Point','coordinates':[6.13,49.61]},"
            + "'properties':{'plot':7}}";
    ExtractRequest r =
        read(
            q("{'geometry':" + feature + ",'dataset_ids':['lux:elevation']}"),
            ExtractRequest.class);
    assertThat(r.geometry()).isEqualTo(Point.of(6.13, 49.61));
    assertThat(tree(write(r)).get("geometry"))
        .isEqualTo(tree(q("{'type':'Point','coordinates':[6.13,49.61]}")));
    assertThat(ExtractRequest.of(Feature.of(Point.of(1, 2)), "a:b").geometry())
        .isEqualTo(Point.of(1, 2));

    BatchExtractRequest b =
        read(
            q(
                "{'geometries':["
                    + feature
                    + ",{'type':'Point','coordinates':[1.5,2.5]},"
                    + "null],'dataset_ids':['lux:elevation']}"),
            BatchExtractRequest.class);
    assertThat(b.geometries()).containsExactly(Point.of(6.13, 49.61), Point.of(1.5, 2.5), null);
    assertThat(
            BatchExtractRequest.builder()
                .geometry(Feature.of(Point.of(3, 4)))
                .datasets("a:b")
                .build()
                .geometries())
        .containsExactly(Point.of(3, 4));
  }

  @Test
  void unknownGeometryTypesAreRejected() {
    assertThatThrownBy(
            () ->
                Json.MAPPER.readValue(
                    q("{'type':'Circle','coordinates':[1.0,2.0]}"), Geometry.class))
        .isInstanceOf(InvalidTypeIdException.class);
  }

  @Test
  void arraysCompareByValue() {
    assertThat(Point.of(1, 2))
        .isEqualTo(new Point(new double[] {1, 2}))
        .hasSameHashCodeAs(Point.of(1, 2))
        .isNotEqualTo(Point.of(2, 1))
        .hasToString("Point[coordinates=[1.0, 2.0]]");
    assertThat(Polygon.rectangle(0, 0, 1, 1))
        .isEqualTo(Polygon.rectangle(0, 0, 1, 1))
        .hasSameHashCodeAs(Polygon.rectangle(0, 0, 1, 1))
        .isNotEqualTo(Polygon.rectangle(0, 0, 1, 2));
    assertThat(new MultiPolygon(new double[][][][] {{{{0, 0}}}}))
        .isEqualTo(new MultiPolygon(new double[][][][] {{{{0, 0}}}}))
        .hasToString("MultiPolygon[coordinates=[[[[0.0, 0.0]]]]]");
    assertThat(new LineString(new double[][] {{0, 0}, {1, 1}}))
        .isNotEqualTo(new MultiPoint(new double[][] {{0, 0}, {1, 1}}));
    // Null coordinates are tolerated (the engine reports them): equality, hashing and printing
    // still work.
    assertThat(new Point(null)).isEqualTo(new Point(null)).hasToString("Point[coordinates=null]");
    assertThat(new Polygon(null).hashCode()).isEqualTo(new Polygon(null).hashCode());
    assertThat(read(q("{'type':'Point'}"), Point.class).coordinates()).isNull();
  }

  @Test
  void polygonFactories() {
    assertThat(Polygon.rectangle(5.7, 49.4, 6.6, 50.2).coordinates()[0])
        .isDeepEqualTo(
            new double[][] {{5.7, 49.4}, {6.6, 49.4}, {6.6, 50.2}, {5.7, 50.2}, {5.7, 49.4}});
    Polygon open = Polygon.of(new double[] {0, 0}, new double[] {1, 0}, new double[] {1, 1});
    assertThat(open.coordinates()[0])
        .isDeepEqualTo(new double[][] {{0, 0}, {1, 0}, {1, 1}, {0, 0}});
    Polygon closed =
        Polygon.of(
            new double[] {0, 0}, new double[] {1, 0}, new double[] {1, 1}, new double[] {0, 0});
    assertThat(closed).isEqualTo(open);
    assertThat(tree(write(open)))
        .isEqualTo(
            tree(
                q(
                    "{'type':'Polygon','coordinates':"
                        + "[[[0.0,0.0],[1.0,0.0],[1.0,1.0],[0.0,0.0]]]}")));
    assertThatThrownBy(() -> Polygon.of((double[][]) null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void collectionsAndPropertiesAreUnmodifiableCopies() {
    List<Geometry> members = new java.util.ArrayList<>(List.of(Point.of(1, 2)));
    GeometryCollection c = new GeometryCollection(members);
    members.add(Point.of(3, 4));
    assertThat(c.geometries()).hasSize(1);
    assertThat(new GeometryCollection(null).geometries()).isEmpty();
    assertThat(new GeometryCollection(Arrays.asList(Point.of(1, 2), null)).geometries()).hasSize(2);
    assertThat(GeometryCollection.of(Point.of(1, 2))).isEqualTo(c);

    Map<String, Object> props = new LinkedHashMap<>();
    props.put("a", 1);
    Feature f = new Feature(Point.of(1, 2), props);
    props.put("b", 2);
    assertThat(f.properties()).containsOnlyKeys("a");
    assertThatThrownBy(() -> f.properties().put("c", 3))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
