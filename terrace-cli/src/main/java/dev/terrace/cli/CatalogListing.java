package dev.terrace.cli;

import dev.terrace.api.Page;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** What the catalog commands share: where to ask, and printing a table or JSON. */
abstract class CatalogListing implements Callable<Integer> {

  /** Items per catalog call: the most a page may hold. */
  static final int PAGE = 1000;

  @Spec CommandSpec spec;

  @Mixin ServiceOptions service;

  @Mixin JsonStyle json;

  @Option(
      names = "--format",
      paramLabel = "table|json",
      defaultValue = "table",
      description = "table, or json as the API answers (default: ${DEFAULT-VALUE}).")
  Format format;

  enum Format {
    table,
    json
  }

  @Override
  public Integer call() {
    try (Service s = service.open(1, null)) {
      print(s);
    }
    spec.commandLine().getOut().flush();
    return Main.OK;
  }

  abstract void print(Service s);

  void print(Object asJson, Table table) {
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      out.println(json.write(asJson));
    } else {
      table.print(out);
    }
  }

  /** Every item, page after page. */
  static <T> List<T> all(IntFunction<? extends Page<T>> fetch) {
    List<T> out = new ArrayList<>();
    Page<T> page = fetch.apply(0);
    out.addAll(page.items());
    while (page.hasNextPage()) {
      page = fetch.apply(page.nextOffset());
      out.addAll(page.items());
    }
    return out;
  }
}
