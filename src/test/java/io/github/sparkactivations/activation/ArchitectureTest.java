package io.github.sparkactivations.activation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package layering (see each package's package-info), checked on the compiled main classes:
 *
 * <pre>
 *   activation (JDK only) &lt;- internal (the column engine, with its version shim internal.shim)
 *                         &lt;- {ml.feature, sql} (siblings: neither imports the other) &lt;- job
 *   plot &lt;- activation only (and its charting library)
 * </pre>
 *
 * and nothing but the job itself depends on the job.
 */
class ArchitectureTest {

  private static final String ROOT = "io.github.sparkactivations";
  private static JavaClasses classes;

  /**
   * Main classes only. ArchUnit's DO_NOT_INCLUDE_TESTS knows only {@code target/test-classes}; the
   * Spark-line profiles build in {@code target/<line>/test-classes}.
   */
  private static final ImportOption MAIN_CLASSES_ONLY = location -> !location.contains("/test-classes/");

  @BeforeAll
  static void importMainClasses() {
    classes = new ClassFileImporter()
        .withImportOption(MAIN_CLASSES_ONLY)
        .importPackages(ROOT);
  }

  /** The SIMD kernels (activation.Vector*): the only core classes that may use the incubating Vector API. */
  private static final String VECTOR_CLASSES = "Vector";

  @Test
  void activationCoreDependsOnlyOnTheJdk() {
    classes().that().resideInAPackage(ROOT + ".activation..")
        .and().haveSimpleNameNotStartingWith(VECTOR_CLASSES)
        .should().onlyDependOnClassesThat().resideInAnyPackage(ROOT + ".activation..", "java..")
        .because("the core must run without Spark or Scala on the classpath, and on a "
            + "JVM without jdk.incubator.vector, where only the vector kernels may fail to load")
        .check(classes);
  }

  @Test
  void onlyTheVectorKernelsUseTheVectorApiAndOtherwiseOnlyTheJdk() {
    classes().that().resideInAPackage(ROOT + ".activation..").and().haveSimpleNameStartingWith(VECTOR_CLASSES)
        .should().onlyDependOnClassesThat()
        .resideInAnyPackage(ROOT + ".activation..", "java..", "jdk.incubator.vector..")
        .check(classes);
  }

  @Test
  void activationCoreImportsNeitherSparkNorScala() {
    noClasses().that().resideInAPackage(ROOT + ".activation..")
        .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "scala..")
        .check(classes);
  }

  @Test
  void plotDependsOnlyOnTheCoreTheJdkAndXChart() {
    classes().that().resideInAPackage(ROOT + ".plot..")
        .should().onlyDependOnClassesThat()
        .resideInAnyPackage(ROOT + ".plot..", ROOT + ".activation..", "java..", "javax..", "org.knowm.xchart..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void internalEngineSeesOnlyTheCoreSparkAndScala() {
    classes().that().resideInAPackage(ROOT + ".internal..")
        .should().onlyDependOnClassesThat()
        .resideInAnyPackage(ROOT + ".activation..", ROOT + ".internal..", "org.apache.spark..", "scala..", "java..")
        .because("the engine sits between the core and its two users, the stages and the SQL functions")
        .check(classes);
  }

  @Test
  void sparkLineShimSeesOnlySparkScalaAndTheJdk() {
    classes().that().resideInAPackage(ROOT + ".internal.shim..")
        .should().onlyDependOnClassesThat()
        .resideInAnyPackage(ROOT + ".internal.shim..", "org.apache.spark..", "scala..", "java..")
        .because("the shim is the one place where code differs by Spark line; it forwards to Spark only")
        .check(classes);
  }

  @Test
  void stagesSeeOnlyTheEngineTheCoreSparkAndScala() {
    classes().that().resideInAPackage(ROOT + ".ml.feature..")
        .should().onlyDependOnClassesThat()
        .resideInAnyPackage(ROOT + ".activation..", ROOT + ".internal..", ROOT + ".ml.feature..",
            "org.apache.spark..", "scala..", "java..")
        .check(classes);
  }

  @Test
  void sqlFunctionsSeeOnlyTheEngineTheCoreSparkAndScala() {
    classes().that().resideInAPackage(ROOT + ".sql..")
        .should().onlyDependOnClassesThat()
        .resideInAnyPackage(ROOT + ".activation..", ROOT + ".internal..", ROOT + ".sql..",
            "org.apache.spark..", "scala..", "java..")
        .check(classes);
  }

  @Test
  void stagesAndSqlFunctionsAreSiblings() {
    noClasses().that().resideInAPackage(ROOT + ".sql..")
        .should().dependOnClassesThat().resideInAPackage(ROOT + ".ml..")
        .check(classes);
    noClasses().that().resideInAPackage(ROOT + ".ml..")
        .should().dependOnClassesThat().resideInAPackage(ROOT + ".sql..")
        .because("the stages and the SQL functions share the engine in internal, never each other")
        .check(classes);
  }

  @Test
  void nothingOutsideTheJobDependsOnTheJob() {
    noClasses().that().resideOutsideOfPackage(ROOT + ".job..")
        .should().dependOnClassesThat().resideInAPackage(ROOT + ".job..")
        .check(classes);
  }
}
