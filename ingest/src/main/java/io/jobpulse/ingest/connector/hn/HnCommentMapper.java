package io.jobpulse.ingest.connector.hn;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobpulse.ingest.connector.BoardUrls;
import io.jobpulse.ingest.connector.ItemSink;
import io.jobpulse.ingest.connector.PostingDraft;
import io.jobpulse.ingest.connector.PostingDraft.LocationDraft;
import io.jobpulse.ingest.connector.PostingDraft.SalaryDraft;
import io.jobpulse.ingest.normalize.HtmlText;

import java.util.Locale;
import java.util.regex.Pattern;

import static io.jobpulse.ingest.connector.JsonDocuments.text;

/**
 * Reads one top-level "Who is hiring?" comment. Its first line is, by the thread's convention,
 * {@code Company | Role | Location | REMOTE/ONSITE | Salary | URL}, in any order after the company: each part is
 * classified (work arrangement, salary, link, employment type, location, role) and the rest stays in the description.
 */
final class HnCommentMapper {

    private static final Pattern SALARY = Pattern.compile("(?i)([$€£]\\s?\\d|\\d\\s?[kK]\\b|\\b(USD|EUR|GBP|CHF)\\b|salary|/yr|per year|/hr)");
    private static final Pattern ARRANGEMENT = Pattern.compile("(?i)\\b(remote|onsite|on-site|on site|hybrid|in[- ]office)\\b");
    private static final Pattern TYPE = Pattern.compile("(?i)\\b(full[- ]?time|part[- ]?time|contract(or)?|intern(ship)?s?|freelance)\\b");
    private static final Pattern URL = Pattern.compile("(?i)^(https?://|www\\.)\\S+$|^[a-z0-9-]+\\.[a-z]{2,}(/\\S*)?$");
    private static final Pattern ROLE = Pattern.compile("(?i)(engineer|developer|scientist|designer|manager|lead|architect|"
            + "analyst|sre|devops|researcher|head of|director|cto|founding|intern|programmer|specialist|product|"
            + "marketing|sales|recruiter|writer|administrator|consultant|technician|roles?|positions?|hiring)");
    private static final int MAX_TITLE = 200;

    private final String threadId;

    HnCommentMapper(String threadId) {
        this.threadId = threadId;
    }

    void map(JsonNode comment, ItemSink sink) {
        String id = comment.isObject() ? BoardUrls.id(comment, "id") : null;
        if (id == null) {
            sink.rejected(null, "comment without id", comment.toString());
            return;
        }
        String html = text(comment, "text");
        if (html == null) {
            return; // deleted or dead comment: nothing listed
        }
        int p = html.indexOf("<p>");
        String firstLine = HtmlText.inlineText(p >= 0 ? html.substring(0, p) : html);
        PostingDraft.Builder b = PostingDraft.builder(id).board(threadId).rawPayload(comment::toString);
        b.descriptionHtml(html);
        b.url("https://news.ycombinator.com/item?id=" + id);
        b.postedAt(text(comment, "created_at"));
        b.attribute("author", text(comment, "author"));
        b.attribute("thread_id", threadId);
        b.attribute("first_line", firstLine);
        b.attribute("credit", "Hacker News");

        String[] parts = firstLine.split("\\s*\\|\\s*");
        if (parts.length < 2) {
            b.title(firstLine.length() > MAX_TITLE ? firstLine.substring(0, MAX_TITLE) + "…" : firstLine);
            sink.parsed(b.build());
            return;
        }
        b.company(parts[0]);
        String role = null;
        java.util.TreeMap<Integer, String> locations = new java.util.TreeMap<>();
        java.util.TreeMap<Integer, String> unclassified = new java.util.TreeMap<>();
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].strip();
            if (part.isEmpty()) {
                continue;
            }
            String lower = part.toLowerCase(Locale.ROOT);
            if (URL.matcher(part).find()) {
                b.attribute("company_url", part);
            } else if (SALARY.matcher(part).find() && part.matches(".*\\d.*")) {
                b.salary(new SalaryDraft(null, null, null, null, part));
            } else if (TYPE.matcher(part).find() && part.length() < 40 && !ROLE.matcher(part.replaceAll("(?i)intern(ship)?s?", "")).find()) {
                b.employmentType(part);
            } else if (ARRANGEMENT.matcher(part).find() && !ROLE.matcher(part).find()) {
                String arrangement = arrangement(lower);
                b.workplaceType(arrangement);
                if (lower.contains("remote")) {
                    b.remote(true);
                }
                String rest = ARRANGEMENT.matcher(part).replaceAll("").replaceAll("^[\\s,;:()/-]+|[\\s,;:()/-]+$", "");
                if (!rest.isEmpty()) {
                    locations.put(i, part);
                }
            } else if (role == null && ROLE.matcher(part).find()) {
                role = part;
            } else {
                unclassified.put(i, part);
            }
        }
        // Whatever is left: a location when it looks like one (commas, or a single place), else more of the role.
        for (var u : unclassified.entrySet()) {
            if (role == null && !u.getValue().contains(",")) {
                role = u.getValue();
            } else {
                locations.put(u.getKey(), u.getValue());
            }
        }
        b.title(role != null ? role : firstLine.length() > MAX_TITLE ? firstLine.substring(0, MAX_TITLE) + "…" : firstLine);
        for (String l : locations.values()) {
            b.location(new LocationDraft(l, null, null, null, l.toLowerCase(Locale.ROOT).contains("remote") ? true : null));
        }
        b.locationRaw(locations.isEmpty() ? null : String.join(" | ", locations.values()));
        sink.parsed(b.build());
    }

    private static String arrangement(String lower) {
        if (lower.contains("hybrid")) {
            return "hybrid";
        }
        boolean remote = lower.contains("remote");
        boolean onsite = lower.contains("onsite") || lower.contains("on-site") || lower.contains("on site")
                || lower.contains("office");
        if (remote && onsite) {
            return null; // "Remote or onsite": either, which is not hybrid
        }
        return remote ? "remote" : "onsite";
    }
}
