package io.jobpulse.demo.corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders a job version as the HTML description boards carry. The text names exactly the job's technologies (by
 * canonical name), its level in the title sentence, its location and work mode, and its salary in an unambiguous
 * form; it names no other job, level or technology, so a correct extractor recovers exactly the generator's labels.
 */
public final class JobText {

    private JobText() {
    }

    public static final String DUTIES_HEADING = "What you will do";
    public static final String REQUIREMENTS_HEADING = "What we are looking for";

    /**
     * The parts of a description, as plain text; boards that structure descriptions (Lever's lists, Recruitee's
     * requirements) place them in their own fields.
     */
    public record Sections(String intro, List<String> duties, List<String> requirements, List<String> closing) {

        public String introHtml() {
            return "<p>" + escape(intro) + "</p>";
        }

        public String dutiesItemsHtml() {
            return items(duties);
        }

        public String requirementsItemsHtml() {
            return items(requirements);
        }

        public String closingHtml() {
            StringBuilder html = new StringBuilder();
            closing.forEach(p -> html.append("<p>").append(escape(p)).append("</p>"));
            return html.toString();
        }

        private static String items(List<String> items) {
            StringBuilder html = new StringBuilder();
            items.forEach(i -> html.append("<li>").append(escape(i)).append("</li>"));
            return html.toString();
        }
    }

    public static Sections sections(Job job, JobVersion version) {
        return new Sections(intro(job), job.duties().stream().map(JobText::capitalize).toList(),
                requirements(job, version), closing(job, version));
    }

    /** The full description, as applicant-tracking boards carry it. */
    public static String descriptionHtml(Job job, JobVersion version) {
        Sections s = sections(job, version);
        return s.introHtml() + "<h3>" + DUTIES_HEADING + "</h3><ul>" + s.dutiesItemsHtml() + "</ul><h3>"
                + REQUIREMENTS_HEADING + "</h3><ul>" + s.requirementsItemsHtml() + "</ul>" + s.closingHtml();
    }

    /**
     * The same content as Hacker News comment paragraphs (text separated by {@code <p>}, no lists), in the same words
     * and order as the other boards' text, so the cross-post reads as the same job.
     */
    public static List<String> paragraphs(Job job, JobVersion version) {
        Sections s = sections(job, version);
        List<String> out = new ArrayList<>();
        out.add(s.intro());
        out.add(DUTIES_HEADING + ": " + String.join(". ", s.duties()) + ".");
        out.add(REQUIREMENTS_HEADING + ": " + String.join(". ", s.requirements()) + ".");
        out.addAll(s.closing());
        return out;
    }

    static String intro(Job job) {
        String where = job.place().remote() ? "to join our remote team" : "to join our team in " + job.place().city();
        return job.company().name() + " " + job.blurb() + ". We are hiring " + article(job.title()) + " " + job.title()
                + " " + where + ".";
    }

    private static List<String> requirements(Job job, JobVersion version) {
        List<String> out = new ArrayList<>();
        int years = job.seniority().yearsAsked();
        out.add(job.seniority() == Seniority.MANAGER
                ? years + "+ years of experience managing people"
                : years + "+ years of professional experience in a similar role");
        List<String> techs = version.technologies();
        if (!techs.isEmpty()) {
            int primary = Math.min(techs.size(), job.title().contains("(") ? 1 : 2);
            out.add("Hands-on experience with " + list(techs.subList(0, primary)));
            if (techs.size() > primary) {
                out.add("Familiarity with " + list(techs.subList(primary, techs.size())));
            }
        }
        out.add("Clear written communication in English");
        return out;
    }

    private static List<String> closing(Job job, JobVersion version) {
        List<String> out = new ArrayList<>();
        if (!version.technologies().isEmpty()) {
            out.add("Our stack: " + list(version.technologies()) + ".");
        }
        Place p = job.place();
        out.add(switch (job.workMode()) {
            case "remote" -> "This is a fully remote position open to candidates " + p.regionPhrase() + ".";
            case "hybrid" -> "This is a hybrid role: two or three days a week at our " + p.city() + " office ("
                    + p.text() + "), the rest from home.";
            default -> "This is an on-site role in " + p.text() + ".";
        });
        if (version.salary() != null) {
            out.add("Salary: " + version.salary().text() + ".");
        }
        out.add(job.company().name() + " is an equal opportunity employer.");
        return out;
    }

    /** "A, B and C". */
    static String list(List<String> items) {
        if (items.size() == 1) {
            return items.getFirst();
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.getLast();
    }

    static String article(String word) {
        return "AEIOUaeiou".indexOf(word.charAt(0)) >= 0 || word.startsWith("iOS") ? "an" : "a";
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    public static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
