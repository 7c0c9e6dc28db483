package io.jobpulse.streams.dedupe;


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
    /** Slot i hashes a shingle h to the high bits of h * MULTIPLIERS[i] + ADDENDS[i] (multiply-shift hashing). */
    private static final long[] MULTIPLIERS = new long[SLOTS];
    private static final long[] ADDENDS = new long[SLOTS];

    static {
        long s = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < SLOTS; i++) {
            s = mix(s + 0x9E3779B97F4A7C15L);
            MULTIPLIERS[i] = s | 1;
            s = mix(s + 0x9E3779B97F4A7C15L);
            ADDENDS[i] = s;
        }
    }

    /**
     * Shingles are hashed from per-word hashes (no shingle strings are built), each shingle hash is well mixed once,
     * and the {@value #SLOTS} slot hashes are a multiply-add each: about ten times cheaper than a full mix per slot,
     * with the same estimate quality for similarities this coarse.
     */
    public static MinHashSignature of(String text) {
        long[] words = wordHashes(text);
        int n = words.length;
        long[] shingles;
        if (n == 0) {
            shingles = new long[0];
        } else if (n < SHINGLE_WORDS) {
            long h = 0;
            for (long w : words) {
                h = h * 0x100000001B3L + w;
            }
            shingles = new long[]{mix(h)};
        } else {
            shingles = new long[n - SHINGLE_WORDS + 1];
            for (int i = 0; i + SHINGLE_WORDS <= n; i++) {
                shingles[i] = mix((words[i] * 0x100000001B3L + words[i + 1]) * 0x100000001B3L + words[i + 2]);
            }
            java.util.Arrays.sort(shingles);
        }
        int[] minima = new int[SLOTS];
        java.util.Arrays.fill(minima, Integer.MAX_VALUE);
        int distinct = 0;
        for (int k = 0; k < shingles.length; k++) {
            long h = shingles[k];
            if (k > 0 && h == shingles[k - 1]) {
                continue; // a repeated shingle changes no minimum
            }
            distinct++;
            for (int i = 0; i < SLOTS; i++) {
                int v = (int) ((h * MULTIPLIERS[i] + ADDENDS[i]) >>> 33);
                if (v < minima[i]) {
                    minima[i] = v;
                }
            }
        }
        return new MinHashSignature(minima, distinct);
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

    /** FNV-1a hash of each word (maximal run of letters and digits, lower-cased). */
    static long[] wordHashes(String text) {
        if (text == null) {
            return new long[0];
        }
        long[] out = new long[Math.max(16, text.length() / 5)];
        int n = 0;
        long h = 0xcbf29ce484222325L;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                h ^= c < 0x80 ? (c >= 'A' && c <= 'Z' ? c + 32 : c) : Character.toLowerCase(c);
                h *= 0x100000001b3L;
                inWord = true;
            } else if (inWord) {
                if (n == out.length) {
                    out = java.util.Arrays.copyOf(out, n * 2);
                }
                out[n++] = h;
                h = 0xcbf29ce484222325L;
                inWord = false;
            }
        }
        if (inWord) {
            if (n == out.length) {
                out = java.util.Arrays.copyOf(out, n + 1);
            }
            out[n++] = h;
        }
        return java.util.Arrays.copyOf(out, n);
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
