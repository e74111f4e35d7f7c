package dev.terrace.engine.internal.netcdf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.sis.util.collection.TableColumn;
import org.apache.sis.util.collection.TreeTable;

/**
 * The attributes of every variable of a netCDF file, as SIS's native metadata lists them: one node
 * per variable holding its attributes, numbers as {@code Byte}, {@code Short}, {@code Integer},
 * {@code Float} or {@code Double} and vectors as {@code Object[]}. Global attributes (nodes without
 * children) are left out.
 */
final class CfAttributes {

  private final Map<String, Map<String, Object>> variables;

  private CfAttributes(Map<String, Map<String, Object>> variables) {
    this.variables = variables;
  }

  /**
   * @param nativeMetadata {@code NetcdfStore.getNativeMetadata()}
   * @return the attributes by variable name
   */
  static CfAttributes of(TreeTable nativeMetadata) {
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    for (TreeTable.Node node : nativeMetadata.getRoot().getChildren()) {
      if (node.getChildren().isEmpty()) {
        continue;
      }
      Map<String, Object> attributes = new LinkedHashMap<>();
      for (TreeTable.Node a : node.getChildren()) {
        attributes.put(String.valueOf(a.getValue(TableColumn.NAME)), a.getValue(TableColumn.VALUE));
      }
      out.put(String.valueOf(node.getValue(TableColumn.NAME)), attributes);
    }
    return new CfAttributes(out);
  }

  /**
   * @return the names of the variables that carry attributes, in file order
   */
  List<String> names() {
    return List.copyOf(variables.keySet());
  }

  /**
   * @return the variable's attributes; empty if it has none or does not exist
   */
  Map<String, Object> of(String variable) {
    return variables.getOrDefault(variable, Map.of());
  }

  /**
   * @return a text attribute
   */
  static Optional<String> text(Map<String, Object> attributes, String name) {
    Object v = attributes.get(name);
    return v instanceof CharSequence s ? Optional.of(s.toString().trim()) : Optional.empty();
  }

  /**
   * @return the first value of a numeric attribute
   */
  static OptionalDouble number(Map<String, Object> attributes, String name) {
    List<Number> values = numbers(attributes, name);
    return values.isEmpty()
        ? OptionalDouble.empty()
        : OptionalDouble.of(values.get(0).doubleValue());
  }

  /**
   * @return every value of a numeric attribute, as stored (so the caller can tell float from
   *     double)
   */
  static List<Number> numbers(Map<String, Object> attributes, String name) {
    Object v = attributes.get(name);
    List<Number> out = new ArrayList<>();
    if (v instanceof Number n) {
      out.add(n);
    } else if (v instanceof Object[] array) {
      for (Object o : array) {
        if (o instanceof Number n) {
          out.add(n);
        }
      }
    } else if (v != null && v.getClass().isArray()) {
      for (int i = 0; i < java.lang.reflect.Array.getLength(v); i++) {
        if (java.lang.reflect.Array.get(v, i) instanceof Number n) {
          out.add(n);
        }
      }
    }
    return out;
  }

  /**
   * Finds the time coordinate variable: the one whose {@code units} are exactly the given text (SIS
   * names its temporal CRS after them), preferring one named {@code time}.
   *
   * @param units the units of the time axis
   * @return the variable's attributes, if one matches
   */
  Optional<Map<String, Object>> timeVariable(String units) {
    Map<String, Object> found = null;
    for (Map.Entry<String, Map<String, Object>> e : variables.entrySet()) {
      if (text(e.getValue(), "units").filter(u -> u.equals(units.trim())).isPresent()) {
        if (found == null || e.getKey().equals("time")) {
          found = e.getValue();
        }
      }
    }
    return Optional.ofNullable(found);
  }
}
