package io.jobpulse.enrichment;

import io.jobpulse.enrichment.text.Header;
import io.jobpulse.enrichment.text.PlainText;
import java.util.List;

/**
 * Enriches one posting: technologies, seniority, role families, work modes, locations, remote regions and salary.
 *
 * <p>Build once with {@link #create()} (loads the taxonomy, gazetteer and rate table, about a second) and share:
 * instances are immutable and thread-safe, and {@link #enrich(PostingText)} keeps no state between calls.
 * Evidence spans point into the analysed text: the title, a newline, then the description as plain text.
 */
public final class PostingEnricher {

    private final TechnologyMatcher technologies;
    private final SeniorityClassifier seniority;
    private final RoleClassifier roles;
    private final WorkModeDetector workModes;
    private final LocationResolver locations;
    private final SalaryParser salaries;
    private final CurrencyRates rates;

    public PostingEnricher(TechnologyMatcher technologies, SeniorityClassifier seniority, RoleClassifier roles,
                           WorkModeDetector workModes, LocationResolver locations, SalaryParser salaries, CurrencyRates rates) {
        this.technologies = technologies;
        this.seniority = seniority;
        this.roles = roles;
        this.workModes = workModes;
        this.locations = locations;
        this.salaries = salaries;
        this.rates = rates;
    }

    /** The enricher over the data shipped in this jar. */
    public static PostingEnricher create() {
        CurrencyRates rates = CurrencyRates.load();
        return new PostingEnricher(new TechnologyMatcher(TechnologyTaxonomy.load()), new SeniorityClassifier(),
                new RoleClassifier(), new WorkModeDetector(), new LocationResolver(Gazetteer.load()), new SalaryParser(rates), rates);
    }

    public String taxonomyVersion() {
        return technologies.taxonomy().version();
    }

    public TechnologyMatcher technologyMatcher() {
        return technologies;
    }

    public CurrencyRates rates() {
        return rates;
    }

    public Enrichment enrich(PostingText posting) {
        PlainText plain = PlainText.of(posting.title(), posting.description());
        Header header = Header.of(plain.text());
        List<TechnologyMention> tech = technologies.match(plain);
        List<WorkMode> modes = workModes.detect(plain, header, posting.hints());
        LocationResolver.Result where = locations.resolve(plain, header, posting.rawLocation(), posting.hints(),
                modes.contains(WorkMode.REMOTE));
        List<Seniority> levels = seniority.classify(plain, header);
        List<RoleFamily> families = RoleClassifier.inferFromStack(roles.classify(plain, header), tech, plain.text());
        String country = where.locations().isEmpty() ? null : where.locations().get(0).country();
        Salary salary = salaries.parse(plain, header, posting.hints(), country);
        return new Enrichment(tech, levels, families, modes, where.locations(), where.remoteRegions(), salary, taxonomyVersion());
    }
}
