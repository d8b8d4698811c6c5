package io.github.sparkactivations.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.github.sparkactivations.internal.Causes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.Mark;

/**
 * Jackson's and SnakeYAML's failures while reading a config, retold as one line: the YAML syntax error
 * with its line and column, or the binding error under the dotted key it concerns, with what is allowed.
 */
final class ConfigErrors {

  private ConfigErrors() {}

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
}
