package io.jobpulse.enrichment.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhraseMatcherTest {

    private static List<String> find(PhraseMatcher m, String text) {
        List<String> out = new ArrayList<>();
        m.scan(text, (payload, start, end) -> {
            out.add(payload + ":" + text.substring(start, end));
            return true;
        });
        return out;
    }

    @Test
    void caseInsensitiveWholeWordLongestMatch() {
        PhraseMatcher m = PhraseMatcher.builder().add("react", 1, false).add("react native", 2, false).add("c++", 3, false)
                .add("c", 4, false).build();
        assertThat(find(m, "React Native and REACT, c++ or C. Reactive")).containsExactly("2:React Native", "1:REACT", "3:c++", "4:C");
    }

    @Test
    void whitespaceRunsMatchOneSpace() {
        PhraseMatcher m = PhraseMatcher.builder().add("ruby on rails", 1, false).build();
        assertThat(find(m, "Ruby  on\nRails")).containsExactly("1:Ruby  on\nRails");
    }

    @Test
    void exactPhrasesMatchTheirSpellingAllCapsOrCapitalised() {
        PhraseMatcher m = PhraseMatcher.builder().add("Go", 1, true).add("golang", 1, true).build();
        assertThat(find(m, "Go GO go Golang GOLANG gOlang")).containsExactly("1:Go", "1:GO", "1:Golang", "1:GOLANG");
    }

    @Test
    void gluedWordsEndAMatch() {
        PhraseMatcher m = PhraseMatcher.builder().add("remote", 1, false).add("onsite", 2, false).build();
        assertThat(find(m, "RemoteWe build | ONSITEZype is | remotely")).containsExactly("1:Remote", "2:ONSITE");
    }

    @Test
    void phrasesStartingWithPunctuation() {
        PhraseMatcher m = PhraseMatcher.builder().add(".net", 1, false).add("asp.net", 2, false).build();
        assertThat(find(m, "C# and .NET, ASP.NET")).containsExactly("1:.NET", "2:ASP.NET");
    }

    @Test
    void scanCanStopEarly() {
        PhraseMatcher m = PhraseMatcher.builder().add("a", 1, false).build();
        List<Integer> seen = new ArrayList<>();
        m.scan("a a a", (p, s, e) -> {
            seen.add(s);
            return seen.size() < 2;
        });
        assertThat(seen).containsExactly(0, 2);
    }
}
