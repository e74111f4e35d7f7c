package dev.terrace.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the document {@code GET /openapi.json} serves to a file, without starting a server: for
 * the build steps that lint it and generate a client from it.
 */
public final class OpenApiFile {

  private OpenApiFile() {}

  /**
   * @param args the file to write; its folder is made if missing
   * @throws IOException if the file cannot be written
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: OpenApiFile FILE");
    }
    Path file = Path.of(args[0]).toAbsolutePath();
    Files.createDirectories(file.getParent());
    Files.write(
        file,
        Json.MAPPER
            .writerWithDefaultPrettyPrinter()
            .writeValueAsBytes(OpenApi.document(TerraceServer.ROUTES)));
  }
}
