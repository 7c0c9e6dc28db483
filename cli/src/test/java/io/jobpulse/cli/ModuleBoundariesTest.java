package io.jobpulse.cli;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The architecture as rules: chDB stays inside the embedded module (everything else reaches ClickHouse through
 * JDBC), the enrichment library knows nothing of Kafka, and stages do not reach into each other.
 */
class ModuleBoundariesTest {

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("io.jobpulse");
    }

    @Test
    void onlyTheEmbeddedStackKnowsChdb() {
        noClasses().that().resideOutsideOfPackages("io.jobpulse.embedded..")
                .should().dependOnClassesThat().resideInAPackage("io.jobpulse.embedded.clickhouse..")
                .allowEmptyShould(true)
                .check(production);
    }

    @Test
    void enrichmentIsAPlainLibrary() {
        noClasses().that().resideInAPackage("io.jobpulse.enrichment..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "io.jobpulse.contracts..", "io.jobpulse.embedded..")
                .allowEmptyShould(true)
                .check(production);
    }

    @Test
    void stagesDoNotReachIntoEachOther() {
        noClasses().that().resideInAPackage("io.jobpulse.streams..")
                .should().dependOnClassesThat().resideInAnyPackage("io.jobpulse.analytics..", "io.jobpulse.ingest..", "io.jobpulse.embedded..")
                .allowEmptyShould(true).check(production);
        noClasses().that().resideInAPackage("io.jobpulse.ingest..")
                .should().dependOnClassesThat().resideInAnyPackage("io.jobpulse.streams..", "io.jobpulse.analytics..", "io.jobpulse.embedded..")
                .allowEmptyShould(true).check(production);
        noClasses().that().resideInAPackage("io.jobpulse.analytics..")
                .should().dependOnClassesThat().resideInAnyPackage("io.jobpulse.ingest..", "io.jobpulse.streams..", "io.jobpulse.embedded..")
                .allowEmptyShould(true).check(production);
    }
}
