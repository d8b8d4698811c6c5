package io.github.sparkactivations.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.sparkactivations.internal.Causes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.Mark;

/**
 * Reads a job config: YAML (JSON is YAML too) into a Jackson tree, applies {@code --set key=value}
 * overrides on the tree, then binds it to {@link JobConfig} with unknown keys as errors. Every
 * failure becomes a {@link ConfigException} whose one-line message names the file, the key and the
 * fix.
 */
public final class ConfigLoader {

  /**
   * Sections whose values are free-form string maps: below these, the rest of a dotted key is one map
   * key ({@code --set spark.conf.spark.sql.shuffle.partitions=8}).
   */
  static final Set<String> MAP_SECTIONS = Set.of("spark.conf", "input.options", "output.options");

  private static final ObjectMapper YAML = JsonMapper.builder(new YamlFactoryWithNonFinite(
          YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build()))
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
      // a second document (after ---) would otherwise be dropped without a word
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private ConfigLoader() {}

  /**
   * Reads, overrides and binds a config file.
   *
   * @param file the YAML file
   * @param sets {@code key=value} overrides, applied in order; the value is read as a YAML value
   *     ({@code 0.5}, {@code true}, {@code [a, b]}, or a plain string)
   */
  public static JobConfig load(Path file, List<String> sets) {
    String source = file.toString();
    String text;
    if (Files.isDirectory(file)) {
      throw new ConfigException(null, null, "config file " + source + " is a directory; give a YAML file");
    }
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new ConfigException(null, null, "config file " + source + " does not exist");
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new ConfigException(null, null, "config file " + source + " is not UTF-8 text; give a YAML file");
    } catch (IOException e) {
      throw new ConfigException(null, null, "cannot read config file " + source + ": " + e.getMessage());
    }
    return parse(text, source, sets);
  }

  /** Like {@link #load(Path, List)} for YAML text; {@code source} names it in messages. */
  public static JobConfig parse(String yaml, String source, List<String> sets) {
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      if (e instanceof MismatchedInputException && String.valueOf(e.getOriginalMessage()).startsWith("Trailing token")) {
        var loc = e.getLocation();
        throw new ConfigException(source, null, "holds more than one YAML document (a second one starts near line "
            + (loc == null ? "?" : loc.getLineNr()) + "); put the whole config in one document, without ---");
      }
      throw new ConfigException(source, null, "not valid YAML: " + describeParseError(e));
    }
    if (root == null || root instanceof MissingNode || root.isNull()) {
      if (sets.isEmpty()) {
        throw new ConfigException(source, null, "is empty; a config is a YAML mapping with the sections input, "
            + "features, stages and output (see conf/digits.yaml)");
      }
      root = JsonNodeFactory.instance.objectNode();
    }
    if (!root.isObject()) {
      throw new ConfigException(source, null, "is a YAML " + kind(root) + ", not a mapping; a config is a YAML "
          + "mapping with the sections input, features, stages and output (see conf/digits.yaml)");
    }
    ObjectNode tree = (ObjectNode) root;
    Set<String> setKeys = new LinkedHashSet<>();
    for (String s : sets) {
      setKeys.add(applySet(tree, s, source));
    }
    defaultStageTypes(tree);
    try {
      return YAML.treeToValue(tree, JobConfig.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      ConfigException ce = translate(e);
      String set = setKeyBehind(setKeys, ce.key());
      throw ce.withSource(set == null ? source : source + " (--set " + set + ")");
    }
  }

  /**
   * The {@code --set} key that put the faulty key there: the same key, one below it
   * ({@code --set output={mod: x}} for {@code output.mod}) or one above it ({@code --set outptu.path=x}
   * for the unknown {@code outptu}); the last such set wins, as it does in the tree. Null if none.
   */
  private static String setKeyBehind(Set<String> setKeys, String key) {
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

  /** What a YAML node is, in YAML's words. */
  private static String kind(JsonNode n) {
    if (n.isArray()) {
      return "list";
    }
    if (n.isObject()) {
      return "mapping";
    }
    return "single value";
  }

  /** A stage without {@code type} is an activation stage. */
  private static void defaultStageTypes(ObjectNode tree) {
    JsonNode stages = tree.get("stages");
    if (stages instanceof ArrayNode arr) {
      for (JsonNode st : arr) {
        if (st instanceof ObjectNode o && (!o.has("type") || o.get("type").isNull())) {
          o.put("type", "activation");
        }
      }
    }
  }

  /**
   * Applies one {@code key=value} override to the tree and returns the normalised dotted key.
   * Keys are dotted ({@code output.mode}); list elements are addressed as {@code stages[1].activation}
   * or {@code stages.1.activation}; below {@link #MAP_SECTIONS} the rest of the key is one map key.
   */
  static String applySet(ObjectNode root, String assignment, String source) {
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
      JsonNode n = YAML.readTree(v);
      if (n == null || n instanceof MissingNode) {
        return TextNode.valueOf(v);
      }
      return n;
    } catch (JsonProcessingException e) {
      return TextNode.valueOf(v);
    }
  }

  /** Turns a Jackson binding failure into one line naming the key. */
  static ConfigException translate(Exception e) {
    if (e instanceof UnrecognizedPropertyException u) {
      String key = pathOf(u);
      Collection<Object> known = u.getKnownPropertyIds();
      Set<String> allowed = new TreeSet<>();
      if (known != null) {
        known.forEach(k -> allowed.add(String.valueOf(k)));
      }
      if (u.getReferringClass() != null
          && JobConfig.StageConfig.class.isAssignableFrom(u.getReferringClass())) {
        allowed.add("type");
      }
      String orderedAllowed = orderLike(u.getReferringClass(), allowed);
      return new ConfigException(key, "unknown key (allowed: " + orderedAllowed + ")");
    }
    if (e instanceof InvalidTypeIdException t && t.getTypeId() == null) {
      String key = pathOf(t);
      return new ConfigException(key.isEmpty() ? null : key, "expected " + describeType(JobConfig.StageConfig.class));
    }
    if (e instanceof InvalidTypeIdException t) {
      String key = pathOf(t);
      key = key.isEmpty() ? "type" : key + ".type";
      return new ConfigException(
          key, "unknown stage type '" + t.getTypeId() + "' (allowed: activation, softmax)");
    }
    if (e instanceof InvalidFormatException f) {
      return new ConfigException(
          pathOf(f), "'" + f.getValue() + "' is not " + describeType(f.getTargetType()));
    }
    if (e instanceof ValueInstantiationException v) {
      Throwable c = v.getCause() == null ? v : v.getCause();
      return new ConfigException(pathOf(v), JobConfig.oneLine(c.getMessage()));
    }
    if (e instanceof MismatchedInputException m) {
      String key = pathOf(m);
      return new ConfigException(key.isEmpty() ? null : key, "expected " + describeType(m.getTargetType()));
    }
    if (e instanceof JsonMappingException m) {
      return new ConfigException(pathOf(m).isEmpty() ? null : pathOf(m), JobConfig.oneLine(m.getOriginalMessage()));
    }
    return new ConfigException(null, JobConfig.oneLine(e.getMessage()));
  }

  /** Record component order when known (path, format, mode, keep, options), else alphabetical. */
  private static String orderLike(Class<?> cls, Set<String> allowed) {
    List<String> out = new ArrayList<>();
    if (cls != null && JobConfig.StageConfig.class.isAssignableFrom(cls)) {
      out.add("type");
    }
    if (cls != null && cls.isRecord()) {
      for (var rc : cls.getRecordComponents()) {
        if (allowed.contains(rc.getName()) && !out.contains(rc.getName())) {
          out.add(rc.getName());
        }
      }
    }
    for (String a : allowed) {
      if (!out.contains(a)) {
        out.add(a);
      }
    }
    return String.join(", ", out);
  }

  private static String pathOf(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        sb.append('[').append(r.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  private static String describeType(Class<?> t) {
    if (t == null) {
      return "a different kind of value";
    }
    if (t == Double.class || t == double.class) {
      return "a number";
    }
    if (t == Boolean.class || t == boolean.class) {
      return "true or false";
    }
    if (t == String.class) {
      return "a single value";
    }
    if (List.class.isAssignableFrom(t) || Collection.class.isAssignableFrom(t)) {
      return "a list, e.g. [a, b]";
    }
    if (java.util.Map.class.isAssignableFrom(t)) {
      return "a mapping of key: value";
    }
    if (JobConfig.StageConfig.class.isAssignableFrom(t)) {
      return "a mapping such as { activation: relu } or { type: softmax }";
    }
    if (t.isRecord() || t.isInterface()) {
      return "a mapping with keys "
          + (t.isRecord()
              ? Arrays.stream(t.getRecordComponents()).map(c -> c.getName()).collect(Collectors.joining(", "))
              : "type, ...");
    }
    return "a " + t.getSimpleName();
  }

  /**
   * One line for a YAML syntax error: {@code line L, column C: <problem>}, with the construct it
   * interrupted ({@code while parsing a flow sequence started at line 1, column 8}) when SnakeYAML
   * names one. SnakeYAML's own message spans several lines with a source excerpt and a caret, and the
   * location Jackson attaches is that of the last good token, not of the problem; both are replaced
   * by the problem's own mark.
   */
  static String describeParseError(JsonProcessingException e) {
    for (Throwable t : Causes.chain(e)) {
      if (t instanceof org.yaml.snakeyaml.error.MarkedYAMLException m && m.getProblem() != null) {
        StringBuilder sb = new StringBuilder();
        Mark at = m.getProblemMark() != null ? m.getProblemMark() : m.getContextMark();
        if (at != null) {
          sb.append(where(at)).append(": ");
        }
        String problem = JobConfig.oneLine(m.getProblem());
        if (problem.contains("\\t(TAB)")) {
          problem = "a tab character, which YAML does not allow here; indent with spaces";
        }
        sb.append(problem);
        Mark ctx = m.getContextMark();
        // the construct the problem interrupted, when it started elsewhere (an unclosed [ or {, a quote)
        if (m.getContext() != null && ctx != null
            && (at == null || ctx.getLine() != at.getLine() || ctx.getColumn() != at.getColumn())) {
          sb.append(" (").append(JobConfig.oneLine(m.getContext())).append(" started at ").append(where(ctx))
              .append(')');
        }
        return sb.toString();
      }
    }
    String msg = String.valueOf(e.getOriginalMessage());
    java.util.regex.Matcher dup = DUPLICATE.matcher(msg);
    if (dup.lookingAt()) {
      msg = "key '" + dup.group(1) + "' appears twice; keep one";
    }
    // the start of the offending token (a duplicate key's own position), not the parser's position after it
    var loc = e.getProcessor() instanceof com.fasterxml.jackson.core.JsonParser p && p.getTokenLocation() != null
        ? p.getTokenLocation() : e.getLocation();
    String where = loc == null || loc.getLineNr() < 1 ? "" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ": ";
    return where + JobConfig.oneLine(msg);
  }

  /** Jackson's words for a key given twice in one mapping (by the parser or the tree reader). */
  private static final java.util.regex.Pattern DUPLICATE = java.util.regex.Pattern.compile("Duplicate field '([^']*)'");

  private static String where(Mark m) {
    return "line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1);
  }

  /** For tests and the report: the mapper used to read configs (YAML). */
  static ObjectMapper yamlMapper() {
    return YAML;
  }
}
