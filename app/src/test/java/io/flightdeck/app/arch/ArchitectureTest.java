package io.flightdeck.app.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.flightdeck.views.badfixture.ViewThatRunsSql;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The allowed dependencies of STYLE.md, checked on the compiled classes of every module (the Maven
 * module graph is the first fence; this is the second, which also catches wrong imports of
 * transitive libraries).
 */
class ArchitectureTest {
  private static JavaClasses all;

  @BeforeAll
  static void importClasses() {
    // Sibling modules arrive as jars or as target/classes folders; both are imported, tests are
    // not.
    all =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // test fixtures shared as test-jars (runners' real-sshd Sshd) are not the product
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("io.flightdeck");
  }

  static final ArchRule CORE_IS_PLAIN_JAVA =
      noClasses()
          .that()
          .resideInAPackage("io.flightdeck.core..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "javafx..",
              "org.controlsfx..",
              "java.sql..",
              "javax.sql..",
              "org.jooq..",
              "org.h2..",
              "org.flywaydb..",
              "net.schmizz..",
              "com.hierynomus..",
              "ai.onnxruntime..",
              "io.flightdeck.store..",
              "io.flightdeck.views..",
              "io.flightdeck.controllers..",
              "io.flightdeck.runners..",
              "io.flightdeck.agent..",
              "org.tribuo..",
              "io.flightdeck.app..")
          .because("core holds the domain and must run anywhere, the agent included");

  static final ArchRule VIEWS_KNOW_ONLY_JAVAFX =
      classes()
          .that()
          .resideInAPackage("io.flightdeck.views..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "io.flightdeck.views..",
              "javafx..",
              "org.controlsfx..",
              "eu.hansolo..",
              "org.knowm.xchart..",
              "java..")
          .because("views are passive: no service, no thread pool, no database (STYLE.md)");

  static final ArchRule VIEWS_RUN_NO_SERVICES =
      noClasses()
          .that()
          .resideInAPackage("io.flightdeck.views..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "java.sql..",
              "javax.sql..",
              "java.net.http..",
              "java.nio.channels..",
              "java.util.concurrent..")
          .because(
              "a view cannot run SQL, network or background work, so it cannot block the FX thread");

  static final ArchRule CONTROLLERS_DO_NOT_TOUCH_STORAGE =
      noClasses()
          .that()
          .resideInAPackage("io.flightdeck.controllers..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.flightdeck.store..",
              "io.flightdeck.app..",
              "io.flightdeck.runners..",
              "io.flightdeck.agent..",
              "java.sql..",
              "org.jooq..",
              "org.h2..",
              "org.flywaydb..")
          .because("controllers call core services, never the store's implementation");

  static final ArchRule JOOQ_STAYS_IN_THE_STORE =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.flightdeck.store..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.jooq..", "org.h2..", "org.flywaydb..")
          .because("jOOQ types never leave local-store");

  static final ArchRule STORE_HAS_NO_UI =
      noClasses()
          .that()
          .resideInAPackage("io.flightdeck.store..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "javafx..",
              "io.flightdeck.views..",
              "io.flightdeck.controllers..",
              "io.flightdeck.app..");

  static final ArchRule RUNNERS_SPEAK_ONLY_THE_PROTOCOL =
      noClasses()
          .that()
          .resideInAPackage("io.flightdeck.runners..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.flightdeck.agent..",
              "io.flightdeck.store..",
              "io.flightdeck.views..",
              "io.flightdeck.controllers..",
              "io.flightdeck.app..",
              "javafx..",
              "org.tribuo..",
              "ai.onnxruntime..")
          .because(
              "runners reach the agent only through docs/agent-protocol.md, on any byte stream");

  static final ArchRule SSH_STAYS_IN_ONE_PACKAGE =
      noClasses()
          .that()
          .resideInAPackage("io.flightdeck..")
          .and()
          .resideOutsideOfPackage("io.flightdeck.runners.ssh..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("net.schmizz..", "com.hierynomus..", "org.bouncycastle..")
          .because(
              "SSHJ is one replaceable transport: hosts, keys, credentials and host operations are"
                  + " core types");

  static final ArchRule AGENT_STANDS_ALONE =
      noClasses()
          .that()
          .resideInAPackage("io.flightdeck.agent..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.flightdeck.runners..",
              "io.flightdeck.store..",
              "io.flightdeck.views..",
              "io.flightdeck.controllers..",
              "io.flightdeck.app..",
              "javafx..",
              "org.jooq..",
              "org.h2..")
          .because("the agent jar runs on hosts that have nothing of the app but Java");

  @Test
  void runnersSpeakOnlyTheProtocol() {
    RUNNERS_SPEAK_ONLY_THE_PROTOCOL.check(all);
  }

  @Test
  void sshStaysInOnePackage() {
    SSH_STAYS_IN_ONE_PACKAGE.check(all);
  }

  @Test
  void agentStandsAlone() {
    AGENT_STANDS_ALONE.check(all);
  }

  @Test
  void coreIsPlainJava() {
    CORE_IS_PLAIN_JAVA.check(all);
  }

  @Test
  void viewsKnowOnlyJavaFx() {
    VIEWS_KNOW_ONLY_JAVAFX.check(all);
  }

  @Test
  void viewsRunNoServices() {
    VIEWS_RUN_NO_SERVICES.check(all);
  }

  @Test
  void controllersDoNotTouchStorage() {
    CONTROLLERS_DO_NOT_TOUCH_STORAGE.check(all);
  }

  @Test
  void jooqStaysInTheStore() {
    JOOQ_STAYS_IN_THE_STORE.check(all);
  }

  @Test
  void storeHasNoUi() {
    STORE_HAS_NO_UI.check(all);
  }

  @Test
  void theRulesSeeEveryModule() {
    assertThat(all.containPackage("io.flightdeck.core.audit")).isTrue();
    assertThat(all.containPackage("io.flightdeck.store")).isTrue();
    assertThat(all.containPackage("io.flightdeck.views.shell")).isTrue();
    assertThat(all.containPackage("io.flightdeck.controllers.shell")).isTrue();
    assertThat(all.containPackage("io.flightdeck.app")).isTrue();
  }

  @Test
  void aWrongImportFailsTheRule() {
    JavaClasses fixture = new ClassFileImporter().importClasses(ViewThatRunsSql.class);
    assertThatThrownBy(() -> VIEWS_RUN_NO_SERVICES.check(fixture))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("java.sql.Connection");
  }
}
