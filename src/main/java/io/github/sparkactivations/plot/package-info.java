/**
 * Charts of activations and their derivatives: f drawn as a line and f' as dots in the same colour,
 * over a range (by default [-5, 5]), the curves one compares before choosing a function.
 *
 * <p>Entry point: {@link io.github.sparkactivations.plot.ActivationChart}, whose {@code builder()}
 * takes spec strings and returns an XChart {@code XYChart}, and whose {@code save} writes PNG, SVG,
 * PDF or JPG by the file's extension. The job's {@code plot} command uses it.
 *
 * <p>Depends on: {@link io.github.sparkactivations.activation} and the XChart library; no Spark.
 */
package io.github.sparkactivations.plot;
