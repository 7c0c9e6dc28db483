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

    @Test
    void deepNonAsciiAndWideBranchingPhrasesMatch() {
        // Deep nodes keep sorted transition lists (binary search past 8 children); non-ASCII letters fold via the JDK.
        PhraseMatcher.Builder b = PhraseMatcher.builder();
        String suffixes = "abcdefghijklmnop";
        for (int k = 0; k < suffixes.length(); k++) {
            b.add("warehouse " + suffixes.charAt(k), 100 + k, false);
        }
        PhraseMatcher m = b.add("São Paulo", 1, false).add("Zürich", 2, false).add("san francisco bay area", 3, false)
                .add("san francisco", 4, false).build();
        assertThat(find(m, "SÃO PAULO, zürich; San Francisco Bay\u00A0Area or San Francisco Bay; warehouse p, warehouse q"))
                .containsExactly("1:SÃO PAULO", "2:zürich", "3:San Francisco Bay\u00A0Area", "4:San Francisco", "115:warehouse p");
    }

    @Test
    void foldedScanAtWordStartsAgreesWithTheCharacterScan() {
        PhraseMatcher m = PhraseMatcher.builder().add("react", 1, false).add("react native", 2, false).add("Go", 3, true)
                .add("São Paulo", 4, false).add("c++", 5, false).build();
        String text = "React\tNative devs in SÃO  PAULO write Go and c++, not go; REACT\u2003native too.";
        char[] chars = text.toCharArray();
        char[] folded = new char[chars.length];
        PhraseMatcher.fold(chars, folded);
        int[] starts = new int[chars.length];
        int count = PhraseMatcher.wordStarts(chars, starts);
        List<String> viaStarts = new ArrayList<>();
        m.scan(chars, folded, starts, count, (payload, start, end) -> viaStarts.add(payload + ":" + text.substring(start, end)));
        assertThat(viaStarts).isEqualTo(find(m, text))
                .containsExactly("2:React\tNative", "4:SÃO  PAULO", "3:Go", "5:c++", "2:REACT\u2003native");
    }
}
