package io.github.sparkactivations.activation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package layering (see each package's package-info), checked on the compiled main classes: the core is JDK-only; the
 * Spark layers form a line, activation &lt;- sql (row kernels and UDFs) &lt;- ml.feature (stages, built
 * on the sql kernels) &lt;- job; plot sees only the core and its charting library; nothing but the job
 * itself depends on the job.
 */
class ArchitectureTest {

  private static final String ROOT = "io.github.sparkactivations";
  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(ROOT);
  }

  @Test
  void activationCoreDependsOnlyOnTheJdk() {
    classes().that().resideInAPackage(ROOT + ".activation..")
        .should().onlyDependOnClassesThat().resideInAnyPackage(ROOT + ".activation..", "java..")
        .because("the core must run without Spark or Scala on the classpath")
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
  void stagesAndSqlDoNotDependOnTheJob() {
    noClasses().that().resideInAnyPackage(ROOT + ".ml.feature..", ROOT + ".sql..")
        .should().dependOnClassesThat().resideInAPackage(ROOT + ".job..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void sqlFunctionsDoNotDependOnTheStages() {
    noClasses().that().resideInAPackage(ROOT + ".sql..")
        .should().dependOnClassesThat().resideInAPackage(ROOT + ".ml..")
        .because("the layering is activation <- sql (row kernels, UDFs) <- ml.feature (stages) <- job")
        .check(classes);
  }

  @Test
  void sparkLayersSeeOnlyTheCoreAndEachOtherDownwards() {
    classes().that().resideInAnyPackage(ROOT + ".ml.feature..", ROOT + ".sql..")
        .should().onlyDependOnClassesThat()
        .resideInAnyPackage(ROOT + ".activation..", ROOT + ".sql..", ROOT + ".ml.feature..",
            ROOT + ".internal..", "org.apache.spark..", "scala..", "java..")
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
  void nothingOutsideTheJobDependsOnTheJob() {
    noClasses().that().resideOutsideOfPackage(ROOT + ".job..")
        .should().dependOnClassesThat().resideInAPackage(ROOT + ".job..")
        .check(classes);
  }
}
