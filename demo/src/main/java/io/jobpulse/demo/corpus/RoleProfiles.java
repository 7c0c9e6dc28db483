package io.jobpulse.demo.corpus;

import java.util.List;

import static io.jobpulse.demo.corpus.Seniority.JUNIOR;
import static io.jobpulse.demo.corpus.Seniority.LEAD;
import static io.jobpulse.demo.corpus.Seniority.MANAGER;
import static io.jobpulse.demo.corpus.Seniority.MID;
import static io.jobpulse.demo.corpus.Seniority.PRINCIPAL;
import static io.jobpulse.demo.corpus.Seniority.SENIOR;
import static io.jobpulse.demo.corpus.Seniority.STAFF;

/**
 * The role families of the corpus. Technologies are written by their canonical names in jobpulse's taxonomy and
 * grouped the way stacks go together (a language with its usual framework), so co-occurrence counts look real.
 * Words that are technologies in one sense and ordinary words in another (Make, Next, Spring, Render...) are never
 * used in prose.
 */
final class RoleProfiles {

    private RoleProfiles() {
    }

    static final Weighted<Seniority> ENGINEER_LEVELS = new Weighted<Seniority>()
            .add(JUNIOR, 7).add(MID, 27).add(SENIOR, 40).add(STAFF, 10).add(PRINCIPAL, 3).add(LEAD, 8);

    private static final Weighted<List<String>> BACKEND_LANGUAGES = groups(
            g(3, "Go"), g(3, "Java", "Spring Boot"), g(1.5, "Kotlin", "Spring Boot"), g(2, "Python", "Django"),
            g(1.5, "Python", "FastAPI"), g(2.5, "TypeScript", "Node.js"), g(1.2, "Ruby", "Ruby on Rails"),
            g(1.5, "C#", ".NET"), g(0.8, "Rust"), g(0.5, "Scala"), g(0.5, "Elixir"), g(1, "PHP", "Laravel"));

    private static final Weighted<List<String>> CLOUDS = groups(g(5, "AWS"), g(2, "GCP"), g(1.5, "Azure"));

