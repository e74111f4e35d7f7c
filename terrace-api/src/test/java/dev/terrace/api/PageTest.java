package dev.terrace.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageTest {

  private static ProviderPage page(int total, int limit, int offset, int count) {
    return new ProviderPage(
        total,
        limit,
        offset,
        count,
        Collections.nCopies(
            count, new Provider("p", "P", Protocol.COG, null, null, null, null, 0, null)));
  }

  @Test
  void hasNextPageWhileItemsRemain() {
    assertThat(page(250, 100, 0, 100).hasNextPage()).isTrue();
    assertThat(page(250, 100, 0, 100).nextOffset()).isEqualTo(100);
    assertThat(page(250, 100, 100, 100).hasNextPage()).isTrue();
    assertThat(page(250, 100, 200, 50).hasNextPage()).isFalse();
    assertThat(page(250, 100, 200, 50).nextOffset()).isEqualTo(250);
    assertThat(page(100, 100, 0, 100).hasNextPage()).isFalse();
    assertThat(page(0, 100, 0, 0).hasNextPage()).isFalse();
  }

  @Test
  void anEmptyPageEndsPagingEvenIfTheTotalSaysOtherwise() {
    assertThat(page(10, 100, 500, 0).hasNextPage()).isFalse();
    assertThat(page(10, 100, 5, 0).hasNextPage()).isFalse();
  }

  @Test
  void datasetPagesPageTheSameWay() {
    DatasetPage p =
        DatasetPage.of(
            3,
            2,
            0,
            List.of(
                new Dataset(
                    "a:x",
                    "a",
                    "x",
                    null,
                    null,
                    null,
                    DataType.CONTINUOUS,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    1),
                new Dataset(
                    "a:y",
                    "a",
                    "y",
                    null,
                    null,
                    null,
                    DataType.CATEGORICAL,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    1)));
    Page<Dataset> page = p;
    assertThat(page.count()).isEqualTo(2);
    assertThat(page.hasNextPage()).isTrue();
    assertThat(ListDatasetsRequest.FIRST_PAGE.withOffset(page.nextOffset()).offset()).isEqualTo(2);
    assertThat(ListProvidersRequest.FIRST_PAGE.withOffset(100))
        .isEqualTo(new ListProvidersRequest(100, 100));
  }
}
