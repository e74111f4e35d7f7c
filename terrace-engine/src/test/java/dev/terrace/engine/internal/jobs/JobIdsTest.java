package dev.terrace.engine.internal.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ids made one after another sort in that order, within one millisecond too. */
class JobIdsTest {

  @Test
  void idsMadeInARowSortInThatOrder() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      ids.add(JobIds.next());
    }
    assertThat(ids).isSorted().doesNotHaveDuplicates();
    assertThat(ids).allMatch(id -> id.matches("job_[0-9a-hjkmnp-tv-z]{26}"));
  }
}
