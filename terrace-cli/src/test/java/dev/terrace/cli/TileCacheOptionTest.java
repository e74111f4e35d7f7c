package dev.terrace.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.terrace.engine.Terrace;
import dev.terrace.engine.internal.geotiff.TileCache;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.ParameterException;

class TileCacheOptionTest {

  @TempDir Path dir;

  private long before;

  @BeforeEach
  void remember() {
    before = Terrace.tileCacheBytes();
  }

  @AfterEach
  void restore() {
    Terrace.setTileCacheBytes(before);
  }

  @Test
  void sizesAreReadWithTheirUnit() {
    assertThat(Cli.parseServe(Map.of(), "--tile-cache", "64m").tileCache.bytes)
        .isEqualTo(67_108_864L);
    assertThat(Cli.parseServe(Map.of(), "--tile-cache", "1g").tileCache.bytes)
        .isEqualTo(1_073_741_824L);
    assertThat(Cli.parseServe(Map.of("TERRACE_TILE_CACHE", "512MiB")).tileCache.bytes)
        .isEqualTo(536_870_912L);
    assertThat(Cli.parseServe(Map.of()).tileCache.bytes).as("unset").isNull();
  }

  @Test
  void aBadSizeIsRefusedNamingTheOptionAndTheForm() {
    assertThatThrownBy(() -> Cli.parseServe(Map.of(), "--tile-cache", "lots"))
        .isInstanceOf(ParameterException.class)
        .hasMessageContaining("--tile-cache")
        .hasMessageContaining("'lots' is not a size such as 16MiB, 512k or 1048576");
  }

  @Test
  void unsetTheEngineKeepsItsDefaultOrTheCommandsChoice() {
    TileCacheOption unset = Cli.parseServe(Map.of()).tileCache;

    Terrace.setTileCacheBytes(3_000_000);
    unset.apply(-1);
    assertThat(Terrace.tileCacheBytes()).isEqualTo(3_000_000L);

    unset.apply(8L << 20);
    assertThat(Terrace.tileCacheBytes()).isEqualTo(8_388_608L);

    Cli.parseServe(Map.of(), "--tile-cache", "2m").tileCache.apply(8L << 20);
    assertThat(Terrace.tileCacheBytes()).as("the option beats the command").isEqualTo(2_097_152L);
  }

  @Test
  void batchOfPolygonsKeepsTheEnginesBudget() throws Exception {
    Terrace.setTileCacheBytes(TileCache.defaultMaxBytes());
    Path in =
        Files.writeString(
            dir.resolve("polygons.csv"),
            "id,wkt\n1,\"POLYGON((6.1 49.6,6.2 49.6,6.2 49.7,6.1 49.6))\"\n");

    Cli.Result run =
        Cli.run("batch", "-d", "lux:elevation", "--in", in.toString(), "--out", out("p.csv"));

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Terrace.tileCacheBytes()).isEqualTo(TileCache.defaultMaxBytes());
  }

  @Test
  void batchOfPointsInThisProcessKeeps64MiBUnlessTold() throws Exception {
    Path in = Files.writeString(dir.resolve("points.csv"), "id,lon,lat\n1,6.13,49.61\n");

    Cli.Result chosen =
        Cli.run("batch", "-d", "lux:elevation", "--in", in.toString(), "--out", out("a.csv"));
    assertThat(chosen.exitCode()).as(chosen.err()).isZero();
    assertThat(Terrace.tileCacheBytes()).isEqualTo(67_108_864L);

    Cli.Result told =
        Cli.run(
            Map.of("TERRACE_TILE_CACHE", "16m"),
            "batch",
            "-d",
            "lux:elevation",
            "--in",
            in.toString(),
            "--out",
            out("b.csv"));
    assertThat(told.exitCode()).as(told.err()).isZero();
    assertThat(Terrace.tileCacheBytes()).isEqualTo(16_777_216L);
  }

  private String out(String name) {
    return dir.resolve(name).toString();
  }
}
