#!/usr/bin/env bash
# SIMD vs scalar kernels, load-tolerant (see SimdInterleavedBenchmark): one JVM per activation with
# jdk.incubator.vector, the Vector API loop and the scalar loop alternating, minimum ns per element of
# each. Prints the path and lane count the JVM found. Usage: bench/simd-interleaved.sh [size] [rounds]
# (after: mvn -Pjmh -DskipTests test-compile). Add -XX:+UnlockDiagnosticVMOptions -XX:+PrintInlining
# to JAVA_OPTS to check that the vector loops are compiled without boxed calls.
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-4096}
rounds=${2:-400}
cp=target/classes:target/test-classes
first=1
for fn in sigmoid bipolar_sigmoid tanh elu selu celu "gelu" "gelu(approximate=tanh)" silu swish softplus \
    log_sigmoid mish softmax log_softmax softmin; do
  java -Xmx512m --add-modules=jdk.incubator.vector ${JAVA_OPTS:-} -cp "$cp" \
      io.github.sparkactivations.activation.SimdInterleavedBenchmark "$fn" "$size" "$rounds" \
    | if [ $first = 1 ]; then cat; else tail -n 1; fi
  first=0
done
