package dev.terrace.testkit.stac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ValidatorOutputTest {

  @Test
  void givesEachFileTheLinesPrintedAfterItsName() {
    String output =
        """
        STAC Node Validator v1.3.2

        - /t/a.json
        - /t/b.json
        --- Item: invalid
        [
          {
            instancePath: '/properties/datetime',
            message: 'must match format "date-time"'
          }
        ]



        - /t/c.json
        Files: 3
        Valid: 2
        Invalid: 1
        """;

    assertThat(ValidatorOutput.perFile(List.of("/t/a.json", "/t/b.json", "/t/c.json"), output))
        .containsExactly(
            List.of(),
            List.of(
                "--- Item: invalid",
                "[",
                "  {",
                "    instancePath: '/properties/datetime',",
                "    message: 'must match format \"date-time\"'",
                "  }",
                "]"),
            List.of());
  }

  @Test
  void failsWhenTheValidatorStopsBeforeAFile() {
    String output = "STAC Node Validator v1.3.2\n\n- /t/a.json\nError: boom\n";

    assertThatThrownBy(() -> ValidatorOutput.perFile(List.of("/t/a.json", "/t/b.json"), output))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("the STAC validator stopped before /t/b.json:")
        .hasMessageContaining("Error: boom");
  }
}
