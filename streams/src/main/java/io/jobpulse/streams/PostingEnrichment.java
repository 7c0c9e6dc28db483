package io.jobpulse.streams;

import io.jobpulse.contracts.avro.EnrichedPosting;
import io.jobpulse.contracts.avro.EnrichedSalary;
import io.jobpulse.contracts.avro.JobPosting;
import io.jobpulse.contracts.avro.Location;
import io.jobpulse.contracts.avro.PostingStatus;
import io.jobpulse.contracts.avro.ResolvedLocation;
import io.jobpulse.contracts.avro.TechnologyMatch;
import io.jobpulse.contracts.avro.TextSpan;
import io.jobpulse.enrichment.Enrichment;
import io.jobpulse.enrichment.PostingEnricher;
import io.jobpulse.enrichment.PostingText;
import io.jobpulse.enrichment.RoleFamily;
import io.jobpulse.enrichment.Salary;
import io.jobpulse.enrichment.Seniority;
import io.jobpulse.enrichment.Span;
import io.jobpulse.enrichment.StructuredHints;
import io.jobpulse.enrichment.TechnologyMention;
import io.jobpulse.enrichment.WorkMode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns an ingested {@link JobPosting} into an {@link EnrichedPosting} with the enrichment library: the text the
 * enricher reads, the hints the board gave in structured fields, and the mapping of its result into the contract.
 * Dedupe fields ({@code canonical_id}, {@code duplicate_of}) and {@code version} are filled later by the dedupe step.
 */
public final class PostingEnrichment {

    /**
     * The enrichment library as the topology sees it: the library's {@link PostingEnricher} in production; tests
     * wrap it to simulate a taxonomy upgrade (re-enrichment) without shipping a second taxonomy.
     */
    public interface Enricher {
        Enrichment enrich(PostingText text);

        String taxonomyVersion();
    }

    private final Enricher enricher;

    public PostingEnrichment(Enricher enricher) {
        this.enricher = enricher;
    }

    public static PostingEnrichment of(PostingEnricher library) {
        return new PostingEnrichment(new Enricher() {
            @Override
            public Enrichment enrich(PostingText text) {
                return library.enrich(text);
            }

            @Override
            public String taxonomyVersion() {
                return library.taxonomyVersion();
            }
        });
    }

    public String taxonomyVersion() {
        return enricher.taxonomyVersion();
    }

    public EnrichedPosting enrich(JobPosting p, Instant firstSeenAt, Instant lastSeenAt, Instant now) {
        String description = p.getDescriptionText() == null || p.getDescriptionText().isBlank()
                ? (p.getDescriptionHtml() == null ? "" : p.getDescriptionHtml())
                : p.getDescriptionText();
        Enrichment e = enricher.enrich(new PostingText(p.getTitle(), description, rawLocation(p), hints(p)));
        int titleLength = p.getTitle().length();
        List<TechnologyMatch> techs = e.technologies().stream().map(t -> technology(t, titleLength)).toList();
        return EnrichedPosting.newBuilder()
                .setId(p.getId())
                .setCanonicalId(p.getId())
                .setDuplicateOf(null)
                .setSource(p.getSource())
                .setSourceId(p.getSourceId())
                .setBoard(p.getBoard())
                .setStatus(PostingStatus.ACTIVE)
                .setVersion(0)
                .setContentHash(p.getContentHash())
                .setTitle(p.getTitle())
                .setCompany(p.getCompany())
                .setDescriptionText(p.getDescriptionText())
                .setUrl(p.getUrl())
                .setLocationRaw(p.getLocationRaw())
                .setPostedAt(p.getPostedAt())
                .setFirstSeenAt(firstSeenAt)
                .setLastSeenAt(lastSeenAt)
                .setClosedAt(null)
                .setDay(day(p.getPostedAt(), firstSeenAt))
                .setTechnologies(techs)
                .setSeniority(e.seniority().stream().map(Seniority::label).toList())
                .setRoles(e.roles().stream().map(RoleFamily::label).toList())
                .setWorkModes(e.workModes().stream().map(WorkMode::label).toList())
                .setLocations(e.locations().stream().map(l -> ResolvedLocation.newBuilder()
                        .setCity(l.city()).setRegion(l.region()).setCountry(l.country()).build()).toList())
                .setRemoteRegions(e.remoteRegions())
                .setSalary(salary(e.salary()))
                .setTaxonomyVersion(e.taxonomyVersion())
                .setEnrichedAt(now)
                .build();
    }

    /** The day a posting counts on: the board's posting date when given, else when jobpulse first saw it. */
    public static LocalDate day(Instant postedAt, Instant firstSeenAt) {
        return LocalDate.ofInstant(postedAt != null ? postedAt : firstSeenAt, ZoneOffset.UTC);
    }

    private static String rawLocation(JobPosting p) {
        if (p.getLocationRaw() != null && !p.getLocationRaw().isBlank()) {
            return p.getLocationRaw();
        }
        String joined = p.getLocations().stream().map(Location::getRaw).collect(Collectors.joining("; "));
        return joined.isBlank() ? null : joined;
    }

    private static StructuredHints hints(JobPosting p) {
        Location structured = p.getLocations().stream()
                .filter(l -> l.getCity() != null || l.getCountry() != null).findFirst().orElse(null);
        var s = p.getSalary();
        return new StructuredHints(
                s == null ? null : s.getMin(), s == null ? null : s.getMax(),
                s == null ? null : s.getCurrency(), s == null ? null : s.getPeriod(),
                structured == null ? null : structured.getCity(), structured == null ? null : structured.getRegion(),
                structured == null ? null : structured.getCountry(), p.getRemote(), p.getWorkplaceType());
    }

    /** Evidence spans point into "title \n description"; the contract wants them per field. */
    private static TechnologyMatch technology(TechnologyMention t, int titleLength) {
        List<TextSpan> spans = t.evidence().stream().map(s -> span(s, titleLength)).toList();
        return TechnologyMatch.newBuilder().setName(t.name()).setCategory(t.category()).setEvidence(spans).build();
    }

    private static TextSpan span(Span s, int titleLength) {
        if (s.end() <= titleLength) {
            return TextSpan.newBuilder().setField("title").setStart(s.start()).setEnd(s.end()).build();
        }
        int offset = titleLength + 1;
        return TextSpan.newBuilder().setField("description")
                .setStart(Math.max(0, s.start() - offset)).setEnd(Math.max(0, s.end() - offset)).build();
    }

    private static EnrichedSalary salary(Salary s) {
        if (s == null) {
            return null;
        }
        return EnrichedSalary.newBuilder()
                .setMin(s.min()).setMax(s.max())
                .setCurrency(s.currency() == null ? "" : s.currency())
                .setPeriod(s.period() == null ? "year" : s.period().label())
                .setAnnualMin(s.annualMin()).setAnnualMax(s.annualMax())
                .setUsdAnnualMin(s.usdAnnualMin()).setUsdAnnualMax(s.usdAnnualMax())
                .setFromStructuredFields(s.source() == Salary.Source.STRUCTURED)
                .build();
    }
}
