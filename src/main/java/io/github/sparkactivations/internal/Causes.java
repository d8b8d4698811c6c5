package io.github.sparkactivations.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one walker of exception cause chains. Spark wraps the failure that names a problem several times
 * (a UDF failure, a task failure, a job abort); these methods look through the wrappers. Each stops at
 * a cycle.
 */
public final class Causes {

  private Causes() {}

  /** {@code failure}, its cause, the cause's cause, ... (outermost first), each once. */
  public static List<Throwable> chain(Throwable failure) {
    List<Throwable> chain = new ArrayList<>();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
      chain.add(t);
    }
    return chain;
  }

  /** The outermost throwable of type {@code type} in the chain of {@code failure}. */
  public static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
    return chain(failure).stream().filter(type::isInstance).map(type::cast).findFirst();
  }

  /** The innermost throwable of the chain whose message is not blank, or the outermost if none is. */
  public static Throwable innermostWithMessage(Throwable failure) {
    List<Throwable> chain = chain(failure);
    for (int i = chain.size() - 1; i >= 0; i--) {
      String m = chain.get(i).getMessage();
      if (m != null && !m.isBlank()) {
        return chain.get(i);
      }
    }
    return failure;
  }

  /** The innermost throwable of the chain (its root cause). */
  public static Throwable root(Throwable failure) {
    List<Throwable> chain = chain(failure);
    return chain.get(chain.size() - 1);
  }
}
