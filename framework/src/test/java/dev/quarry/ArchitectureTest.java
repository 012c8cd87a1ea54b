package dev.quarry;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

/** The package rules of the framework, checked on its compiled classes. */
class ArchitectureTest {
    private static final JavaClasses FRAMEWORK = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.quarry");

    @Test
    void anInternalPackageIsUsedOnlyByThePackageThatOwnsIt() {
        classes().should(new ArchCondition<JavaClass>("use an internal package only from within its owner") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    String target = dependency.getTargetClass().getPackageName();
                    int internal = target.indexOf(".internal");
                    if (internal < 0 || !target.startsWith("dev.quarry")) {
                        continue;
                    }
                    String owner = target.substring(0, internal);
                    String from = origin.getPackageName();
                    if (!from.equals(owner) && !from.startsWith(owner + ".")) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()
                                + " reaches into " + target + ", which only " + owner + " may use"));
                    }
                }
            }
        }).check(FRAMEWORK);
    }

    @Test
    void thePivotWriterDoesNotReachIntoTheQueryBuildersInternals() {
        noClasses().that().resideInAPackage("dev.quarry.relation.pivot..")
                .should().dependOnClassesThat().resideInAPackage("dev.quarry.query.internal..")
                .allowEmptyShould(true)
                .check(FRAMEWORK);
    }

    @Test
    void everyPublicExceptionIsAQuarryException() {
        classes().that().areAssignableTo(Throwable.class).and().arePublic()
                .should().beAssignableTo(QuarryException.class)
                .check(FRAMEWORK);
    }

    @Test
    void outsideTheInternalPackagesNoCodeThrowsBareJavaExceptions() {
        noClasses().that().resideOutsideOfPackage("..internal..")
                .should().callConstructor(RuntimeException.class, String.class)
                .orShould().callConstructor(IllegalStateException.class, String.class)
                .orShould().callConstructor(IllegalArgumentException.class, String.class)
                .orShould().callConstructor(UnsupportedOperationException.class, String.class)
                .check(FRAMEWORK);
    }

    @Test
    void theAnnotationProcessorDependsOnlyOnTheJdk() {
        // It runs inside javac: it must not load the framework (or its dependencies) to check sources.
        classes().that().resideInAPackage("dev.quarry.processor..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax..", "dev.quarry.processor..")
                .check(FRAMEWORK);
    }

    @Test
    void theSqlLayerKnowsNothingOfEntitiesOrQueries() {
        noClasses().that().resideInAPackage("dev.quarry.sql..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.quarry.entity..", "dev.quarry.query..",
                        "dev.quarry.internal..", "dev.quarry.inject..")
                .check(FRAMEWORK);
    }

    @Test
    void namingIsPureAndStandsAlone() {
        classes().that().resideInAPackage("dev.quarry.naming..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.quarry.naming..")
                .check(FRAMEWORK);
    }
}
