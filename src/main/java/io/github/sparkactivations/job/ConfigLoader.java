package io.github.sparkactivations.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a job config: YAML (JSON is YAML too) into a Jackson tree, applies {@code --set key=value}
 * overrides on the tree, then binds it to {@link JobConfig} with unknown keys as errors. Every
 * failure becomes a {@link ConfigException} whose one-line message names the file, the key and the
 * fix.
 */
public final class ConfigLoader {

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
      throw new ConfigException(source, null, "not valid YAML: " + ConfigErrors.describeParseError(e));
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
      setKeys.add(ConfigOverrides.apply(tree, s, source));
    }
    defaultStageTypes(tree);
    try {
      return YAML.treeToValue(tree, JobConfig.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      ConfigException ce = ConfigErrors.translate(e);
      String set = ConfigOverrides.setKeyBehind(setKeys, ce.key());
      throw ce.withSource(set == null ? source : source + " (--set " + set + ")");
    }
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


  /** For tests and the report: the mapper used to read configs (YAML). */
  static ObjectMapper yamlMapper() {
    return YAML;
  }
}
