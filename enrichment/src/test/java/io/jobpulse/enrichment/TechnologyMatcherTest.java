package io.jobpulse.enrichment;

import static io.jobpulse.enrichment.Enrichers.tech;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TechnologyMatcherTest {

    @Test
    void taxonomyIsLargeVersionedAndCategorised() {
        TechnologyTaxonomy t = TechnologyTaxonomy.load();
        assertThat(t.size()).isGreaterThanOrEqualTo(1000);
        assertThat(t.version()).matches("\\d{4}\\.\\d{2}\\.\\d{2}-\\d+");
        assertThat(t.byName("Kubernetes").category()).isEqualTo("infrastructure");
        assertThat(t.byName("Kubernetes").aliases()).contains("k8s");
        assertThat(t.technologies()).allSatisfy(x -> assertThat(x.category()).isNotBlank());
    }

    @Test
    void aliasesMapToCanonicalNames() {
        assertThat(tech("We use golang, k8s and Postgres with NodeJS and React.js")).containsExactly("Go", "Kubernetes",
                "PostgreSQL", "Node.js", "React");
        assertThat(tech("Stack: C#, csharp and .NET on Azure")).containsExactly("C#", ".NET", "Azure");
        assertThat(tech("Experience with C++ and C")).containsExactly("C++", "C");
        assertThat(tech("Rails and ReactJS, Amazon Web Services")).containsExactly("Ruby on Rails", "React", "AWS");
    }

    @Test
    void caseInsensitiveWholeWords() {
        assertThat(tech("PYTHON, typescript and Kotlin")).containsExactly("Python", "TypeScript", "Kotlin");
        assertThat(tech("We love pythonic code and javascripty things")).isEmpty();
    }

    @Test
    void goTheVerbIsNotTheLanguage() {
        assertThat(tech("We are ready to go to market. Let's go!")).isEmpty();
        assertThat(tech("You will go above and beyond")).isEmpty();
        assertThat(tech("Our backend is written in Go and Python")).containsExactly("Go", "Python");
        assertThat(tech("Go developers wanted")).containsExactly("Go");
    }

    @Test
    void lettersRAndCAreNotLanguages() {
        assertThat(tech("We just raised our Series C round")).isEmpty();
        assertThat(tech("Join our R&D team, grade C students welcome")).isEmpty();
        assertThat(tech("Tools: Python, R, SQL")).containsExactly("Python", "R", "SQL");
        assertThat(tech("Firmware in C/C++ on Linux")).containsExactly("C", "C++", "Linux");
        assertThat(tech("Talk to our C-level executives")).isEmpty();
    }

    @Test
    void ordinaryWordsAreNotTechnologies() {
        assertThat(tech("Rust never sleeps on the rust belt")).containsExactly("Rust"); // capitalised Rust is the language
        assertThat(tech("We hire every spring; the Spring 2025 cohort starts soon")).isEmpty();
        assertThat(tech("Payments over SWIFT and swift delivery")).isEmpty();
        assertThat(tech("Express your ideas; express delivery")).isEmpty();
        assertThat(tech("An office on the island of Java, Indonesia")).isEmpty();
        assertThat(tech("Ruby Smith is our recruiter")).isEmpty();
        assertThat(tech("Offices in Phoenix, AZ")).isEmpty();
        assertThat(tech("Teams that quickly react to incidents")).isEmpty();
        assertThat(tech("React to feedback fast")).isEmpty();
    }

    @Test
    void technologySensesAreKept() {
        assertThat(tech("Backend in Elixir with Phoenix and Ecto")).containsExactly("Elixir", "Phoenix", "Ecto");
        assertThat(tech("Java 17, Spring Boot and Spring")).containsExactly("Java", "Spring Boot", "Spring");
        assertThat(tech("iOS app in Swift and SwiftUI")).containsExactly("iOS", "Swift", "SwiftUI");
        assertThat(tech("Node.js with Express and MongoDB")).containsExactly("Node.js", "Express.js", "MongoDB");
        assertThat(tech("Ruby, Python and Go")).containsExactly("Ruby", "Python", "Go");
        assertThat(tech("We use React and TypeScript")).containsExactly("React", "TypeScript");
    }

    @Test
    void linksAndCompanyMentionsDoNotCount() {
        assertThat(tech("Apply at https://example.com/jobs/rust-engineer-kafka")).isEmpty();
        assertThat(tech("Our founders' last startup was acquired by Datadog")).isEmpty();
    }

    @Test
    void everyMatchKeepsItsEvidence() {
        Enrichment e = Enrichers.enrich("Python and python3, later Kubernetes");
        TechnologyMention py = e.technologies().get(0);
        assertThat(py.name()).isEqualTo("Python");
        assertThat(py.category()).isEqualTo("language");
        assertThat(py.evidence()).extracting(Span::text).containsExactly("Python", "python3");
        assertThat(py.evidence()).extracting(Span::start).containsExactly(0, 11);
        List<Span> k8s = e.technologies().get(1).evidence();
        assertThat(k8s.get(0).end() - k8s.get(0).start()).isEqualTo("Kubernetes".length());
    }

    @Test
    void glueFromHtmlStrippingStillMatches() {
        assertThat(tech("Stack: Go, PostgresWe are a small team")).containsExactly("Go", "PostgreSQL");
    }

    @Test
    void htmlDescriptionsAreReadAsText() {
        assertThat(tech("<p>We use <b>Rust</b> &amp; <a href=\"https://x.io/go\">Kafka</a></p><ul><li>Terraform</li></ul>"))
                .containsExactly("Rust", "Kafka", "Terraform");
    }
}
