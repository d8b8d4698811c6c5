#!/usr/bin/env bash
# Load-tolerant core comparison (see InterleavedCoreBenchmark): one JVM per activation, library bulk
# path vs the naive java.lang.Math loop, alternating, minimum ns per element of each.
# Usage: bench/core-interleaved.sh [size] [rounds]   (after: mvn -Pjmh -DskipTests test-compile)
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-4096}
rounds=${2:-400}
cp=target/classes:target/test-classes
echo "| function | size | library ns/element | naive ns/element | speed vs naive |"
echo "|---|---:|---:|---:|---:|"
for fn in binary_step bipolar_step sigmoid bipolar_sigmoid tanh relu leaky_relu prelu elu selu celu \
    hard_sigmoid hard_sigmoid_pytorch hard_swish gelu "gelu(approximate=tanh)" mish swish silu softplus \
    softsign thresholded_relu relu6 hardtanh log_sigmoid tanhshrink softshrink hardshrink shrink \
    softmax log_softmax softmin hardmax; do
  java -Xmx512m -cp "$cp" io.github.sparkactivations.bench.InterleavedCoreBenchmark "$fn" "$size" "$rounds"
done
