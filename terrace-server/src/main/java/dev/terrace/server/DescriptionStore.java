package dev.terrace.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.terrace.api.Dataset;
import dev.terrace.engine.internal.catalog.Description;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps in the service's database what the catalog learned about its datasets, so that after a
 * restart they are listed described at once, even those whose source is down.
 */
final class DescriptionStore {

  private static final Logger LOG = Logger.getLogger(DescriptionStore.class.getName());

  private final Database db;

  DescriptionStore(Database db) {
    this.db = db;
  }

  /**
   * @return every kept description, by dataset id; unreadable rows are skipped
   */
  Map<String, Description> load() {
    Map<String, Description> out = new HashMap<>();
    try (Connection c = db.connection();
        PreparedStatement s =
            c.prepareStatement("SELECT id, location, description FROM dataset_descriptions");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        try {
          out.put(
              rs.getString(1),
              new Description(
                  rs.getString(2), Json.MAPPER.readValue(rs.getString(3), Dataset.class)));
        } catch (JsonProcessingException e) {
          // Written by another version: the dataset is described again from its file.
          LOG.fine(() -> "skipping the kept description of " + e.getMessage());
        }
      }
    } catch (SQLException e) {
      LOG.log(
          Level.WARNING,
          "cannot read the kept dataset descriptions; datasets are described from their files",
          e);
    }
    return out;
  }

  /**
   * Keeps a description; a failure to write loses only the head start it would give the next run.
   */
  void save(String id, Description d) {
    try (Connection c = db.connection();
        PreparedStatement delete =
            c.prepareStatement("DELETE FROM dataset_descriptions WHERE id = ?");
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO dataset_descriptions (id, location, description,"
                    + " described_at) VALUES (?, ?, ?, ?)")) {
      c.setAutoCommit(false);
      delete.setString(1, id);
      delete.executeUpdate();
      insert.setString(1, id);
      insert.setString(2, d.location());
      insert.setString(3, Json.MAPPER.writeValueAsString(d.dataset()));
      insert.setLong(4, System.currentTimeMillis());
      insert.executeUpdate();
      c.commit();
    } catch (SQLException | JsonProcessingException e) {
      LOG.log(Level.WARNING, "cannot keep the description of " + id, e);
    }
  }
}
