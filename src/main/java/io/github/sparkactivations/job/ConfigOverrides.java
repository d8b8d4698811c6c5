package io.github.sparkactivations.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * {@code --set key=value} overrides, applied to the config's YAML tree before it is bound: dotted keys,
 * list elements as {@code stages[1]} or {@code stages.1}, free-form map sections, values read as YAML.
 */
final class ConfigOverrides {

  /**
   * Sections whose values are free-form string maps: below these, the rest of a dotted key is one map
   * key ({@code --set spark.conf.spark.sql.shuffle.partitions=8}).
   */
  static final Set<String> MAP_SECTIONS = Set.of("spark.conf", "input.options", "output.options");

  private ConfigOverrides() {}

  /**
   * The {@code --set} key that put the faulty key there: the same key, one below it
   * ({@code --set output={mod: x}} for {@code output.mod}) or one above it ({@code --set outptu.path=x}
   * for the unknown {@code outptu}); the last such set wins, as it does in the tree. Null if none.
   */
  static String setKeyBehind(Set<String> setKeys, String key) {
    if (key == null) {
      return null;
    }
    String found = null;
    for (String s : setKeys) {
      if (s.equals(key) || isBelow(key, s) || isBelow(s, key)) {
        found = s;
      }
    }
    return found;
  }

  /** Whether dotted key {@code inner} lies inside {@code outer} ({@code stages[0].type} inside {@code stages[0]}). */
  private static boolean isBelow(String inner, String outer) {
    return inner.startsWith(outer) && inner.length() > outer.length()
        && (inner.charAt(outer.length()) == '.' || inner.charAt(outer.length()) == '[');
  }

  /**
   * Applies one {@code key=value} override to the tree and returns the normalised dotted key.
   * Keys are dotted ({@code output.mode}); list elements are addressed as {@code stages[1].activation}
   * or {@code stages.1.activation}; below {@link #MAP_SECTIONS} the rest of the key is one map key.
   */
  static String apply(ObjectNode root, String assignment, String source) {
    int eq = assignment.indexOf('=');
    if (eq <= 0) {
      throw new ConfigException(
          source, null, "--set '" + assignment + "' is not key=value (e.g. --set output.mode=overwrite)");
    }
    String rawKey = assignment.substring(0, eq).trim();
    JsonNode value = parseValue(assignment.substring(eq + 1));
    List<String> parts = splitKey(rawKey);
    if (parts.isEmpty() || parts.stream().anyMatch(String::isEmpty)) {
      throw new ConfigException(source, rawKey, "--set key is malformed (e.g. --set output.mode=overwrite)");
    }
    JsonNode node = root;
    StringBuilder path = new StringBuilder();
    for (int i = 0; i < parts.size(); i++) {
      String part = parts.get(i);
      boolean last = i == parts.size() - 1;
      String here = path.length() == 0 ? part : path + "." + part;
      if (MAP_SECTIONS.contains(here) && !last) {
        // the rest of the key is one map key, dots included
        String mapKey = String.join(".", parts.subList(i + 1, parts.size()));
        ObjectNode map = childObject((ObjectNode) node, part, here, source);
        map.set(mapKey, value);
        return here + "." + mapKey;
      }
      if (node instanceof ObjectNode obj) {
        if (last) {
          obj.set(part, value);
          return normalise(here);
        }
        JsonNode child = obj.get(part);
        if (child == null || child.isNull()) {
          child = isIndex(parts.get(i + 1)) ? obj.putArray(part) : obj.putObject(part);
        }
        node = child;
      } else if (node instanceof ArrayNode arr) {
        if (!isIndex(part)) {
          throw new ConfigException(source, rawKey, "'" + path + "' is a list; address an element as " + path + "[0]");
        }
        int idx = part.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(part);
        if (idx > arr.size()) {
          throw new ConfigException(source, rawKey, "index " + part + " is out of range: '" + path
              + "' has " + arr.size() + (arr.size() == 1 ? " element" : " elements"));
        }
        if (last) {
          if (idx == arr.size()) {
            arr.add(value);
          } else {
            arr.set(idx, value);
          }
          return normalise(here);
        }
        JsonNode child = idx < arr.size() ? arr.get(idx) : null;
        if (child == null || child.isNull()) {
          child = JsonNodeFactory.instance.objectNode();
          if (idx == arr.size()) {
            arr.add(child);
          } else {
            arr.set(idx, child);
          }
        }
        node = child;
      } else {
        throw new ConfigException(
            source, rawKey, "'" + normalise(path.toString()) + "' is a value, not a section; it has no key '" + part + "'");
      }
      path.setLength(0);
      path.append(here);
    }
    throw new IllegalStateException("unreachable");
  }

  private static ObjectNode childObject(ObjectNode parent, String name, String key, String source) {
    JsonNode child = parent.get(name);
    if (child == null || child.isNull()) {
      return parent.putObject(name);
    }
    if (!child.isObject()) {
      throw new ConfigException(source, key, "is not a mapping");
    }
    return (ObjectNode) child;
  }

  /** {@code stages[1].activation} and {@code stages.1.activation} both give [stages, 1, activation]. */
  static List<String> splitKey(String key) {
    String k = key.replaceAll("\\[(\\d+)]", ".$1");
    return new ArrayList<>(Arrays.asList(k.split("\\.", -1)));
  }

  /** The display form of a dotted key: list indexes in brackets, {@code stages[1].activation}. */
  static String normalise(String dotted) {
    return dotted.replaceAll("\\.(\\d+)(?=\\.|$)", "[$1]");
  }

  private static boolean isIndex(String s) {
    return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
  }

  /** A {@code --set} value as YAML: numbers, booleans, lists and maps; a plain string otherwise. */
  static JsonNode parseValue(String raw) {
    String v = raw.trim();
    if (v.isEmpty()) {
      return TextNode.valueOf("");
    }
    try {
      JsonNode n = ConfigLoader.yamlMapper().readTree(v);
      if (n == null || n instanceof MissingNode) {
        return TextNode.valueOf(v);
      }
      return n;
    } catch (JsonProcessingException e) {
      return TextNode.valueOf(v);
    }
  }
}
