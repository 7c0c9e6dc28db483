package io.jobpulse.demo.boards;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobpulse.demo.corpus.Board;
import io.jobpulse.demo.corpus.Job;
import io.jobpulse.demo.corpus.JobText;
import io.jobpulse.demo.corpus.Listing;
import io.jobpulse.demo.corpus.Place;
import io.jobpulse.demo.corpus.Salary;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recruitee careers-site offers API: {@code GET https://{company}.recruitee.com/api/offers/}, here
 * {@code /recruitee/{company}/api/offers/}; description and requirements as separate HTML fields, remote / hybrid /
 * on-site flags, structured salary, times as {@code yyyy-MM-dd HH:mm:ss UTC}.
 */
final class RecruiteeFormat implements BoardFormat {

    private static final Pattern OFFERS = Pattern.compile("/([^/]+)/api/offers/?");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    @Override
    public Board board() {
        return Board.RECRUITEE;
    }

    @Override
    public BoardResponse respond(String path, Map<String, String> query, BoardDay day, String serverUrl) {
        Matcher m = OFFERS.matcher(path);
        if (!m.matches()) {
            return BoardResponse.notFound(path);
        }
        ObjectNode root = BoardDay.object();
        ArrayNode offers = root.putArray("offers");
        for (Listing l : day.listings(Board.RECRUITEE, m.group(1))) {
            offers.add(offer(l, day, serverUrl));
        }
        return BoardResponse.json(root);
    }

    private static ObjectNode offer(Listing l, BoardDay day, String serverUrl) {
        Job j = day.job(l);
        Place p = j.place();
        JobText.Sections s = JobText.sections(j, day.version(l));
        ObjectNode n = BoardDay.object();
        n.put("id", Long.parseLong(l.itemId()));
        n.put("slug", j.title().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
        n.put("title", day.title(l));
        n.put("status", "published");
        n.put("description", s.introHtml() + "<h3>" + JobText.DUTIES_HEADING + "</h3><ul>" + s.dutiesItemsHtml() + "</ul>");
        n.put("requirements", "<ul>" + s.requirementsItemsHtml() + "</ul>" + s.closingHtml());
        n.put("careers_url", BoardDay.jobUrl(serverUrl, l));
        n.put("careers_apply_url", BoardDay.jobUrl(serverUrl, l) + "/c/new");
        n.put("company_name", j.company().name());
        n.put("department", BoardDay.department(j));
        n.put("location", p.text());
        n.put("city", p.city());
        n.put("country", p.countryName());
        n.put("country_code", p.countryCode());
        n.put("remote", p.remote());
        n.put("hybrid", j.workMode().equals("hybrid"));
        n.put("on_site", j.workMode().equals("onsite"));
        n.put("employment_type_code", BoardDay.contract(j) ? "contract" : "fulltime_permanent");
        n.put("created_at", time(l.postedAt()));
        n.put("published_at", time(l.postedAt()));
        n.put("updated_at", time(day.updatedAt(l)));
        ArrayNode locations = n.putArray("locations");
        if (!p.remote()) {
            locations.addObject().put("id", 1).put("name", p.text()).put("city", p.city()).put("country", p.countryName())
                    .put("country_code", p.countryCode());
        }
        ObjectNode salary = n.putObject("salary");
        Salary pay = day.version(l).salary();
        if (pay != null) {
            salary.put("min", Long.toString(pay.min())).put("max", Long.toString(pay.max()))
                    .put("currency", pay.currency()).put("period", pay.period());
        }
        n.putArray("tags");
        n.put("experience_code", j.seniority() == io.jobpulse.demo.corpus.Seniority.JUNIOR ? "entry_level" : "experienced");
        n.put("category_code", "it");
        return n;
    }

    private static String time(Instant t) {
        return TIME.format(t);
    }
}
