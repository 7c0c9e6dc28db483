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
        add(b, RoleFamily.BACKEND, TITLE, "api", "distributed systems", "python", "golang", "go", "java", "rust", "ruby", "rails", "elixir", "scala", "kotlin", "c++", "node", "node.js", "django", "php");
        add(b, RoleFamily.FRONTEND, HEADER, "frontend", "front-end", "front end", "frontend-focused", "frontend-leaning", "frontend heavy");
        add(b, RoleFamily.FRONTEND, TITLE, "ui", "web ui", "react", "javascript", "typescript", "web", "angular", "vue");
        add(b, RoleFamily.FULLSTACK, HEADER, "full stack", "full-stack", "fullstack", "full stack-ish", "full-stack-ish");
        add(b, RoleFamily.FULLSTACK, TITLE, "product", "generalist");
        add(b, RoleFamily.FULLSTACK, ALONE, "product engineer", "product engineers", "product engineering", "product-minded engineer", "product-focused engineer", "product software engineer");
        add(b, RoleFamily.MOBILE, TITLE, "mobile", "ios", "android", "react native", "flutter", "swift", "apple platforms", "macos");
        add(b, RoleFamily.MOBILE, ALONE, "mobile developer", "mobile engineer", "ios developer", "ios engineer", "android developer", "android engineer");
        add(b, RoleFamily.DEVOPS, HEADER, "devops", "dev ops", "sre", "site reliability", "platform", "infrastructure", "infra", "cloud infrastructure", "devex", "developer experience");
        add(b, RoleFamily.DEVOPS, ALONE, "devops engineer", "devops engineers", "sre", "sres", "site reliability engineer", "site reliability engineering", "platform engineer", "platform engineers", "platform engineering", "infrastructure engineer", "infrastructure engineers", "infrastructure engineering", "cloud engineer", "release engineer", "build engineer", "mlops", "reliability engineer", "systems administrator", "sysadmin", "it/infra", "production engineer");
        add(b, RoleFamily.DEVOPS, TITLE, "cloud", "reliability", "systems", "it");
        add(b, RoleFamily.DATA_ENGINEERING, ALONE, "data engineer", "data engineers", "data engineering", "analytics engineer", "analytics engineers", "data platform engineer", "data infrastructure", "data platform", "etl developer", "data pipelines engineer", "data infrastructure engineer");
        add(b, RoleFamily.DATA_SCIENCE, ALONE, "data scientist", "data scientists", "data science", "ml engineer", "ml engineers", "mle", "machine learning engineer", "machine learning engineers", "ai engineer", "ai engineers", "research scientist", "research scientists", "research engineer", "research engineers", "applied scientist", "applied scientists", "ai researcher", "ml researcher", "llm engineer", "ai/ml engineer", "ml/ai engineer", "head of ai", "head of data", "ml scientist", "quantitative researcher");
        add(b, RoleFamily.DATA_SCIENCE, TITLE, "machine learning", "ml", "ai", "ai/ml", "ml/ai", "computer vision", "nlp", "llm", "deep learning", "applied ai", "applied ml", "research", "ml infrastructure", "ai infrastructure", "genai", "generative ai", "perception", "data", "analytics", "quant", "quantitative");
        add(b, RoleFamily.SECURITY, TITLE, "security", "appsec", "infosec", "application security", "product security", "offensive security", "detection");
        add(b, RoleFamily.SECURITY, ALONE, "security engineer", "security engineers", "penetration tester", "security researcher", "appsec engineer");
        add(b, RoleFamily.QA, TITLE, "qa", "quality assurance", "test", "test automation", "quality", "testing");
        add(b, RoleFamily.QA, ALONE, "sdet", "sdets", "qa engineer", "qa engineers", "test engineer", "quality engineer", "qa automation");
        add(b, RoleFamily.EMBEDDED, TITLE, "embedded", "firmware", "embedded software", "embedded systems", "hardware", "fpga", "robotics", "electrical");
        add(b, RoleFamily.EMBEDDED, ALONE, "firmware engineer", "embedded engineer", "embedded software engineer");
        add(b, RoleFamily.GAME, TITLE, "game", "gameplay", "games", "graphics", "unity", "unreal");
        add(b, RoleFamily.GAME, ALONE, "game developer", "game developers", "game engineer", "gameplay engineer", "game designer");
        add(b, RoleFamily.ENGINEERING_MANAGER, ALONE, "engineering manager", "engineering managers", "eng manager", "software engineering manager", "head of engineering", "vp of engineering", "vp engineering", "vp, engineering", "director of engineering", "engineering director", "manager of engineering", "em", "ems");
        add(b, RoleFamily.PRODUCT_MANAGER, ALONE, "product manager", "product managers", "product owner", "technical product manager", "head of product", "vp of product", "director of product", "product lead", "group product manager", "pm", "pms", "product management");
        add(b, RoleFamily.DESIGN, ALONE, "designer", "designers", "product design", "ux", "ui/ux", "ux/ui", "ux designer", "product designer", "design engineer", "design engineers", "head of design", "brand designer", "visual designer");
        add(b, RoleFamily.DESIGN, TITLE, "design");
        add(b, RoleFamily.SALES, ALONE, "account executive", "account executives", "sales", "sdr", "bdr", "business development", "sales engineer", "account manager", "head of sales", "sales development", "gtm", "go-to-market", "solutions architect", "solutions engineer", "solution engineer", "partnerships");
        add(b, RoleFamily.MARKETING, ALONE, "marketing", "head of growth", "growth marketer", "growth marketing", "developer relations", "devrel", "developer advocate", "developer advocates", "community manager", "content marketer", "content writer", "seo", "marketing expert", "product marketing", "head of marketing");
        add(b, RoleFamily.MARKETING, TITLE, "growth", "content", "brand", "community");
        add(b, RoleFamily.SUPPORT, ALONE, "support engineer", "support engineers", "customer support", "customer success", "technical support", "customer support engineer", "support specialist", "implementation engineer", "implementation specialist", "customer engineer", "forward deployed engineer", "forward-deployed engineer", "technical account manager");
        add(b, RoleFamily.SUPPORT, TITLE, "support", "helpdesk", "help desk");
        add(b, RoleFamily.OPERATIONS, ALONE, "operations", "bizops", "revops", "people ops", "office manager", "chief of staff", "program manager", "project manager", "recruiter", "recruiters", "technical recruiter", "operations manager", "business operations", "finance", "accountant", "legal", "hr", "talent acquisition");
        add(b, RoleFamily.OPERATIONS, TITLE, "ops");
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
        matcher.scan(text, (payload, start, end) -> {
            if (plain.inLink(start, end)) {
                return true;
            }
            RoleFamily r = RoleFamily.values()[payload & 0xFF];
            int kind = payload & ~0xFF;
            String surface = text.substring(start, end);
            boolean inHeader = header.contains(start);
            boolean ok = switch (kind) {
                case ALONE -> aloneOk(r, surface, text, start, end, inHeader);
                case HEADER -> inHeader && headerStandalone(text, end) || Tokens.roleNounFollows(text, end, 3);
                default -> Tokens.roleNounFollows(text, end, 2) && titleNounOk(r, text, end);
            };
            if (ok && found.add(r)) {
                order.add(r);
            }
            return true;
        });
        if (found.size() > 1) {
            order.remove(RoleFamily.SOFTWARE_ENGINEER_GENERAL);
        }
        return order;
    }

    /** In the header a family word stands for the role when it is the whole segment or a list item. */
    private static boolean headerStandalone(String text, int end) {
        char a = Words.charAfter(text, end);
        return a == '|' || a == ',' || a == '/' || a == ')' || a == '&' || a == '\n' || a == ';' || Character.isUpperCase(a)
                || Words.after(text, end).equals("and") || Words.after(text, end).equals("or");
    }

    /** "Data" and "research" name data-science jobs only as scientist/engineer/researcher. */
    private static boolean titleNounOk(RoleFamily r, String text, int end) {
        String next = Words.after(text, end);
        if (next.equals("engineering") || next.equals("team") || next.equals("level")) {
            return r != RoleFamily.DATA_SCIENCE && r != RoleFamily.FULLSTACK && r != RoleFamily.BACKEND;
        }
        return !(next.equals("manager") || next.equals("managers")) || r == RoleFamily.MARKETING || r == RoleFamily.SUPPORT;
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
            case SALES, MARKETING, OPERATIONS, DESIGN -> {
                // Department words name a job in the header, or before a role noun, or right after "hiring".
                if (lower.contains(" ") || lower.equals("designer") || lower.equals("designers") || lower.equals("recruiter")
                        || lower.equals("recruiters") || lower.equals("devrel") || lower.equals("sdr") || lower.equals("bdr")) {
                    return true;
                }
                return inHeader && Character.isUpperCase(surface.charAt(0)) || Tokens.roleNounFollows(text, end, 2);
            }
            case SOFTWARE_ENGINEER_GENERAL -> {
                return true;
            }
            default -> {
                return true;
            }
        }
    }
}
