package io.jobpulse.streams.dedupe;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * MinHash signature of a description's word 3-shingles, plus how many distinct shingles it had. The estimated
 * Jaccard similarity of two descriptions is the share of equal signature slots; with the shingle counts we also
 * estimate containment (how much of the shorter text is inside the longer), which catches a board that shows a
 * shortened copy of the same description.
 *
 * @param minima   {@value #SLOTS} minimum hash values, one per hash function
 * @param shingles number of distinct shingles (0 for an empty description)
 */
public record MinHashSignature(int[] minima, int shingles) {

    public static final int SLOTS = 128;
    private static final int SHINGLE_WORDS = 3;
    private static final long[] SEEDS = new long[SLOTS];

    static {
        long s = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < SLOTS; i++) {
            s = mix(s + 0x9E3779B97F4A7C15L);
            SEEDS[i] = s;
        }
    }

    public static MinHashSignature of(String text) {
        List<String> words = words(text);
        Set<Long> hashes = new HashSet<>();
        if (!words.isEmpty() && words.size() < SHINGLE_WORDS) {
            hashes.add(fnv(String.join(" ", words)));
        }
        for (int i = 0; i + SHINGLE_WORDS <= words.size(); i++) {
            hashes.add(fnv(words.get(i) + ' ' + words.get(i + 1) + ' ' + words.get(i + 2)));
        }
        int[] minima = new int[SLOTS];
        java.util.Arrays.fill(minima, Integer.MAX_VALUE);
        for (long h : hashes) {
            for (int i = 0; i < SLOTS; i++) {
                int v = (int) (mix(h ^ SEEDS[i]) >>> 33);
                if (v < minima[i]) {
                    minima[i] = v;
                }
            }
        }
        return new MinHashSignature(minima, hashes.size());
    }

    /** Estimated Jaccard similarity of the two shingle sets. */
    public double jaccard(MinHashSignature other) {
        int same = 0;
        for (int i = 0; i < SLOTS; i++) {
            if (minima[i] == other.minima[i]) {
                same++;
            }
        }
        return same / (double) SLOTS;
    }

    /** Estimated share of the smaller set's shingles found in the larger: J(|A|+|B|) / ((1+J) min(|A|,|B|)). */
    public double containment(MinHashSignature other) {
        int smaller = Math.min(shingles, other.shingles);
        if (smaller == 0) {
            return 0;
        }
        double j = jaccard(other);
        return Math.min(1.0, j * (shingles + other.shingles) / ((1 + j) * smaller));
    }

    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        StringBuilder w = new StringBuilder();
        String lower = text.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                w.append(c);
            } else if (!w.isEmpty()) {
                words.add(w.toString());
                w.setLength(0);
            }
        }
        if (!w.isEmpty()) {
            words.add(w.toString());
        }
        return words;
    }

    private static long fnv(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** SplitMix64 finalizer: a cheap, well-mixing permutation of 64-bit values. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MinHashSignature s && shingles == s.shingles && java.util.Arrays.equals(minima, s.minima);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(minima) + shingles;
    }

    @Override
    public String toString() {
        return "MinHashSignature[shingles=" + shingles + "]";
    }
}
