package io.github.sparkactivations.internal.shim;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.codegen.Block;
import org.apache.spark.sql.catalyst.expressions.codegen.CodeBlock;
import org.apache.spark.sql.catalyst.expressions.codegen.JavaCode;
import scala.collection.IndexedSeq;
import scala.collection.JavaConverters;
import scala.collection.Seq;

/**
 * The Scala-collection-typed part of a Catalyst expression with one child, written from Java: the
 * signatures of {@code children()}, {@code withNewChildrenInternal} and the {@link CodeBlock}
 * constructor name {@code scala.collection.Seq} on Scala 2.12 and {@code scala.collection.immutable.Seq}
 * on 2.13, so they live here, once per Scala line, and the expressions above stay line-neutral.
 */
public abstract class UnaryExpressionShim extends Expression implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The Spark line (major.minor) this class was compiled for. */
  public static final String SPARK_LINE = "3.5";

  private transient Seq<Expression> children;

  /** The one child. */
  public abstract Expression child();

  /** This expression over another child (same function, same settings). */
  protected abstract Expression withChild(Expression newChild);

  @Override
  public final Seq<Expression> children() {
    if (children == null) {
      children = seq(List.of(child()));
    }
    return children;
  }

  @Override
  public final Expression withNewChildrenInternal(IndexedSeq<Expression> newChildren) {
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

  /** The Java code {@code before}, then {@code code} (Spark's code block of a child), then {@code after}. */
  protected static Block block(String before, Block code, String after) {
    return new CodeBlock(seq(Arrays.asList(before, after)), seq(List.<JavaCode>of(code)));
  }

  private static <T> Seq<T> seq(List<T> list) {
    return JavaConverters.asScalaBuffer(list).toList();
  }
}
