package dev.terrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** --tie reaches the request: two cells of lux, one each, tie for the majority. */
class TieCliTest {

  /** The centres of lux cells (row 1, columns 31 and 32), which hold data. */
  private static final String TWO_CELLS =
      "{\"type\":\"Polygon\",\"coordinates\":[[[6.0,50.175],"
          + "[6.016666666666667,50.175],[6.016666666666667,50.18],[6.0,50.18],[6.0,50.175]]]}";

  private static final Pattern VALUE = Pattern.compile("\"value\":(-?[0-9.]+)");

  private static String value(String... options) {
    String[] args = new String[options.length + 8];
    System.arraycopy(
        new String[] {
          "extract", "-g", TWO_CELLS, "-d", "lux:elevation", "--pixel-rule", "center", "--compact"
        },
        0,
        args,
        0,
        8);
    System.arraycopy(options, 0, args, 8, options.length);
    Cli.Result r = Cli.run(args);
    assertThat(r.exitCode()).as(r.err()).isZero();
    Matcher m = VALUE.matcher(r.out());
    assertThat(m.find()).as(r.out()).isTrue();
    return m.group(1);
  }

  @Test
  void lowestIsTheDefaultAndHighestTakesTheLargerOfTwoTiedCells() {
    assertThat(value("--aggregation", "count")).isEqualTo("2.0");
    String min = value("--aggregation", "min");
    String max = value("--aggregation", "max");
    assertThat(min).isNotEqualTo(max);
    assertThat(value("--aggregation", "majority")).isEqualTo(min);
    assertThat(value("--aggregation", "majority", "--tie", "lowest")).isEqualTo(min);
    assertThat(value("--aggregation", "majority", "--tie", "HIGHEST")).isEqualTo(max);
    assertThat(value("--aggregation", "minority", "--tie", "highest")).isEqualTo(max);
  }

  @Test
  void anUnknownRuleNamesTheValidOnes() {
    Cli.Result r = Cli.run("extract", "-g", TWO_CELLS, "-d", "lux:elevation", "--tie", "middle");
    assertThat(r.exitCode()).isNotZero();
    assertThat(r.err()).contains("lowest", "highest");
  }
}
