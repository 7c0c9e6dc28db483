package io.jobpulse.cli;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The architecture as rules: chDB stays inside the embedded module (everything else reaches ClickHouse through
 * JDBC), the enrichment library knows nothing of Kafka, and stages do not reach into each other.
 *
 * <p>The classes are read from every module's {@code target/classes}: on the test classpath the other modules are
 * jars during {@code mvn verify}, and reading only directories from it would check little more than this module.
 */
class ModuleBoundariesTest {

    /** Every module of the build whose production classes the rules look at (cli runs after all of them). */
    private static final List<String> MODULES = List.of("contracts", "embedded", "enrichment", "ingest", "streams",
            "analytics", "demo", "benchmarks", "cli");

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        List<Path> classes = MODULES.stream().map(m -> Path.of("..", m, "target", "classes")).toList();
        assertThat(classes).allSatisfy(dir -> assertThat(dir).isDirectory());
        production = new ClassFileImporter().importPaths(classes);
        assertThat(production.stream().map(c -> c.getPackageName().split("\\.")[2]).distinct())
                .as("a class of every module was read").containsAll(MODULES);
    }

    @Test
    void onlyTheEmbeddedStackKnowsChdb() {
        // The benchmarks measure chDB's own insert path next to JDBC on purpose (ClickHouseInsertBench).
        noClasses().that().resideOutsideOfPackages("io.jobpulse.embedded..", "io.jobpulse.benchmarks..")
                .should().dependOnClassesThat().resideInAPackage("io.jobpulse.embedded.clickhouse..")
                .check(production);
    }

    @Test
    void enrichmentIsAPlainLibrary() {
        noClasses().that().resideInAPackage("io.jobpulse.enrichment..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "io.jobpulse.contracts..", "io.jobpulse.embedded..")
                .check(production);
    }

    @Test
    void stagesDoNotReachIntoEachOther() {
        noClasses().that().resideInAPackage("io.jobpulse.streams..")
                .should().dependOnClassesThat().resideInAnyPackage("io.jobpulse.analytics..", "io.jobpulse.ingest..", "io.jobpulse.embedded..")
                .check(production);
        noClasses().that().resideInAPackage("io.jobpulse.ingest..")
                .should().dependOnClassesThat().resideInAnyPackage("io.jobpulse.streams..", "io.jobpulse.analytics..", "io.jobpulse.embedded..")
                .check(production);
        noClasses().that().resideInAPackage("io.jobpulse.analytics..")
                .should().dependOnClassesThat().resideInAnyPackage("io.jobpulse.ingest..", "io.jobpulse.streams..", "io.jobpulse.embedded..")
                .check(production);
    }
}
