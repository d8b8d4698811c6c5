package io.github.sparkactivations.internal.codegen;

import io.github.sparkactivations.internal.CellFunction;
import io.github.sparkactivations.internal.ColumnKind;
import io.github.sparkactivations.internal.HandleInvalid;
import io.github.sparkactivations.internal.InputRef;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.codegen.CodeGenerator;
import org.apache.spark.sql.catalyst.expressions.codegen.CodegenContext;
import org.apache.spark.sql.catalyst.expressions.codegen.ExprCode;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.types.DataType;
import scala.runtime.AbstractFunction1;

/**
 * One activation (or its derivative, or a row-wise function) of one column as a Catalyst expression:
 * evaluated inside whole-stage generated code over Spark's internal rows, with no conversion to and
 * from external {@code Vector}/{@code Seq} objects as a UDF needs. The generated code calls
 * {@link NativeFunction}, which the interpreted {@link #eval} path uses too.
 *
 * <p>It prints, and names an unaliased output column, as the UDF of the same call does, e.g.
 * {@code activation_relu(features)}; in a query plan it is the node {@code ActivationExpression}.
 */
public final class ActivationExpression extends UnaryExpressionBase {
  private static final long serialVersionUID = 1L;

  private final Expression child;
  private final NativeFunction function;
  private final ColumnKind kind;
  private final String name;
  private final boolean deterministic;

  /**
   * @param child the input, of the type {@code kind} stands for (numbers already cast to double)
   * @param kernel the math, shared with the UDF path
   * @param mode what to do with invalid input
   * @param in the input, as errors name it
   * @param name the function's name in plans and column names, as the UDF path names it
   */
  public ActivationExpression(
      Expression child, ColumnKind kind, CellFunction kernel, HandleInvalid mode, InputRef in, String name) {
    this(child, kind, new NativeFunction(kernel, mode, in), name, mode == HandleInvalid.KEEP);
  }

  private ActivationExpression(
      Expression child, ColumnKind kind, NativeFunction function, String name, boolean deterministic) {
    this.child = child;
    this.kind = kind;
    this.function = function;
    this.name = name;
    // error can throw and skip feeds a null filter: keep the optimizer from moving or duplicating it
    this.deterministic = deterministic;
  }

  @Override
  public Expression child() {
    return child;
  }

  @Override
  protected Expression withChild(Expression newChild) {
    return new ActivationExpression(newChild, kind, function, name, deterministic);
  }

  @Override
  public DataType dataType() {
    return kind.outputType();
  }

  @Override
  public boolean nullable() {
    return true;
  }

  @Override
  public boolean deterministic() {
    return deterministic && child.deterministic();
  }

  @Override
  public String prettyName() {
    return name;
  }

  @Override
  public String toString() {
    return name + "(" + child + ")";
  }

  @Override
  public String sql() {
    return name + "(" + child.sql() + ")";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ActivationExpression e && e.function == function && e.child.equals(child)
        && e.deterministic == deterministic;
  }

  @Override
  public int hashCode() {
    return 31 * System.identityHashCode(function) + child.hashCode();
  }

  @Override
  public Object eval(InternalRow row) {
    Object x = child.eval(row);
    if (x == null) {
      function.onNull();
      return null;
    }
    NativeFunction.Buffers buffers = new NativeFunction.Buffers();
    return switch (kind) {
      case VECTOR -> function.vector(buffers, (InternalRow) x);
      case DOUBLE_ARRAY -> function.doubles(buffers, (ArrayData) x);
      case FLOAT_ARRAY -> function.floats(buffers, (ArrayData) x);
      case NUMBER -> {
        double d = (Double) x;
        yield function.accepts(d) ? (Object) function.number(d) : null;
      }
    };
  }

  @Override
  public ExprCode doGenCode(CodegenContext ctx, ExprCode ev) {
    ExprCode in = child.genCode(ctx);
    String fn = ctx.addReferenceObj("activationFunction", function, NativeFunction.class.getName());
    String buffersType = NativeFunction.Buffers.class.getName().replace('$', '.');
    String buffers =
        ctx.addMutableState(
            buffersType,
            "activationBuffers",
            new AbstractFunction1<String, String>() {
              @Override
              public String apply(String v) {
                return v + " = new " + buffersType + "();";
              }
            },
            true,
            true);
    String isNull = ev.isNull().toString();
    String value = ev.value().toString();
    String x = in.value().toString();
    String compute =
        switch (kind) {
          case VECTOR -> value + " = " + fn + ".vector(" + buffers + ", " + x + ");\n"
              + isNull + " = " + value + " == null;";
          case DOUBLE_ARRAY -> value + " = " + fn + ".doubles(" + buffers + ", " + x + ");\n"
              + isNull + " = " + value + " == null;";
          case FLOAT_ARRAY -> value + " = " + fn + ".floats(" + buffers + ", " + x + ");\n"
              + isNull + " = " + value + " == null;";
          case NUMBER -> "if (" + fn + ".accepts(" + x + ")) {\n"
              + "  " + value + " = " + fn + ".number(" + x + ");\n"
              + "  " + isNull + " = false;\n"
              + "}";
        };
    String after =
        "\nboolean " + isNull + " = true;\n"
            + CodeGenerator.javaType(dataType()) + " " + value + " = "
            + CodeGenerator.defaultValue(dataType(), false) + ";\n"
            + "if (" + in.isNull() + ") {\n"
            + "  " + fn + ".onNull();\n"
            + "} else {\n"
            + compute + "\n"
            + "}\n";
    return ev.copy(block("", in.code(), after), ev.isNull(), ev.value());
  }
}
