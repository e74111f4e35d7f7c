package dev.terrace.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * A settings file: {@code .properties}, or YAML / JSON (any other name), holding flat {@code name:
 * value} pairs named like the long options ({@code port: 8080}, {@code rate-limit: 50/s}; {@code
 * rate_limit} works too).
 */
final class ConfigFile {

  private ConfigFile() {}

  /**
   * @return the settings, keys in the options' spelling ({@code max-body})
   * @throws IllegalArgumentException if the file is missing, unreadable or not flat
   */
  static Map<String, String> read(Path file) {
    Map<String, String> out = new LinkedHashMap<>();
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("the config file " + file + " does not exist");
    }
    try {
      if (file.getFileName().toString().endsWith(".properties")) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
          p.load(in);
        }
        p.stringPropertyNames().forEach(k -> out.put(normal(k), p.getProperty(k).strip()));
        return out;
      }
      JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
      if (root == null || root.isMissingNode() || root.isNull()) {
        return out;
      }
      if (!root.isObject()) {
        throw new IllegalArgumentException(
            "the config file " + file + " must hold name: value pairs");
      }
      for (Map.Entry<String, JsonNode> e : root.properties()) {
        if (e.getValue().isContainerNode()) {
          throw new IllegalArgumentException(
              "setting '"
                  + e.getKey()
                  + "' in "
                  + file
                  + " must be a single value, not a list or a map");
        }
        out.put(normal(e.getKey()), e.getValue().asText());
      }
      return out;
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read the config file " + file + ": " + e.getMessage(), e);
    }
  }

  private static String normal(String key) {
    return key.strip().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
