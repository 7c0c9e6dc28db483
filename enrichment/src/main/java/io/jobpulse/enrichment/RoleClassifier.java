package io.jobpulse.enrichment;

import io.jobpulse.enrichment.text.Header;
import io.jobpulse.enrichment.text.PhraseMatcher;
import io.jobpulse.enrichment.text.PlainText;
import io.jobpulse.enrichment.text.Tokens;
import io.jobpulse.enrichment.text.Words;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Role families of the advertised roles. A family word counts when it names a job ("Backend Engineer",
 * "Data Scientist", "Head of Growth"), or stands alone in the header's role list ("| Backend, Frontend |").
 * A software role with no clearer family is {@link RoleFamily#SOFTWARE_ENGINEER_GENERAL}. Thread-safe.
 */
public final class RoleClassifier {

    private static final int TITLE = 1 << 8;   // needs a role noun after it
    private static final int ALONE = 2 << 8;   // a job name by itself
    private static final int HEADER = 3 << 8;  // by itself in the header, else needs a role noun

    private final PhraseMatcher matcher;

    public RoleClassifier() {
        PhraseMatcher.Builder b = PhraseMatcher.builder();
        add(b, RoleFamily.BACKEND, HEADER, "backend", "back-end", "back end", "server-side", "server side", "backend-focused", "backend-leaning", "backend heavy", "backend-heavy");
        add(b, RoleFamily.BACKEND, TITLE, "api", "distributed systems", "core services");
        add(b, RoleFamily.FRONTEND, HEADER, "frontend", "front-end", "front end", "frontend-focused", "frontend-leaning", "frontend heavy");
        add(b, RoleFamily.FRONTEND, TITLE, "ui", "web ui", "web", "design", "creative");
        add(b, RoleFamily.FULLSTACK, HEADER, "full stack", "full-stack", "fullstack", "full stack-ish", "full-stack-ish");
        add(b, RoleFamily.FULLSTACK, TITLE, "product", "generalist", "product-minded", "product-focused", "product-oriented");
        add(b, RoleFamily.MOBILE, TITLE, "mobile", "ios", "android", "react native", "apple platforms", "macos", "ios/android", "android/ios");
        add(b, RoleFamily.DEVOPS, HEADER, "devops", "dev ops", "site reliability", "platform", "infrastructure", "infra", "cloud infrastructure", "devex", "developer experience", "sre");
        add(b, RoleFamily.DEVOPS, ALONE, "devops engineer", "devops engineers", "sres", "site reliability engineer", "site reliability engineering", "platform engineer", "platform engineers", "platform engineering", "infrastructure engineer", "infrastructure engineers", "infrastructure engineering", "cloud engineer", "release engineer", "build engineer", "reliability engineer", "systems administrator", "sysadmin", "it/infra", "production engineer", "network engineer", "network automation engineer", "build systems engineer");
        add(b, RoleFamily.DEVOPS, TITLE, "cloud", "reliability", "network", "build", "it/infra");
        add(b, RoleFamily.DATA_ENGINEERING, ALONE, "data engineer", "data engineers", "analytics engineer", "analytics engineers", "data platform engineer", "etl developer", "etl engineer", "data pipelines engineer", "data infrastructure engineer", "data migration engineer", "data migrations engineer");
        add(b, RoleFamily.DATA_ENGINEERING, TITLE, "data platform", "data infrastructure", "etl", "data pipeline", "data migrations", "data migration");
        add(b, RoleFamily.DATA_SCIENCE, ALONE, "data scientist", "data scientists", "ml engineer", "ml engineers", "mle", "mles", "machine learning engineer", "machine learning engineers", "ai engineer", "ai engineers", "research scientist", "research scientists", "research engineer", "research engineers", "applied scientist", "applied scientists", "ai researcher", "ml researcher", "llm engineer", "ai/ml engineer", "ml/ai engineer", "head of ai", "head of data", "ml scientist", "quantitative researcher", "data analyst", "data analysts", "product analyst", "prompt engineer", "mlops engineer", "ml ops engineer");
        add(b, RoleFamily.DATA_SCIENCE, TITLE, "machine learning", "ml", "ai", "ai/ml", "ml/ai", "computer vision", "nlp", "llm", "deep learning", "applied ai", "applied ml", "research", "ml infrastructure", "ai infrastructure", "genai", "generative ai", "perception", "data science", "quant", "quantitative", "mlops", "autonomy");
        add(b, RoleFamily.SECURITY, TITLE, "security", "appsec", "infosec", "application security", "product security", "offensive security", "detection", "cybersecurity");
        add(b, RoleFamily.SECURITY, ALONE, "penetration tester", "security researcher");
        add(b, RoleFamily.QA, TITLE, "qa", "quality assurance", "test automation", "qa automation");
        add(b, RoleFamily.QA, ALONE, "sdet", "sdets", "qa engineer", "qa engineers", "test engineer", "quality engineer");
        add(b, RoleFamily.EMBEDDED, TITLE, "embedded", "firmware", "embedded software", "embedded systems", "fpga");
        add(b, RoleFamily.GAME, TITLE, "game", "gameplay", "games");
        add(b, RoleFamily.GAME, ALONE, "game engine", "game engines", "game studio");
        add(b, RoleFamily.ENGINEERING_MANAGER, ALONE, "engineering manager", "engineering managers", "eng manager", "software engineering manager", "head of engineering", "vp of engineering", "vp engineering", "vp, engineering", "director of engineering", "engineering director", "manager of engineering", "development manager");
        add(b, RoleFamily.ENGINEERING_MANAGER, HEADER, "em", "ems");
        add(b, RoleFamily.PRODUCT_MANAGER, ALONE, "product manager", "product managers", "product owner", "technical product manager", "head of product", "vp of product", "director of product", "group product manager", "pm", "pms");
        add(b, RoleFamily.PRODUCT_MANAGER, HEADER, "product", "product management");
        add(b, RoleFamily.DESIGN, ALONE, "designer", "designers", "ui/ux designer", "ux/ui designer", "ux designer", "product designer", "head of design", "brand designer", "visual designer", "ux researcher");
        add(b, RoleFamily.DESIGN, HEADER, "design", "ux", "ui/ux", "ux/ui");
        add(b, RoleFamily.SALES, ALONE, "account executive", "account executives", "sdr", "bdr", "business development representative", "sales engineer", "sales engineers", "account manager", "head of sales", "sales development", "alliance manager", "client executive", "client partner", "sales representative", "sales lead", "sales manager");
        add(b, RoleFamily.SALES, HEADER, "sales", "business development", "gtm", "go-to-market");
        add(b, RoleFamily.MARKETING, ALONE, "head of growth", "growth marketer", "growth marketing", "community manager", "content marketer", "marketing expert", "product marketing", "head of marketing", "marketing manager", "marketing lead", "seo specialist");
        add(b, RoleFamily.MARKETING, HEADER, "marketing", "growth");
        add(b, RoleFamily.SUPPORT, HEADER, "customer support", "customer success", "technical support");
        add(b, RoleFamily.SUPPORT, ALONE, "support engineer", "support engineers", "customer support engineer", "support specialist", "implementation engineer", "implementation specialist", "customer engineer", "customer eng", "customer success engineer", "success engineer", "research storage consultant", "support consultant");
        add(b, RoleFamily.SUPPORT, TITLE, "support", "helpdesk", "help desk");
        add(b, RoleFamily.OPERATIONS, HEADER, "bizops", "revops", "people ops", "business operations");
        add(b, RoleFamily.OPERATIONS, ALONE, "operations manager", "data center engineer", "data center technician", "operations engineer");
        add(b, RoleFamily.OPERATIONS, HEADER, "operations", "ops");
        add(b, RoleFamily.OTHER, ALONE, "chief of staff", "program manager", "project manager", "recruiter", "recruiters", "technical recruiter", "talent partner", "developer relations", "devrel", "developer advocate", "developer advocates", "solutions architect", "solutions engineer", "solution engineer", "grant writer", "mechanical engineer", "tech advisor", "technical writer", "office manager");
        add(b, RoleFamily.SOFTWARE_ENGINEER_GENERAL, ALONE, "software engineer", "software engineers", "software developer", "software developers", "swe", "swes", "sde", "sdes", "developer", "developers", "programmer", "programmers", "engineer", "engineers", "founding engineer");
        this.matcher = b.build();
    }

    private static void add(PhraseMatcher.Builder b, RoleFamily r, int kind, String... phrases) {
        for (String p : phrases) {
            b.add(p, kind | r.ordinal(), false);
        }
    }

    public List<RoleFamily> classify(PlainText plain, Header header) {
        String text = plain.text();
        EnumSet<RoleFamily> found = EnumSet.noneOf(RoleFamily.class);
        List<RoleFamily> order = new ArrayList<>(4);
        plain.scan(matcher, (payload, start, end) -> {
            if (plain.inLink(start, end)) {
                return true;
            }
            RoleFamily r = RoleFamily.values()[payload & 0xFF];
            int kind = payload & ~0xFF;
            String surface = text.substring(start, end);
            boolean inHeader = header.contains(start);
            boolean ok = switch (kind) {
                case ALONE -> aloneOk(r, surface, text, start, end, inHeader);
                case HEADER -> inHeader && header.piped() && !inFirstSegment(text, header, start) && headerStandalone(text, end)
                        && Character.isUpperCase(surface.charAt(0)) || familyNounFollows(r, text, end) || familyNounBefore(r, text, start);
                default -> familyNounFollows(r, text, end) || familyNounBefore(r, text, start);
            };
            if (ok && mentionedAsColleague(text, start)) {
                ok = false;
            }
            if (ok && found.add(r)) {
                order.add(r);
            }
            return true;
        });
        if (found.size() > 1) {
            // gold practice: "software_engineer_general" only when no family is clear
            order.remove(RoleFamily.SOFTWARE_ENGINEER_GENERAL);
        }
        return order;
    }

    private static final java.util.Set<String> FRONTEND_TECH = java.util.Set.of("React", "Vue.js", "Angular", "Svelte",
            "SvelteKit", "Next.js", "Nuxt", "CSS", "HTML", "Tailwind CSS", "Redux", "Alpine.js", "htmx", "Ember.js", "SolidJS",
            "Remix", "Preact", "Hotwire", "Stimulus", "Sass", "Material UI", "Storybook", "Vite", "Webpack");
    private static final java.util.Set<String> BACKEND_TECH = java.util.Set.of("Node.js", "Django", "Flask", "FastAPI",
            "Ruby on Rails", "Spring", "Spring Boot", "PostgreSQL", "MySQL", "MongoDB", "Redis", "Kafka", "Elixir", "Phoenix",
            "Go", "Java", "Kotlin", "Scala", "Express.js", "NestJS", "Laravel", "PHP", "GraphQL", "gRPC", "DynamoDB",
            "Cassandra", "RabbitMQ", "Elasticsearch", ".NET", "ASP.NET", "C#", "Ruby", "Python", "SQL", "Rust", "Clojure",
            "Haskell", "OCaml", "F#", "Erlang", "SQLite", "ClickHouse", "Supabase", "Prisma", "tRPC", "Celery");

    /**
     * When the posting names engineering roles but no family, infers one from the stack it describes: web UI and
     * server technologies together mean full-stack, only server technologies mean backend, only UI ones frontend.
     */
    public static List<RoleFamily> inferFromStack(List<RoleFamily> roles, List<TechnologyMention> technologies) {
        return inferFromStack(roles, technologies, "");
    }

    /** As above, also counting the work the text describes ("backend services", "user interfaces"). */
    public static List<RoleFamily> inferFromStack(List<RoleFamily> roles, List<TechnologyMention> technologies, String text) {
        if (!(roles.isEmpty() || roles.size() == 1 && roles.get(0) == RoleFamily.SOFTWARE_ENGINEER_GENERAL)) {
            return roles;
        }
        int fe = 0;
        int be = 0;
        if (!text.isEmpty()) {
            String lower = text.toLowerCase(java.util.Locale.ROOT);
            for (String cue : new String[] {"backend", "back-end", "back end", "server-side", "apis", "distributed systems", "database"}) {
                be += lower.contains(cue) ? 1 : 0;
            }
            for (String cue : new String[] {"frontend", "front-end", "front end", "user interface", "ui/ux", "web app"}) {
                fe += lower.contains(cue) ? 1 : 0;
            }
        }
        for (TechnologyMention t : technologies) {
            if (FRONTEND_TECH.contains(t.name())) {
                fe++;
            } else if (BACKEND_TECH.contains(t.name())) {
                be++;
            }
        }
        if (fe > 0 && be > 0) {
            return List.of(RoleFamily.FULLSTACK);
        }
        if (be >= 2) {
            return List.of(RoleFamily.BACKEND);
        }
        if (fe >= 2) {
            return List.of(RoleFamily.FRONTEND);
        }
        return roles;
    }

    /** In the header a family word stands for the role when it is the whole segment or a list item. */
    private static boolean headerStandalone(String text, int end) {
        char a = Words.charAfter(text, end);
        return a == '|' || a == ',' || a == '/' || a == ')' || a == '&' || a == '\n' || a == ';' || Character.isUpperCase(a)
                || Words.after(text, end).equals("and") || Words.after(text, end).equals("or");
    }

    private static final java.util.Set<String> ENGINEERING_NOUNS = java.util.Set.of("engineer", "engineers", "developer",
            "developers", "dev", "devs", "swe", "swes", "sde", "sdes", "programmer", "programmers", "architect", "architects",
            "eng", "engs", "hacker", "hackers", "role", "roles", "position", "positions", "hire", "hires", "lead", "leads",
            "specialist", "specialists", "researcher", "researchers", "scientist", "scientists", "contractor", "contractors",
            "team");
    private static final java.util.Set<String> BUSINESS_NOUNS = java.util.Set.of("manager", "managers", "lead", "leads", "marketer",
            "marketers", "writer", "writers", "specialist", "specialists", "strategist", "executive", "executives", "representative",
            "rep", "reps", "associate", "analyst", "engineer", "engineers", "hire", "role", "roles", "position", "positions",
            "agent", "agents", "consultant", "designer", "designers", "director", "head", "partner");
    private static final java.util.Set<String> SKIP_IN_TITLE = java.util.Set.of("senior", "sr", "staff", "principal", "junior",
            "software", "and", "or", "full", "stack", "founding", "lead", "backend", "frontend", "fullstack", "end", "back",
            "front", "web", "mobile", "ios", "android", "platform", "infrastructure", "data", "systems", "cloud", "product",
            "ml", "ai", "machine", "learning", "research", "applied", "security", "embedded", "game", "devops", "site",
            "reliability", "ui", "ux", "tech", "technical");

    /** True when the next words ("Engineer", "/ Frontend Developer", "Lead") name a job of this family. */
    private static boolean familyNounFollows(RoleFamily r, String text, int end) {
        java.util.Set<String> nouns = switch (r) {
            case MARKETING, SALES, SUPPORT, OPERATIONS, DESIGN, PRODUCT_MANAGER, OTHER -> BUSINESS_NOUNS;
            default -> ENGINEERING_NOUNS;
        };
        int n = text.length();
        int i = end;
        for (int words = 0; words < 5 && i < n; ) {
            char c = text.charAt(i);
            if (c == ' ' || c == '/' || c == '-' || c == ',' || c == '&' || c == '\u2013') {
                i++;
                continue;
            }
            if (!PhraseMatcher.isWordChar(c)) {
                return false;
            }
            int s = i;
            while (i < n && PhraseMatcher.isWordChar(text.charAt(i))) {
                i++;
                if (i < n && Character.isUpperCase(text.charAt(i)) && Character.isLowerCase(text.charAt(i - 1))) {
                    break;
                }
            }
            String w = text.substring(s, i).toLowerCase(java.util.Locale.ROOT);
            if (nouns.contains(w)) {
                return !(w.equals("lead") && r == RoleFamily.PRODUCT_MANAGER);
            }
            if (!SKIP_IN_TITLE.contains(w)) {
                return false;
            }
            words++;
        }
        return false;
    }

    /** The first pipe segment of a header is usually the company name ("Astra Space Operations |"). */
    private static boolean inFirstSegment(String text, Header header, int pos) {
        int pipe = text.indexOf('|', header.start());
        return pipe < 0 || pos < pipe;
    }

    /** "Software Engineers (Frontend/Backend)", "SDE 3s (both backend and frontend)": the family qualifies a job named just before. */
    private static boolean familyNounBefore(RoleFamily r, String text, int start) {
        if (r == RoleFamily.MARKETING || r == RoleFamily.SALES || r == RoleFamily.SUPPORT || r == RoleFamily.OPERATIONS
                || r == RoleFamily.OTHER || r == RoleFamily.PRODUCT_MANAGER || r == RoleFamily.DESIGN) {
            return false;
        }
        int i = start - 1;
        boolean paren = false;
        boolean comma = false;
        // "Software Engineer, Android: ..." -- a capitalised family right after the job and a comma, ending the title
        boolean titleEnds = Character.isUpperCase(text.charAt(start)) && endsTitleAt(text, start);
        for (int words = 0; words < 5 && i >= 0; ) {
            char c = text.charAt(i);
            if (c == '(') {
                paren = true;
                i--;
                continue;
            }
            if (c == ',' && words == 0) {
                comma = true;
            }
            if (c == ' ' || c == '/' || c == ',' || c == '&' || c == '-') {
                i--;
                continue;
            }
            if (!PhraseMatcher.isWordChar(c)) {
                return false;
            }
            int e = i + 1;
            while (i >= 0 && PhraseMatcher.isWordChar(text.charAt(i))) {
                i--;
            }
            String w = text.substring(i + 1, e).toLowerCase(java.util.Locale.ROOT);
            if ((paren || comma && titleEnds) && (ENGINEERING_NOUNS.contains(w) || w.endsWith("s") && ENGINEERING_NOUNS.contains(w.substring(0, w.length() - 1))
                    || w.equals("3s") || w.equals("2s"))) {
                return true;
            }
            if (!(SKIP_IN_TITLE.contains(w) || w.equals("both") || w.equals("either") || w.equals("and") || w.equals("or"))) {
                return false;
            }
            words++;
        }
        return false;
    }

    private static boolean endsTitleAt(String text, int start) {
        int i = start;
        while (i < text.length() && PhraseMatcher.isWordChar(text.charAt(i))) {
            i++;
        }
        if (i >= text.length()) {
            return true;
        }
        char c = text.charAt(i);
        return c == ':' || c == '|' || c == ')' || c == '\n' || c == ';' || c == '\u2022' || c == ' ' && Words.charAfter(text, i) == '-';
    }

    private static boolean lowerCaseShort(String surface) {
        return surface.length() <= 3 && !surface.equals(surface.toUpperCase(java.util.Locale.ROOT));
    }

    /** "collaborate with product managers, designers and engineers": other people's jobs, not the advertised one. */
    private static boolean mentionedAsColleague(String text, int start) {
        int from = Math.max(0, start - 70);
        String before = text.substring(from, start).toLowerCase(java.util.Locale.ROOT);
        int stop = Math.max(Math.max(before.lastIndexOf(". "), before.lastIndexOf('\n')), before.lastIndexOf('|'));
        if (stop >= 0) {
            before = before.substring(stop);
        }
        return before.contains("with ") && (before.contains("work") || before.contains("collaborat") || before.contains("partner")
                || before.contains("closely")) || before.contains("including") || before.contains("alongside")
                || before.contains("team of") || before.contains("teams of") || before.contains("interested in people with")
                || before.contains("i am ") || before.contains("i'm ") || before.contains("i am the") || before.contains("my name");
    }

    private static final java.util.Set<String> TITLE_QUALIFIERS = java.util.Set.of("senior", "sr", "staff", "principal",
            "lead", "founding", "junior", "jr", "mid", "experienced", "generalist", "first", "early", "new", "grad", "entry");
    private static final java.util.Set<String> NEUTRAL_BEFORE = java.util.Set.of("senior", "sr", "staff", "principal", "lead",
            "founding", "junior", "jr", "mid", "experienced", "generalist", "a", "an", "the", "as", "hiring", "for", "first",
            "early", "new", "grad", "entry", "level", "ii", "iii", "2", "3", "4", "more", "multiple", "several", "seeking",
            "looking", "and", "or", "of", "our", "two", "three", "all", "levels", "exceptional", "great", "strong", "talented");

    private static int spaces(String text, int start) {
        int k = 0;
        while (start - 1 - k > 0 && text.charAt(start - 1 - k) == ' ') {
            k++;
        }
        return k;
    }

    private static boolean aloneOk(RoleFamily r, String surface, String text, int start, int end, boolean inHeader) {
        String lower = surface.toLowerCase(java.util.Locale.ROOT);
        switch (r) {
            case PRODUCT_MANAGER -> {
                if (lower.equals("pm") || lower.equals("pms")) {
                    return surface.startsWith("PM") && !Words.before(text, start).matches("\\d+") && Words.charAfter(text, end) != ':';
                }
                return !lower.equals("product management") || inHeader;
            }
            case ENGINEERING_MANAGER -> {
                if (lower.equals("em") || lower.equals("ems")) {
                    return surface.startsWith("EM") && inHeader;
                }
                return true;
            }
            case SALES -> {
                return !(lower.equals("sdr") || lower.equals("bdr")) || surface.equals(surface.toUpperCase(java.util.Locale.ROOT));
            }
            case SOFTWARE_ENGINEER_GENERAL -> {
                // Any software job title; dropped later when a family is clear.
                return true;
            }
            default -> {
                return true;
            }
        }
    }
}
