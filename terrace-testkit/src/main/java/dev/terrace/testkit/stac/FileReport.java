package dev.terrace.testkit.stac;

import java.util.List;

/**
 * What the STAC validation found in one file.
 *
 * @param source the file's path, or the name given to a JSON text
 * @param valid whether the validator and the list response check found nothing wrong
 * @param messages the validator's lines about the file (the schema that failed, then the errors as
 *     it prints them, each with its {@code instancePath} and {@code message}) and the problems that
 *     the check of a list response's top level found; empty when valid
 */
public record FileReport(String source, boolean valid, List<String> messages) {

  /** Copies the messages. */
  public FileReport {
    messages = List.copyOf(messages);
  }
}
