package dev.ddbkit.integration.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture of ddbkit's library modules (core, testkit, orders, metrics-sharding, transactions, dax), read
 * from their compiled classes: internal packages stay internal, modules depend only downward, nothing prints.
 */
class ArchitectureTest {
  private static final String CORE = "dev.ddbkit.core..";
  private static final String TESTKIT = "dev.ddbkit.testkit..";
  private static final String ORDERS = "dev.ddbkit.orders..";
  private static final String METRICS = "dev.ddbkit.metrics.sharding..";
  private static final String TRANSACTIONS = "dev.ddbkit.transactions..";
  private static final String DAX = "dev.ddbkit.dax..";
  private static final String CLI = "dev.ddbkit.cli..";
  private static final String EMULATOR = "dev.ddbkit.emulator..";
  private static final String BENCHMARKS = "dev.ddbkit.benchmarks..";
  private static final String[] LIBRARY = {CORE, TESTKIT, ORDERS, METRICS, TRANSACTIONS, DAX};

  private static JavaClasses library;

  @BeforeAll
  static void importLibrary() {
    library = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.ddbkit.core", "dev.ddbkit.testkit", "dev.ddbkit.orders", "dev.ddbkit.metrics.sharding",
            "dev.ddbkit.transactions", "dev.ddbkit.dax");
  }

  @Test
  void everyLibraryModule_isImported() {
    for (String module : LIBRARY) {
      String prefix = module.substring(0, module.length() - 2);
      assertThat(library.stream().anyMatch(c -> c.getPackageName().startsWith(prefix)))
          .as("classes of %s on the test class path", prefix).isTrue();
    }
  }

  @Test
  void publicApi_neverExposesAnInternalType() {
    classes().that().resideOutsideOfPackage("..internal..").and().arePublic()
        .should(exposeNoInternalType())
        .check(library);
  }

  @Test
  void core_dependsOnNoOtherDdbkitModule() {
    noClasses().that().resideInAPackage(CORE)
        .should().dependOnClassesThat().resideInAnyPackage(TESTKIT, ORDERS, METRICS, TRANSACTIONS, DAX, CLI,
            EMULATOR, BENCHMARKS)
        .check(library);
  }

  /**
   * Feature modules depend on core only, with one layer among them: transactions writes orders in the orders
   * module's own item layout (one definition of an order), so it may use orders, never the reverse.
   */
  @Test
  void featureModules_dependOnlyDownward() {
    String[] features = {ORDERS, METRICS, TRANSACTIONS, DAX};
    for (String feature : features) {
      List<String> others = new ArrayList<>(List.of(TESTKIT, ORDERS, METRICS, TRANSACTIONS, DAX, CLI, EMULATOR,
          BENCHMARKS));
      others.remove(feature);
      if (feature.equals(TRANSACTIONS)) {
        others.remove(ORDERS);
      }
      noClasses().that().resideInAPackage(feature)
          .should().dependOnClassesThat().resideInAnyPackage(others.toArray(String[]::new))
          .check(library);
    }
  }

  @Test
  void testkit_dependsOnlyOnCoreAndTheEmulator() {
    noClasses().that().resideInAPackage(TESTKIT)
        .should().dependOnClassesThat().resideInAnyPackage(ORDERS, METRICS, TRANSACTIONS, DAX, CLI, BENCHMARKS)
        .check(library);
  }

  @Test
  void libraryCode_neverPrintsToTheConsole() {
    ArchRule rule = NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
    rule.check(library);
  }

  private static ArchCondition<JavaClass> exposeNoInternalType() {
    return new ArchCondition<>("expose no type of an internal package in a public or protected signature") {
      @Override
      public void check(JavaClass type, ConditionEvents events) {
        List<String> exposed = new ArrayList<>();
        type.getRawSuperclass().filter(ArchitectureTest::isInternal)
            .ifPresent(s -> exposed.add("extends " + s.getName()));
        type.getRawInterfaces().stream().filter(ArchitectureTest::isInternal)
            .forEach(i -> exposed.add("implements " + i.getName()));
        boolean extendable = !type.getModifiers().contains(JavaModifier.FINAL);
        for (JavaCodeUnit unit : type.getCodeUnits()) {
          if (visible(unit.getModifiers(), extendable)) {
            unit.getReturnType().getAllInvolvedRawTypes().stream().filter(ArchitectureTest::isInternal)
                .forEach(t -> exposed.add(unit.getFullName() + " returns " + t.getName()));
            for (JavaType parameter : unit.getParameterTypes()) {
              parameter.getAllInvolvedRawTypes().stream().filter(ArchitectureTest::isInternal)
                  .forEach(t -> exposed.add(unit.getFullName() + " takes " + t.getName()));
            }
          }
        }
        for (JavaField field : type.getFields()) {
          if (visible(field.getModifiers(), extendable)) {
            field.getType().getAllInvolvedRawTypes().stream().filter(ArchitectureTest::isInternal)
                .forEach(t -> exposed.add(field.getFullName() + " is a " + t.getName()));
          }
        }
        for (String what : exposed) {
          events.add(SimpleConditionEvent.violated(type, type.getName() + ": " + what));
        }
      }
    };
  }

  private static boolean visible(Set<JavaModifier> modifiers, boolean extendable) {
    return modifiers.contains(JavaModifier.PUBLIC) || (extendable && modifiers.contains(JavaModifier.PROTECTED));
  }

  private static boolean isInternal(JavaClass type) {
    return type.getPackageName().startsWith("dev.ddbkit.") && type.getPackageName().contains(".internal");
  }
}
