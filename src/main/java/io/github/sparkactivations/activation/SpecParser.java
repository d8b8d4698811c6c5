package io.github.sparkactivations.activation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A single-use recursive-descent parser over one spec string of the {@link Activations} grammar,
 * reporting positions (0-based).
 */
final class SpecParser {
  private static final String SYNTAX = "expected name or name(key=value, ...)";
  private final String text;
  private int pos;

  SpecParser(String text) {
    if (text == null) {
      throw new IllegalArgumentException("activation spec must not be null; " + SYNTAX
          + " with name one of: " + String.join(", ", Activations.NAMES));
    }
    this.text = text;
  }

  Activation parse() {
    skipSpaces();
    String rawName = identifier();
    if (rawName.isEmpty()) {
      throw malformed(atEnd() ? "missing activation name" : "unexpected '" + text.charAt(pos) + "'");
    }
    skipSpaces();
    if (!atEnd() && text.charAt(pos) != '(') {
      throw malformed("unexpected '" + text.charAt(pos) + "' after the name '" + rawName + "'");
    }
    String lower = rawName.toLowerCase(Locale.ROOT);
    Activations.Entry entry = Activations.ENTRIES.get(Activations.ALIASES.getOrDefault(lower, lower));
    if (entry == null) {
      throw unknownName(rawName);
    }
    Object[] values = new Object[entry.params().size()];
    boolean[] given = new boolean[values.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = entry.params().get(i).defaultValue();
    }
    skipSpaces();
    if (!atEnd() && text.charAt(pos) == '(') {
      pos++;
      skipSpaces();
      if (!atEnd() && text.charAt(pos) == ')') {
        pos++;
      } else {
        while (true) {
          parseAssignment(entry, values, given);
          skipSpaces();
          if (atEnd()) {
            throw malformed("missing ')'");
          }
          char c = text.charAt(pos++);
          if (c == ')') {
            break;
          }
          if (c != ',') {
            throw malformed(pos - 1, "expected ',' or ')' but found '" + c + "'");
          }
        }
      }
      skipSpaces();
    }
    if (!atEnd()) {
      throw malformed("unexpected '" + text.charAt(pos) + "' after the activation");
    }
    return entry.factory().apply(values);
  }

  private void parseAssignment(Activations.Entry entry, Object[] values, boolean[] given) {
    skipSpaces();
    int keyStart = pos;
    String rawKey = identifier();
    if (rawKey.isEmpty()) {
      throw malformed(atEnd() ? "missing parameter name" : "expected a parameter name but found '" + text.charAt(pos) + "'");
    }
    String lowerKey = rawKey.toLowerCase(Locale.ROOT);
    int index = -1;
    for (int i = 0; i < entry.params().size(); i++) {
      if (entry.params().get(i).accepts(lowerKey)) {
        index = i;
      }
    }
    if (index < 0) {
      String allowed = entry.params().isEmpty()
          ? entry.name() + " takes no parameters"
          : "allowed: " + String.join(", ", entry.params().stream().map(Activations.Param::describe).toList());
      String note = Activations.UNSUPPORTED_KEYS.get(entry.name() + "." + lowerKey);
      throw new IllegalArgumentException(entry.name() + ": unknown parameter '" + rawKey + "' at position "
          + keyStart + " of '" + text + "'; " + (note == null ? "" : note + "; ") + allowed);
    }
    String key = entry.params().get(index).key();
    if (given[index]) {
      String as = lowerKey.equals(key) ? "" : " (as '" + lowerKey + "')";
      throw new IllegalArgumentException(entry.name() + ": parameter '" + key + "'" + as + " is given twice in '"
          + text + "'");
    }
    given[index] = true;
    skipSpaces();
    if (atEnd() || text.charAt(pos) != '=') {
      throw malformed("expected '=' after '" + rawKey + "'");
    }
    pos++;
    skipSpaces();
    int valueStart = pos;
    while (!atEnd() && text.charAt(pos) != ',' && text.charAt(pos) != ')') {
      pos++;
    }
    String raw = text.substring(valueStart, pos).trim();
    if (raw.isEmpty()) {
      throw malformed(valueStart, "missing value for '" + key + "'");
    }
    Activations.Param p = entry.params().get(index);
    if (p.numeric()) {
      double v;
      try {
        v = parseNumber(raw);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(entry.name() + ": " + key + " must be a number (a Java double literal) but was '"
            + raw + "' at position " + valueStart + " of '" + text + "'");
      }
      values[index] = v;
    } else {
      String v = unquote(raw).toLowerCase(Locale.ROOT);
      if (!p.choices().contains(v)) {
        throw new IllegalArgumentException(entry.name() + ": " + key + " must be one of "
            + String.join(", ", p.choices()) + " but was '" + raw + "'");
      }
      values[index] = v;
    }
  }

