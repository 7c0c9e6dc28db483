package io.jobpulse.ingest.http;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A site's robots.txt rules for our user agent (RFC 9309): the group naming {@code jobpulse} if any, else {@code *};
 * the longest matching Allow/Disallow path wins, Allow on a tie; {@code *} and {@code $} wildcards supported.
 */
public final class RobotsPolicy {

    public static final RobotsPolicy ALLOW_ALL = new RobotsPolicy(List.of(), null);
    public static final RobotsPolicy DISALLOW_ALL = new RobotsPolicy(List.of(new Rule("/", false)), null);

    private record Rule(String pattern, boolean allow) {
    }

    private final List<Rule> rules;
    private final Double crawlDelaySeconds;

    private RobotsPolicy(List<Rule> rules, Double crawlDelaySeconds) {
        this.rules = rules;
        this.crawlDelaySeconds = crawlDelaySeconds;
    }

    /** Parses robots.txt, selecting the group for {@code agentToken} (e.g. "jobpulse") or the {@code *} group. */
    public static RobotsPolicy parse(String robotsTxt, String agentToken) {
        List<Rule> specific = new ArrayList<>();
        List<Rule> star = new ArrayList<>();
        Double specificDelay = null;
        Double starDelay = null;
        boolean inSpecific = false;
        boolean inStar = false;
        boolean lastWasAgent = false;
        boolean sawSpecific = false;
        String token = agentToken.toLowerCase(Locale.ROOT);
        for (String line : robotsTxt.split("\r?\n|\r")) {
            int hash = line.indexOf('#');
            String l = (hash >= 0 ? line.substring(0, hash) : line).strip();
            int colon = l.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = l.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = l.substring(colon + 1).strip();
            if (key.equals("user-agent")) {
                if (!lastWasAgent) {
                    inSpecific = false;
                    inStar = false;
                }
                String agent = value.toLowerCase(Locale.ROOT);
                if (agent.equals("*")) {
                    inStar = true;
                } else if (agent.equals(token) || agent.startsWith(token + "/")) {
                    inSpecific = true;
                    sawSpecific = true;
                }
                lastWasAgent = true;
                continue;
            }
            lastWasAgent = false;
            if (key.equals("allow") || key.equals("disallow")) {
                if (value.isEmpty()) {
                    continue; // "Disallow:" with no path allows everything
                }
                Rule rule = new Rule(value, key.equals("allow"));
                if (inSpecific) {
                    specific.add(rule);
                }
                if (inStar) {
                    star.add(rule);
                }
            } else if (key.equals("crawl-delay")) {
                try {
                    double d = Double.parseDouble(value);
                    if (inSpecific) {
                        specificDelay = d;
                    }
                    if (inStar) {
                        starDelay = d;
                    }
                } catch (NumberFormatException ignored) {
                    // an unreadable delay is no delay
                }
            }
        }
        return sawSpecific ? new RobotsPolicy(List.copyOf(specific), specificDelay)
                : new RobotsPolicy(List.copyOf(star), starDelay);
    }

    public boolean allows(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path += "?" + uri.getRawQuery();
        }
        Rule best = null;
        for (Rule r : rules) {
            if (matches(r.pattern, path) && (best == null || r.pattern.length() > best.pattern.length()
                    || r.pattern.length() == best.pattern.length() && r.allow)) {
                best = r;
            }
        }
        return best == null || best.allow;
    }

    /** The site's Crawl-delay for us, if any. */
    public Double crawlDelaySeconds() {
        return crawlDelaySeconds;
    }

    private static boolean matches(String pattern, String path) {
        boolean anchored = pattern.endsWith("$");
        String p = anchored ? pattern.substring(0, pattern.length() - 1) : pattern;
        return match(p, 0, path, 0, anchored);
    }

    private static boolean match(String p, int pi, String s, int si, boolean anchored) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*') {
                for (int k = si; k <= s.length(); k++) {
                    if (match(p, pi + 1, s, k, anchored)) {
                        return true;
                    }
                }
                return false;
            }
            if (si >= s.length() || s.charAt(si) != c) {
                return false;
            }
            pi++;
            si++;
        }
        return !anchored || si == s.length();
    }
}