    static final List<RoleProfile> ALL = List.of(
            new RoleProfile("backend", 22, nouns("Backend Engineer", 5, "Backend Developer", 1.5), ENGINEER_LEVELS, 185_000,
                    List.of(slot(1, BACKEND_LANGUAGES),
                            slot(1, groups(g(5, "PostgreSQL"), g(2, "MySQL"), g(1.2, "MongoDB"), g(0.8, "DynamoDB"), g(0.3, "Cassandra"))),
                            slot(0.55, groups(g(3, "Kafka"), g(1.2, "RabbitMQ"), g(0.6, "Amazon SQS"), g(2, "Redis"))),
                            slot(0.7, groups(g(3, "Docker", "Kubernetes"), g(1, "Kubernetes"), g(1, "Docker"))),
                            slot(0.6, CLOUDS),
                            slot(0.3, groups(g(1, "gRPC"), g(1, "GraphQL"), g(0.7, "Elasticsearch"), g(0.6, "Terraform")))),
                    List.of("design, build and run the services behind our core product",
                            "own APIs end to end, from the first design review to production",
                            "make our systems faster, cheaper and easier to change",
                            "take part in an on-call rotation that pages rarely",
                            "review code and write down the decisions that matter"), 0.35),
            new RoleProfile("frontend", 12, nouns("Frontend Engineer", 5, "Frontend Developer", 2), ENGINEER_LEVELS, 170_000,
                    List.of(slot(1, groups(g(4, "TypeScript", "React"), g(2, "TypeScript", "React", "Next.js"),
                                    g(1.5, "TypeScript", "Angular"), g(1.5, "TypeScript", "Vue.js"), g(1.5, "JavaScript", "React"),
                                    g(0.4, "TypeScript", "Svelte"))),
                            slot(0.5, groups(g(2, "Tailwind CSS"), g(1.5, "CSS"), g(0.7, "Sass"))),
                            slot(0.3, groups(g(1, "Redux"), g(1, "GraphQL"))),
                            slot(0.5, groups(g(1.5, "Jest"), g(1, "Cypress"), g(1, "Playwright"), g(0.6, "Vitest"))),
                            slot(0.3, groups(g(1, "Vite"), g(1, "Webpack"), g(0.7, "Storybook")))),
                    List.of("build the screens our customers use every day",
                            "turn designs into accessible, fast and well-tested interfaces",
                            "shape our component library together with the design team",
                            "measure page performance and improve it release after release",
                            "review code and share what you learn"), 0.3),
            new RoleProfile("fullstack", 14, nouns("Full Stack Engineer", 5, "Full Stack Developer", 2), ENGINEER_LEVELS, 175_000,
                    List.of(slot(1, groups(g(4, "TypeScript", "React", "Node.js"), g(1.5, "TypeScript", "React", "Next.js", "Node.js"),
                                    g(1.5, "Python", "Django", "React"), g(1.2, "Ruby", "Ruby on Rails", "React"),
                                    g(1, "TypeScript", "Vue.js", "Node.js"), g(0.8, "PHP", "Laravel", "Vue.js"),
                                    g(0.8, "Java", "Spring Boot", "Angular"), g(0.7, "C#", ".NET", "React"))),
                            slot(1, groups(g(4, "PostgreSQL"), g(1.5, "MySQL"), g(1, "MongoDB"))),
                            slot(0.5, groups(g(3, "AWS"), g(2, "Docker"), g(1, "GraphQL"), g(1, "Redis"), g(1, "Tailwind CSS")))),
                    List.of("ship features across the whole product, from the database to the browser",
                            "talk to customers and turn what you hear into small, safe releases",
                            "keep our codebase simple enough for a new colleague to change on day one",
                            "own features end to end, including how we measure them",
                            "review code and improve our tooling"), 0.15),
            new RoleProfile("mobile", 6, nouns("Mobile Engineer", 1), ENGINEER_LEVELS, 175_000,
                    List.of(slot(1, groups(g(3, "Swift", "SwiftUI", "iOS"), g(3, "Kotlin", "Jetpack Compose", "Android"),
                                    g(2, "React Native", "TypeScript"), g(1.5, "Flutter", "Dart"), g(1, "Kotlin", "Android"),
                                    g(1, "Swift", "UIKit", "iOS"))),
                            slot(0.5, groups(g(1, "Firebase"), g(1, "GraphQL"), g(0.5, "Fastlane")))),
                    List.of("build the app our customers open several times a day",
                            "care about startup time, battery use and crash-free sessions",
                            "release every two weeks with feature flags and staged rollouts",
                            "work with the design team on every detail of a screen",
                            "review code and improve our release process"), 0.2),
            new RoleProfile("devops", 9, nouns("DevOps Engineer", 3, "Site Reliability Engineer", 3, "Platform Engineer", 2),
                    ENGINEER_LEVELS, 180_000,
                    List.of(slot(1, groups(g(4, "Kubernetes", "Terraform"), g(1, "Kubernetes", "Helm"), g(1, "Terraform", "Ansible"))),
                            slot(1, CLOUDS),
                            slot(0.6, groups(g(3, "Prometheus", "Grafana"), g(2, "Datadog"))),
                            slot(0.5, groups(g(2, "GitHub Actions"), g(1, "Argo CD"), g(1, "Jenkins"))),
                            slot(0.6, groups(g(2, "Go"), g(2, "Python"), g(1, "Bash"))),
                            slot(0.3, groups(g(2, "Linux"), g(1, "Docker")))),
                    List.of("keep our production systems reliable, observable and affordable",
                            "automate how services are built, deployed and rolled back",
                            "define service level objectives together with the product teams",
                            "run incident reviews that end with fixes, not blame",
                            "make the paved road the easiest road for every team"), 0.1),
            new RoleProfile("data_engineering", 7, nouns("Data Engineer", 4, "Analytics Engineer", 1), ENGINEER_LEVELS, 180_000,
                    List.of(slot(1, groups(g(5, "Python", "SQL"), g(1.5, "Scala", "Spark"), g(2, "Python", "Spark", "SQL"))),
                            slot(0.7, groups(g(3, "Airflow"), g(1, "Dagster"), g(2, "dbt"))),
                            slot(1, groups(g(3, "Snowflake"), g(2, "BigQuery"), g(1, "Redshift"), g(1.5, "Databricks"), g(0.6, "ClickHouse"))),
                            slot(0.4, groups(g(3, "Kafka"), g(0.7, "Apache Flink"))),
                            slot(0.5, CLOUDS)),
                    List.of("build the pipelines that feed our reporting and our models",
                            "model data so that analysts can answer questions without asking you",
                            "make data quality visible with tests and alerts",
                            "keep batch and streaming jobs on time and within budget",
                            "document datasets so that others can find and trust them"), 0.15),
            new RoleProfile("data_science", 8, nouns("Data Scientist", 5, "Machine Learning Engineer", 4), ENGINEER_LEVELS, 190_000,
                    List.of(slot(1, groups(g(5, "Python", "SQL"), g(3, "Python"), g(1, "Python", "R"))),
                            slot(1, groups(g(3, "PyTorch"), g(1.5, "TensorFlow"), g(2.5, "scikit-learn"), g(1, "XGBoost"))),
                            slot(0.6, groups(g(3, "Pandas"), g(1, "NumPy"), g(1, "Spark"))),
                            slot(0.4, groups(g(1, "MLflow"), g(1, "Amazon SageMaker"), g(0.5, "Kubeflow"), g(0.8, "Hugging Face"))),
                            slot(0.25, groups(g(1, "LangChain"), g(0.3, "vLLM")))),
                    List.of("train, evaluate and ship models that change what customers see",
                            "design experiments and explain their results in plain words",
                            "turn vague questions into measurable ones",
                            "monitor models in production and retrain them when the world changes",
                            "share notebooks and findings with the whole company"), 0.1),
            new RoleProfile("security", 4, nouns("Security Engineer", 4, "Application Security Engineer", 2, "Product Security Engineer", 1),
                    new Weighted<Seniority>().add(MID, 25).add(SENIOR, 45).add(STAFF, 12).add(PRINCIPAL, 5).add(LEAD, 8), 185_000,
                    List.of(slot(1, groups(g(2, "AWS"), g(1, "Kubernetes"), g(1, "AWS", "Okta"))),
                            slot(1, groups(g(1, "Burp Suite"), g(1, "Splunk"), g(0.5, "Semgrep"), g(0.5, "OWASP ZAP"), g(0.5, "Terraform"))),
                            slot(0.6, groups(g(3, "Python"), g(1, "Go")))),
                    List.of("find and fix vulnerabilities before attackers do",
                            "threat-model new features together with the teams that build them",
                            "run our vulnerability disclosure program",
                            "build detection and response that wakes the right person",
                            "teach secure defaults through tooling rather than checklists"), 0.0),
            new RoleProfile("qa", 4, nouns("QA Engineer", 3, "QA Automation Engineer", 2, "Test Automation Engineer", 1),
                    new Weighted<Seniority>().add(JUNIOR, 12).add(MID, 38).add(SENIOR, 38).add(LEAD, 12), 140_000,
                    List.of(slot(1, groups(g(2, "Playwright", "TypeScript"), g(1.5, "Cypress", "JavaScript"), g(1.5, "Selenium", "Java"),
                                    g(1, "Selenium", "Python"), g(0.6, "Appium", "Java"))),
                            slot(0.5, groups(g(1, "PyTest"), g(1, "Postman"), g(0.5, "JMeter"), g(0.8, "GitHub Actions"), g(0.5, "Jenkins")))),
                    List.of("build automated test suites that developers trust",
                            "decide with the team what to test, where and how often",
                            "find the bugs that matter before customers do",
                            "keep the release pipeline green and fast",
                            "report quality in numbers everybody understands"), 0.0),
            new RoleProfile("embedded", 3, nouns("Embedded Software Engineer", 3, "Firmware Engineer", 2), ENGINEER_LEVELS, 165_000,
                    List.of(slot(1, groups(g(3, "C++"), g(1, "C++", "Python"), g(0.7, "Rust"))),
                            slot(1, groups(g(2, "RTOS"), g(1.5, "Embedded Linux"), g(0.7, "Yocto"))),
                            slot(0.6, groups(g(1, "STM32"), g(1, "CAN bus"), g(1, "Bluetooth")))),
                    List.of("write the software that runs on our devices",
                            "bring up new boards together with the hardware team",
                            "debug timing issues with a logic analyzer and patience",
                            "keep firmware updates safe in the field",
                            "review code and improve our test rigs"), 0.1),
            new RoleProfile("engineering_manager", 4, nouns("Engineering Manager", 1),
                    new Weighted<Seniority>().add(MANAGER, 1), 215_000,
                    List.of(slot(1, BACKEND_LANGUAGES), slot(0.5, CLOUDS), slot(0.3, groups(g(1, "Kubernetes")))),
                    List.of("grow a team of six to eight people and help each of them do their best work",
                            "own delivery for one area of the product",
                            "hire thoughtfully and make onboarding a strength",
                            "keep the team's technical direction clear and its on-call humane",
                            "give feedback early and often"), 0.0),
            new RoleProfile("product_manager", 4, nouns("Product Manager", 3, "Technical Product Manager", 1),
                    new Weighted<Seniority>().add(JUNIOR, 5).add(MID, 30).add(SENIOR, 45).add(LEAD, 8).add(PRINCIPAL, 6), 180_000,
                    List.of(slot(0.5, groups(g(2, "SQL"), g(1, "Amplitude", "SQL"), g(1, "Jira", "Confluence"), g(1, "Mixpanel", "SQL")))),
                    List.of("decide what we build next and explain why",
                            "talk to customers every week",
                            "write clear problem statements and measure outcomes",
                            "stay close to the team from discovery to launch",
                            "say no to good ideas so that great ones ship"), 0.0),
            new RoleProfile("design", 3, nouns("Product Designer", 4, "UX Designer", 2, "UX Researcher", 1),
                    new Weighted<Seniority>().add(JUNIOR, 8).add(MID, 30).add(SENIOR, 42).add(LEAD, 10).add(STAFF, 5), 155_000,
                    // Figma always comes with another tool: named alone it is not told apart from an analogy.
                    List.of(slot(1, groups(g(1, "Figma"))),
                            slot(1, groups(g(1, "Sketch"), g(1, "Adobe XD"), g(1, "Storybook"), g(1, "HTML", "CSS")))),
                    List.of("design flows that make complex tasks feel simple",
                            "run research sessions and share what you learn",
                            "keep our design system consistent and useful",
                            "prototype quickly and test ideas with customers",
                            "work with engineering on every detail until it ships"), 0.0));

    static final Weighted<RoleProfile> BY_WEIGHT = byWeight();

    private static Weighted<RoleProfile> byWeight() {
        Weighted<RoleProfile> w = new Weighted<>();
        ALL.forEach(p -> w.add(p, p.weight()));
        return w;
    }

    private static RoleProfile.Slot slot(double probability, Weighted<List<String>> groups) {
        return new RoleProfile.Slot(probability, groups);
    }

    private record G(double weight, List<String> techs) {
    }

    private static G g(double weight, String... techs) {
        return new G(weight, List.of(techs));
    }

    private static Weighted<List<String>> groups(G... groups) {
        Weighted<List<String>> w = new Weighted<>();
        for (G g : groups) {
            w.add(g.techs(), g.weight());
        }
        return w;
    }

    private static Weighted<String> nouns(Object... nounsAndWeights) {
        Weighted<String> w = new Weighted<>();
        for (int i = 0; i < nounsAndWeights.length; i += 2) {
            w.add((String) nounsAndWeights[i], ((Number) nounsAndWeights[i + 1]).doubleValue());
        }
        return w;
    }
}
