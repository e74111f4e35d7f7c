package dev.terrace.engine.internal.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.api.PixelRule;
import dev.terrace.engine.internal.catalog.Layer;
import dev.terrace.engine.internal.geotiff.GeoTiff;
import dev.terrace.engine.internal.raster.RasterSource;
import dev.terrace.engine.internal.raster.Window;
import dev.terrace.engine.internal.stats.CellAccumulator;
import dev.terrace.engine.internal.stats.Statistic;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Reading the timestamps of a series in one coverage pass gives each timestamp exactly what reading
 * it alone gives, from the same windows.
 */
class AreaReaderLayersTest {

  /**
   * A triangle in pixel space across most of the 81 x 33 grid, its edges cutting cells at odd
   * fractions.
   */
  private static final Geometry TRIANGLE =
      new GeometryFactory()
          .createPolygon(
              new Coordinate[] {
                new Coordinate(2.3, 1.7),
                new Coordinate(77.9, 4.2),
                new Coordinate(40.1, 31.6),
                new Coordinate(2.3, 1.7)
              });

  @Test
  void onePassOverSeveralLayersEqualsEachLayerReadAlone() throws Exception {
    List<Layer> layers = new ArrayList<>();
    List<AtomicInteger> reads = new ArrayList<>();
    for (String month : List.of("01", "07", "12")) {
      Path file =
          Path.of(getClass().getResource("/timeseries/bcsd_tas_1999-" + month + ".tif").toURI());
      AtomicInteger count = new AtomicInteger();
      reads.add(count);
      RasterSource counted = new CountingSource(GeoTiff.open(file), count);
      layers.add(new Layer(null, counted, 1, counted.band(1)));
    }
    for (PixelRule rule : PixelRule.values()) {
      CellAccumulator[] together = new CellAccumulator[layers.size()];
      for (int i = 0; i < together.length; i++) {
        together[i] =
            CellAccumulator.of(Statistic.MEAN, Statistic.STD, Statistic.MIN, Statistic.MAX);
      }
      reads.forEach(c -> c.set(0));
      Measurement[] all = AreaReader.read(layers, TRIANGLE, rule, together);
      List<Integer> readsTogether = reads.stream().map(AtomicInteger::get).toList();
      for (int i = 0; i < layers.size(); i++) {
        Layer l = layers.get(i);
        CellAccumulator alone =
            CellAccumulator.of(Statistic.MEAN, Statistic.STD, Statistic.MIN, Statistic.MAX);
        reads.get(i).set(0);
        Measurement one = AreaReader.read(l.raster(), 1, l.band(), TRIANGLE, rule, alone);
        assertThat(reads.get(i).get())
            .as("windows read")
            .isEqualTo(readsTogether.get(i))
            .isPositive();
        assertThat(all[i].validWeight()).isEqualTo(one.validWeight());
        assertThat(all[i].missingWeight()).isEqualTo(one.missingWeight());
        assertThat(all[i].validCells()).isEqualTo(one.validCells()).isPositive();
        assertThat(together[i].sum()).isEqualTo(alone.sum());
        assertThat(together[i].count()).isEqualTo(alone.count());
      }
      assertThat(together[0].sum()).as("January and July differ").isNotEqualTo(together[1].sum());
    }
  }

  /** Counts the windows read through it. */
  private record CountingSource(GeoTiff raster, AtomicInteger reads) implements RasterSource {
    @Override
    public String name() {
      return raster.name();
    }

    @Override
    public dev.terrace.engine.internal.raster.Grid grid() {
      return raster.grid();
    }

    @Override
    public int bandCount() {
      return raster.bandCount();
    }

    @Override
    public dev.terrace.engine.internal.raster.Band band(int band) {
      return raster.band(band);
    }

    @Override
    public void readInto(Window window, int band, Object destination) {
      reads.incrementAndGet();
      raster.readInto(window, band, destination);
    }

    @Override
    public List<? extends RasterSource> overviews() {
      return List.of();
    }

    @Override
    public void close() {
      raster.close();
    }
  }
}
