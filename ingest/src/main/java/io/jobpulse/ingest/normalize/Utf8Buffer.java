package io.jobpulse.ingest.normalize;

/**
 * A reusable buffer holding one string's UTF-8 bytes, exactly those of {@code s.getBytes(UTF_8)} (an unpaired
 * surrogate becomes '?'). Descriptions with a single '€' or '–' are stored as UTF-16 strings, and the JDK encodes
 * those character by character into a fresh array three times the length and then copies it; the content hash and
 * the Avro encoder each did that per posting. Encoding into one buffer per thread skips the allocation and copy.
 * Not thread-safe: one per thread.
 */
public final class Utf8Buffer {

    private char[] chars = new char[1024];
    private byte[] bytes = new byte[3 * 1024];
    private int length;

    /** Encodes s, replacing the previous content; returns the number of bytes. */
    public int encode(String s) {
        int n = s.length();
        if (chars.length < n) {
            chars = new char[Math.max(n, chars.length * 2)];
            bytes = new byte[3 * chars.length];
        }
        char[] cs = chars;
        byte[] out = bytes;
        s.getChars(0, n, cs, 0);
        int p = 0;
        for (int i = 0; i < n; i++) {
            char c = cs[i];
            if (c < 0x80) {
                out[p++] = (byte) c;
            } else if (c < 0x800) {
                out[p++] = (byte) (0xC0 | (c >> 6));
                out[p++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(cs[i + 1])) {
                    int cp = Character.toCodePoint(c, cs[++i]);
                    out[p++] = (byte) (0xF0 | (cp >> 18));
                    out[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                    out[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                    out[p++] = (byte) (0x80 | (cp & 0x3F));
                } else {
                    out[p++] = '?';
                }
            } else {
                out[p++] = (byte) (0xE0 | (c >> 12));
                out[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[p++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        length = p;
        return p;
    }

    /** The backing array; bytes {@code [0, length())} are the last encoded string. */
    public byte[] bytes() {
        return bytes;
    }

    public int length() {
        return length;
    }
}
