package dev.terrace.engine.conformance.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The case tables are well formed: every row names a known peer and a known {@code needs}, so that
 * no row is silently left out of every test class, and its request builds.
 */
class PeerCaseTablesTest {

  private static final List<String> TABLES =
      List.of("rasterstats_zonal.csv", "rasterstats_point.csv", "exactextract.csv");

  @Test
  void everyRowBelongsToATestClassAndBuildsARequest() {
    int rows = 0;
    for (String table : TABLES) {
      for (var row : PeerCsv.read(table)) {
        PeerCase c = PeerCase.of(row);
        assertThat(PeerCase.NEEDS).as(table + ": " + c.label()).contains(c.needs());
        assertThat(PeerCase.COMMITS)
            .as(table + ": " + c.label())
            .containsKey(c.source().substring(0, c.source().indexOf(' ')));
        assertThat(c.source()).as(table + ": " + c.label()).contains("::");
        if (!c.expected().equals("error")) {
          assertThat(c.request().geometry()).as(c.label()).isNotNull();
        }
        rows++;
      }
    }
    assertThat(rows).isGreaterThan(0);
  }
}
