package io.jobpulse.benchmarks.streams;

import io.jobpulse.contracts.avro.JobPosting;
import io.jobpulse.contracts.avro.Location;
import io.jobpulse.contracts.avro.PostingStatus;
import io.jobpulse.contracts.avro.Salary;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Realistic postings for the topology benchmark: titles with levels, several paragraphs of description naming 3-8
 * technologies, real cities, a stated salary on 40%, and 10% of jobs posted a second time on another board (near
 * duplicates the dedupe step has to recognise). Deterministic for a seed.
 */
final class BenchPostings {

    private static final String[] LEVELS = {"", "Senior ", "Staff ", "Junior ", "Lead ", "Principal "};
    private static final String[] ROLES = {"Backend Engineer", "Frontend Developer", "Full Stack Engineer", "Data Engineer",
            "DevOps Engineer", "Site Reliability Engineer", "Machine Learning Engineer", "iOS Developer",
            "Android Engineer", "Security Engineer", "QA Automation Engineer", "Engineering Manager", "Product Manager"};
    private static final String[] TECHS = {"Java", "Kotlin", "Go", "Python", "Rust", "TypeScript", "JavaScript", "React",
            "Vue", "Angular", "Node.js", "PostgreSQL", "MySQL", "Redis", "Kafka", "Kubernetes", "Docker", "Terraform",
            "AWS", "GCP", "Azure", "Spark", "Airflow", "Snowflake", "dbt", "GraphQL", "gRPC", "Elasticsearch", "Swift",
            "Scala", "C++", "Ruby on Rails", "Django", "Spring Boot", "ClickHouse", "MongoDB", "PyTorch", "TensorFlow"};
    private static final String[][] PLACES = {{"Berlin, Germany", "Berlin", "DE"}, {"Munich, Germany", "Munich", "DE"},
            {"London, United Kingdom", "London", "GB"}, {"Amsterdam, Netherlands", "Amsterdam", "NL"},
            {"Paris, France", "Paris", "FR"}, {"New York, NY", "New York", "US"}, {"San Francisco, CA", "San Francisco", "US"},
            {"Austin, TX", "Austin", "US"}, {"Toronto, Canada", "Toronto", "CA"}, {"Warsaw, Poland", "Warsaw", "PL"},
            {"Stockholm, Sweden", "Stockholm", "SE"}, {"Remote - Europe", null, null}, {"Remote - US", null, "US"}};
    private static final String[] FILLER = {
            "We are a fast-growing company building tools that thousands of teams rely on every day.",
            "You will work closely with product and design to ship features end to end.",
            "Our engineering culture values code review, testing and continuous delivery.",
            "We offer flexible hours, a learning budget and a generous parental leave policy.",
            "You will mentor other engineers and help shape our technical roadmap.",
            "On-call is shared fairly across the team and well compensated.",
            "We care about observability, performance and the reliability of our platform.",
            "Experience with distributed systems and high-traffic services is a plus."};

    private BenchPostings() {
    }

    static List<JobPosting> generate(int count, long seed) {
        Random random = new Random(seed);
        List<JobPosting> out = new ArrayList<>(count);
        Instant fetched = Instant.parse("2026-11-28T12:00:00Z");
        int job = 0;
        while (out.size() < count) {
            String company = "Company" + random.nextInt(4000);
            String title = LEVELS[random.nextInt(LEVELS.length)] + ROLES[random.nextInt(ROLES.length)];
            String[] place = PLACES[random.nextInt(PLACES.length)];
            List<String> techs = new ArrayList<>(List.of(TECHS));
            Collections.shuffle(techs, random);
            techs = techs.subList(0, 3 + random.nextInt(6));
            StringBuilder d = new StringBuilder();
            d.append(company).append(" is hiring a ").append(title).append(" to join team ").append(job % 97).append(".\n");
            for (int p = 0; p < 4; p++) {
                d.append(FILLER[random.nextInt(FILLER.length)]).append('\n');
            }
            d.append("Our stack: ").append(String.join(", ", techs)).append(".\n");
            d.append("Requirements:\n- ").append(2 + random.nextInt(8)).append("+ years of professional experience with ")
                    .append(techs.get(0)).append(" and ").append(techs.get(1)).append(".\n- Familiarity with ")
                    .append(techs.get(2)).append(".\n");
            for (int p = 0; p < 3; p++) {
                d.append(FILLER[random.nextInt(FILLER.length)]).append('\n');
            }
            Salary salary = random.nextInt(10) < 4
                    ? Salary.newBuilder().setMin(60_000.0 + random.nextInt(100) * 1000).setMax(180_000.0 + random.nextInt(100) * 1000)
                    .setCurrency(place[2] != null && place[2].equals("US") ? "USD" : "EUR").setPeriod("year").build()
                    : null;
            Instant posted = Instant.parse("2026-11-01T09:00:00Z").plusSeconds(86_400L * random.nextInt(28));
            out.add(posting("greenhouse", company.toLowerCase() + ":" + job, company, title, d.toString(), place, salary,
                    posted, fetched));
            if (random.nextInt(10) == 0 && out.size() < count) {
                out.add(posting("hn", String.valueOf(40_000_000 + job), company, title, d + "Mention HN when applying.\n",
                        place, salary, posted, fetched.plusSeconds(3600)));
            }
            job++;
        }
        return out;
    }

    private static JobPosting posting(String source, String sourceId, String company, String title, String description,
                                      String[] place, Salary salary, Instant posted, Instant fetched) {
        Location location = Location.newBuilder().setRaw(place[0]).setCity(place[1]).setCountry(place[2])
                .setRemote(place[1] == null ? true : null).build();
        return JobPosting.newBuilder()
                .setId(source + ":" + sourceId).setSource(source).setSourceId(sourceId).setBoard(company.toLowerCase())
                .setStatus(PostingStatus.ACTIVE).setContentHash(Integer.toHexString((title + description).hashCode()))
                .setTitle(title).setCompany(company).setDescriptionText(description)
                .setUrl("https://jobs.example.org/" + sourceId).setPostedAt(posted).setFetchedAt(fetched)
                .setLocationRaw(place[0]).setLocations(List.of(location)).setSalary(salary)
                .build();
    }
}
