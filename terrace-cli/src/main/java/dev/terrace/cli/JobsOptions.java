package dev.terrace.cli;

import dev.terrace.api.Job;
import dev.terrace.api.NotFoundException;
import dev.terrace.client.JobsService;
import dev.terrace.client.TerraceClient;
import picocli.CommandLine.Option;

/**
 * Where the jobs commands send their requests: a service at {@code --url}, with the API key of the
 * other remote commands. There is no {@code --catalog} here: a job outlives the command that
 * submits it only on a service, which keeps it in its database and {@code --jobs-dir}; the engine
 * in this process would lose it when the command exits.
 */
final class JobsOptions {

  @Option(
      names = "--url",
      paramLabel = "URL",
      description =
          "Base URL of the Terrace service that runs the jobs, e.g. http://localhost:8000 (https:// for"
              + " other machines); TERRACE_URL sets it for every command.")
  String url;

  @Option(
      names = "--api-key",
      paramLabel = "KEY",
      description =
          "API key for a service that runs with --auth; better set TERRACE_API_KEY than type it here.")
  String apiKey;

  /**
   * Opens the client.
   *
   * @throws IllegalArgumentException without --url, or when the URL is unusable
   */
  TerraceClient open() {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException(
          "jobs run on a Terrace service, which keeps them after this command exits: start one with"
              + " 'terrace serve' and give its address with --url (or TERRACE_URL), e.g. --url"
              + " http://localhost:8000");
    }
    try {
      return TerraceClient.builder().baseUrl(url.strip()).apiKey(apiKey).build();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--url " + url + ": " + e.getMessage(), e);
    }
  }

  /** The option to repeat in the commands a message suggests. */
  String urlOption() {
    return " --url " + url.strip();
  }

  /**
   * A job id the service does not know, said as such: the SDK's message would point at the dataset
   * ids.
   */
  IllegalArgumentException unknown(String id, NotFoundException e) {
    return new IllegalArgumentException(
        "the service at "
            + url.strip()
            + " has no job '"
            + id
            + "' for this API key; 'terrace jobs list"
            + urlOption()
            + "' shows the ids",
        e);
  }

  /** The job, or the message of {@link #unknown}. */
  Job get(JobsService jobs, String id) {
    try {
      return jobs.get(id);
    } catch (NotFoundException e) {
      throw unknown(id, e);
    }
  }
}
