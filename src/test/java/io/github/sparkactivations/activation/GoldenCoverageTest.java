package io.github.sparkactivations.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sparkactivations.activation.GoldenCases.Config;
import io.github.sparkactivations.activation.GoldenCases.Kind;
import io.github.sparkactivations.activation.reference.RefActivations;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Fails when a canonical name of {@link Activations#names()} has no golden values (or the golden table
 * names something that is not canonical), and when an elementwise name lacks a default case, a case of
 * every input kind, or (for parametrised names) a non-default parameter set.
 */
class GoldenCoverageTest {

  @Test
  void everyCanonicalNameHasGoldenValuesAndNothingElseDoes() {
    TreeSet<String> canonical = new TreeSet<>(Activations.names());
    TreeSet<String> covered = GoldenCases.coveredNames();
    TreeSet<String> missing = new TreeSet<>(canonical);
    missing.removeAll(covered);
    TreeSet<String> unknown = new TreeSet<>(covered);
    unknown.removeAll(canonical);
    assertTrue(missing.isEmpty(), "canonical names without golden values: " + missing);
    assertTrue(unknown.isEmpty(), "golden values for names that are not canonical: " + unknown);
    assertEquals(new TreeSet<>(Activations.elementwiseNames()), new TreeSet<>(RefActivations.ELEMENTWISE_DEFAULTS.keySet()));
    assertEquals(new TreeSet<>(Activations.rowwiseNames()), new TreeSet<>(RowwiseGoldenTest.ROWS.keySet()));
  }

  @Test
  void everyElementwiseNameHasDefaultAndNonDefaultCasesOfEveryKind() {
    for (String name : Activations.elementwiseNames()) {
      Map<String, Object> defaults = RefActivations.withDefaults(name, Map.of());
      boolean hasDefault = false;
      boolean hasNonDefault = false;
      Set<Kind> kinds = EnumSet.noneOf(Kind.class);
      for (Config c : GoldenCases.elementwiseConfigs()) {
        if (!c.name().equals(name)) {
          continue;
        }
        hasDefault |= c.params().equals(defaults);
        hasNonDefault |= !c.params().equals(defaults);
        GoldenCases.inputs(c).forEach(in -> kinds.add(in.kind()));
      }
      assertTrue(hasDefault, name + " has no golden case with default parameters");
      assertTrue(defaults.isEmpty() || hasNonDefault, name + " has parameters but no non-default golden case");
      for (Kind k : new Kind[] {Kind.TYPICAL, Kind.TINY, Kind.LARGE, Kind.SPECIAL}) {
        assertTrue(kinds.contains(k), name + " has no " + k + " golden input");
      }
      if (!GoldenCases.kinks(new Config(name, defaults)).isEmpty()) {
        assertTrue(kinds.contains(Kind.KINK) || kinds.contains(Kind.HARD_KINK), name + " has no kink input");
      }
    }
    for (String name : Activations.rowwiseNames()) {
      assertTrue(RowwiseGoldenTest.ROWS.get(name).size() >= 20, name + " has too few golden rows");
    }
  }
}
