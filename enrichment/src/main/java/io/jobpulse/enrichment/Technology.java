package io.jobpulse.enrichment;

import java.util.List;

/** One entry of the technology taxonomy: canonical name, category and the spellings that mean it. */
public record Technology(int id, String name, String category, List<String> aliases, boolean exactSpelling,
                         boolean needsContext, boolean hasRule, String source) {
    public Technology {
        aliases = List.copyOf(aliases);
    }
}
