package dev.terrace.cli;

import dev.terrace.api.Dataset;
import dev.terrace.api.ListDatasetsRequest;
import dev.terrace.api.ListProvidersRequest;
import dev.terrace.api.Provider;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code terrace catalog}: groups providers, datasets and dataset. */
@Command(
    name = "catalog",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description =
        "Lists what can be extracted: the providers, their datasets, one dataset's details, and"
            + " searches the rasters behind them (STAC items).",
    subcommands = {
      CatalogCommand.Providers.class,
      CatalogCommand.Datasets.class,
      CatalogCommand.DatasetDetail.class,
      CatalogSearchCommand.class
    },
    footer = {
      "%nExamples:",
      "  terrace catalog providers",
      "  terrace catalog datasets --provider lux",
      "  terrace catalog dataset lux:elevation --format json",
      "  terrace catalog search --collection bcsd:pr --datetime 1999-06-01T00:00:00Z/..",
      "  terrace catalog datasets --url http://localhost:8000"
    })
final class CatalogCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "Missing a command: providers, datasets, dataset or search");
  }

  /** {@code terrace catalog providers}. */
  @Command(
      name = "providers",
      mixinStandardHelpOptions = true,
      versionProvider = Version.class,
      description = "Lists the providers: slug, name, protocol, number of datasets, license.",
      footer = {
        "%nExamples:",
        "  terrace catalog providers",
        "  terrace catalog providers --format json --url" + " http://localhost:8000"
      })
  static final class Providers extends CatalogListing {
    @Override
    void print(Service s) {
      List<Provider> providers =
          all(offset -> s.api().providers(ListProvidersRequest.of(PAGE, offset)));
      Table table = new Table("SLUG", "NAME", "PROTOCOL", "DATASETS", "LICENSE");
      providers.forEach(
          p -> table.row(p.slug(), p.name(), p.protocol(), p.datasetCount(), p.license()));
      print(providers, table);
    }
  }

  /** {@code terrace catalog datasets}. */
  @Command(
      name = "datasets",
      mixinStandardHelpOptions = true,
      versionProvider = Version.class,
      description =
          "Lists the datasets, all or one provider's: id, units, data type, resolution, CRS, timestamps.",
      footer = {
        "%nExamples:",
        "  terrace catalog datasets",
        "  terrace catalog datasets --provider lux --format" + " json"
      })
  static final class Datasets extends CatalogListing {
    @Option(
        names = "--provider",
        paramLabel = "SLUG",
        description = "Only this provider's datasets.")
    String provider;

    @Override
    void print(Service s) {
      List<Dataset> datasets =
          all(offset -> s.api().datasets(ListDatasetsRequest.of(provider, PAGE, offset)));
      Table table = new Table("ID", "UNITS", "DATA_TYPE", "RESOLUTION_M", "CRS", "TIMESTAMPS");
      datasets.forEach(
          d ->
              table.row(
                  d.id(),
                  d.units(),
                  d.dataType(),
                  d.resolutionM(),
                  d.crs(),
                  d.temporal().isStatic() ? "static" : d.temporal().timestamps().size()));
      print(datasets, table);
    }
  }

  /** {@code terrace catalog dataset ID}. */
  @Command(
      name = "dataset",
      mixinStandardHelpOptions = true,
      versionProvider = Version.class,
      description = "Shows one dataset: every field the catalog has for it.",
      footer = {
        "%nExamples:",
        "  terrace catalog dataset lux:elevation",
        "  terrace catalog dataset lux:elevation" + " --format json"
      })
  static final class DatasetDetail extends CatalogListing {
    @Parameters(paramLabel = "ID", description = "The dataset id, provider:name.")
    String id;

    @Override
    void print(Service s) {
      Dataset dataset = s.api().dataset(id);
      Table table = new Table("FIELD", "VALUE");
      JsonStyle.MAPPER
          .valueToTree(dataset)
          .properties()
          .forEach(
              e ->
                  table.row(
                      e.getKey(),
                      e.getValue().isValueNode() ? e.getValue().asText() : e.getValue()));
      print(dataset, table);
    }
  }
}
