package io.github.sparkactivations.internal.codegen;

import java.io.Serializable;
import java.util.List;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.codegen.Block;
import org.apache.spark.sql.catalyst.expressions.codegen.CodeBlock;
import org.apache.spark.sql.catalyst.expressions.codegen.JavaCode;

/**
 * The tree plumbing of a Catalyst expression with one child, written in Java so that it compiles
 * unchanged against Scala 2.12 and 2.13: Spark's own {@code UnaryExpression} cannot be extended from
 * Java (its Scala trait members clash), and the collection types in {@code children()},
 * {@code withNewChildrenInternal} and the {@link CodeBlock} constructor are {@code scala.collection.Seq}
 * on 2.12 but {@code scala.collection.immutable.Seq} on 2.13. So {@link #children()} returns an
 * immutable list (a covariant override on 2.12), {@code withNewChildrenInternal} is declared for both
 * {@code IndexedSeq} types (on each line one of them is the override, the other a plain overload), and
 * code blocks are built from immutable lists, which both constructors accept.
 */
public abstract class UnaryExpressionBase extends Expression implements Serializable {
  private static final long serialVersionUID = 1L;

  private transient scala.collection.immutable.List<Expression> children;

  /** The one child. */
  public abstract Expression child();

  /** This expression over another child (same function, same settings). */
  protected abstract Expression withChild(Expression newChild);

  @Override
  public final scala.collection.immutable.List<Expression> children() {
    if (children == null) {
      children = list(List.of(child()));
    }
    return children;
  }

  /** The override on Scala 2.12. */
  public final Expression withNewChildrenInternal(scala.collection.IndexedSeq<Expression> newChildren) {
    return withChild(newChildren.apply(0));
  }

  /** The override on Scala 2.13. */
  public final Expression withNewChildrenInternal(
      scala.collection.immutable.IndexedSeq<Expression> newChildren) {
    return withChild(newChildren.apply(0));
  }

  @Override
  public int productArity() {
    return 1;
  }

  @Override
  public Object productElement(int n) {
    if (n != 0) {
      throw new IndexOutOfBoundsException(String.valueOf(n));
    }
    return child();
  }

  @Override
  public boolean canEqual(Object that) {
    return that != null && that.getClass() == getClass();
  }

  /** The Java code {@code before}, then {@code code} (a child's code block), then {@code after}. */
  protected static Block block(String before, Block code, String after) {
    return new CodeBlock(list(List.of(before, after)), list(List.<JavaCode>of(code)));
  }

  @SuppressWarnings("unchecked")
  private static <T> scala.collection.immutable.List<T> list(List<T> xs) {
    scala.collection.immutable.List<T> l = (scala.collection.immutable.List<T>) (Object) scala.collection.immutable.Nil$.MODULE$;
    for (int i = xs.size() - 1; i >= 0; i--) {
      l = l.$colon$colon(xs.get(i));
    }
    return l;
  }
}
