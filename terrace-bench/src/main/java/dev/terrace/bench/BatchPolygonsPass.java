package dev.terrace.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * ZonalBench's {@code --batch} pass: {@code terrace batch} over the 1000 reference polygons (the
 * mean of {@code bench:dem} under the exact rule, the command's defaults) in a process of its own,
 * started by the {@code terrace} launcher as a user runs it, against ZonalBench's pass of the same
 * statistic in this JVM (the DEM's mean alone, EXACT, from the GeoJSON text to the numbers, the
 * tile cache emptied first), alternately; every mean of every run compared with the pass's.
 *
 * <p>The command's time includes what the pass does not pay: the JVM's start, the catalog, the
 * features' properties carried to the output and the CSV written.
 */
final class BatchPolygonsPass {

  private static final String VALUE = "bench:dem_mean";

  private BatchPolygonsPass() {}

  /**
   * @param ours ZonalBench's pass of the DEM's mean, EXACT
   * @return how many means differ from the pass's by more than 1e-9 relative
   */
  static long run(Path polygons, int reps, Callable<ZonalBench.Pass> ours) throws Exception {
    Path work = Files.createTempDirectory("terrace-batch-polygons-");
    Path out = work.resolve("means.csv");
    Path log = work.resolve("cli.log");
    List<String> command = BenchData.launcher(List.of());
    command.addAll(BenchData.batch(BenchData.catalog(), polygons, out));
    command.addAll(List.of("--tmp", work.toString()));
    System.out.println();
    System.out.println(
        "terrace batch over the polygons (bench:dem mean, EXACT) against the same pass in this JVM");
    System.out.println(
        "  " + String.join(" ", command.subList(command.indexOf("batch"), command.size())));
    double[] batch = new double[reps];
    double[] batchCpu = new double[reps];
    double[] pass = new double[reps];
    double[] passCpu = new double[reps];
    long rss = 0;
    long mismatches = 0;
    String decodes = "";
    try {
      ours.call(); // warms this JVM's pass as ZonalBench's untimed passes do
      for (int r = 0; r < reps; r++) {
        BenchData.Run run = BenchData.run(command, null, log);
        batch[r] = run.wallMs();
        batchCpu[r] = run.cpuMs();
        rss = Math.max(rss, run.maxRssKb());
        List<String> logged = Files.readAllLines(log);
        decodes = logged.get(logged.size() - 1);
        ZonalBench.Pass p = ours.call();
        pass[r] = p.totalMs();
        passCpu[r] = p.cpuMs();
        mismatches += compare(out, p);
        System.out.printf(
            Locale.ROOT,
            "  pass %d: terrace batch %.0f ms (CPU %.0f); in this JVM %.0f ms (CPU %.0f)%n",
            r + 1,
            batch[r],
            batchCpu[r],
            pass[r],
            passCpu[r]);
      }
    } finally {
      try (var files = Files.walk(work)) {
        for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(f);
        }
      }
    }
    double b = Stats.median(batch);
    double z = Stats.median(pass);
    System.out.printf(
        Locale.ROOT,
        "  median: terrace batch %.0f ms (CPU %.0f), peak RSS %s, %s; in this JVM %.0f ms (CPU"
            + " %.0f)%n  ratio batch / pass: wall %.2f, CPU %.2f; %d means differ%n",
        b,
        Stats.median(batchCpu),
        BenchData.mb(rss),
        decodes,
        z,
        Stats.median(passCpu),
        b / z,
        Stats.median(batchCpu) / Stats.median(passCpu),
        mismatches);
    return mismatches;
  }

  /**
   * @return the rows of the command's output whose mean is not the pass's (1e-9 relative), or whose
   *     polygon is missing
   */
  private static long compare(Path out, ZonalBench.Pass pass) throws Exception {
    List<String> lines = Files.readAllLines(out);
    List<String> header = List.of(lines.get(0).split(",", -1));
    int id = header.indexOf("id");
    int value = header.indexOf(VALUE);
    if (id < 0 || value < 0) {
      throw new IllegalStateException("no id or " + VALUE + " column in " + header);
    }
    Map<Integer, Double> means = new HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      means.put(Integer.parseInt(cells[id]), BenchData.number(cells[value]));
    }
    long bad = 0;
    for (int i = 0; i < pass.features().size(); i++) {
      int polygon = pass.features().get(i).id();
      Double mean = pass.answers()[i].mean();
      if (!means.containsKey(polygon) || !ZonalBench.sameRelative(means.get(polygon), mean, 1e-9)) {
        bad++;
      }
    }
    return bad;
  }
}