  /**
   * A Java double literal, or a non-finite value as YAML or Python write it ({@code .inf}, {@code -inf},
   * {@code nan}): so such a value reaches the parameter's range check, which names what is allowed.
   */
  private static double parseNumber(String raw) {
    String t = raw.toLowerCase(Locale.ROOT);
    String sign = t.startsWith("-") ? "-" : "";
    String body = t.startsWith("-") || t.startsWith("+") ? t.substring(1) : t;
    if (body.equals("inf") || body.equals(".inf") || body.equals("infinity")) {
      return Double.parseDouble(sign + "Infinity");
    }
    if (body.equals("nan") || body.equals(".nan")) {
      return Double.NaN;
    }
    return Double.parseDouble(raw);
  }

  /** An enumerated value may be quoted, as YAML users tend to write it: 'tanh' or "tanh". */
  private static String unquote(String raw) {
    int n = raw.length();
    if (n >= 2 && (raw.charAt(0) == '\'' || raw.charAt(0) == '"') && raw.charAt(n - 1) == raw.charAt(0)) {
      return raw.substring(1, n - 1).trim();
    }
    return raw;
  }

  /** Letters, digits and '_' from the current position (possibly empty). */
  private String identifier() {
    int start = pos;
    while (!atEnd()) {
      char c = text.charAt(pos);
      if (c == '_' || (c < 128 && Character.isLetterOrDigit(c))) {
        pos++;
      } else {
        break;
      }
    }
    return text.substring(start, pos);
  }

  private void skipSpaces() {
    while (!atEnd() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private boolean atEnd() {
    return pos >= text.length();
  }

  private IllegalArgumentException malformed(String what) {
    return malformed(pos, what);
  }

  private IllegalArgumentException malformed(int at, String what) {
    return new IllegalArgumentException("malformed activation spec '" + text + "': " + what + " at position "
        + at + "; " + SYNTAX + ", e.g. relu, leaky_relu(alpha=0.01), gelu(approximate=tanh)");
  }

  private UnknownActivationException unknownName(String rawName) {
    String lower = rawName.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    List<String> candidates = new ArrayList<>(Activations.NAMES);
    candidates.addAll(Activations.ALIASES.keySet());
    for (String c : candidates) {
      int dist = editDistance(lower, c);
      if (dist < bestDistance) {
        bestDistance = dist;
        best = c;
      }
    }
    if (bestDistance > Math.max(2, lower.length() / 3) && lower.length() >= 3) {
      for (String c : candidates) { // a prefix such as "leaky" or "hard_sig"
        if (c.startsWith(lower)) {
          best = c;
          bestDistance = 0;
          break;
        }
      }
    }
    String suggestion = best != null && bestDistance <= Math.max(2, lower.length() / 3)
        ? Activations.ALIASES.getOrDefault(best, best)
        : null;
    return new UnknownActivationException("unknown activation '" + rawName + "'"
        + (suggestion == null ? "" : " (did you mean '" + suggestion + "'?)")
        + "; valid names: " + String.join(", ", Activations.NAMES) + "; aliases: " + aliasList(), rawName, suggestion);
  }

  private static String aliasList() {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, String> e : Activations.ALIASES.entrySet()) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(e.getKey()).append(" -> ").append(e.getValue());
    }
    return sb.toString();
  }

  /** Levenshtein distance, for the "did you mean" hint. */
  private static int editDistance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
