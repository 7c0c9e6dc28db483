package io.jobpulse.ingest.normalize;

/**
 * A reusable buffer holding one string's UTF-8 bytes, exactly those of {@code s.getBytes(UTF_8)} (an unpaired
 * surrogate becomes '?'). Descriptions with a single '€' or '–' are stored as UTF-16 strings, and the JDK encodes
 * those character by character into a fresh array three times the length and then copies it; the content hash and
 * the Avro encoder each did that per posting. Encoding into one buffer per thread skips the allocation and copy.
 *
 * <p>The last two long strings (descriptions) keep their encoding: a worker hashes a posting and then Avro-encodes
 * it, and the description HTML, the largest field, is the same String object both times, so it is encoded once.
 * Strings are immutable, so a string that is the same object has the same bytes. Not thread-safe: one per thread
 * ({@link #ofThread()}), and a caller uses {@link #bytes()} before it encodes anything else.
 */
public final class Utf8Buffer {

    /** Strings at least this long keep their encoding until two other long strings have been encoded. */
    static final int REMEMBERED_LENGTH = 512;
    private static final ThreadLocal<Utf8Buffer> OF_THREAD = ThreadLocal.withInitial(Utf8Buffer::new);

    private char[] chars = new char[1024];
    private byte[] bytes = new byte[3 * 1024];
    private final String[] rememberedStrings = new String[2];
    private final byte[][] rememberedBytes = {new byte[3 * 1024], new byte[3 * 1024]};
    private final int[] rememberedLengths = new int[2];
    private int nextSlot;
    private byte[] current = bytes;
    private int length;

    /** This thread's buffer, shared by the content hash and the Avro encoding (which never interleave). */
    public static Utf8Buffer ofThread() {
        return OF_THREAD.get();
    }

    /** Encodes s, replacing the previous content; returns the number of bytes. */
    public int encode(String s) {
        int n = s.length();
        if (n < REMEMBERED_LENGTH) {
            ensureChars(n);
            if (bytes.length < 3 * n) {
                bytes = new byte[3 * chars.length];
            }
            current = bytes;
            length = encode(s, n, chars, bytes);
            return length;
        }
        for (int slot = 0; slot < 2; slot++) {
            if (rememberedStrings[slot] == s) {
                current = rememberedBytes[slot];
                length = rememberedLengths[slot];
                return length;
            }
        }
        int slot = nextSlot;
        nextSlot = 1 - slot;
        ensureChars(n);
        if (rememberedBytes[slot].length < 3 * n) {
            rememberedBytes[slot] = new byte[3 * n];
        }
        current = rememberedBytes[slot];
        length = encode(s, n, chars, current);
        rememberedStrings[slot] = s;
        rememberedLengths[slot] = length;
        return length;
    }

    private void ensureChars(int n) {
        if (chars.length < n) {
            chars = new char[Math.max(n, chars.length * 2)];
        }
    }

    private static int encode(String s, int n, char[] cs, byte[] out) {
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
        return p;
    }

    /** The array holding the last encoded string in bytes {@code [0, length())}; valid until the next encode. */
    public byte[] bytes() {
        return current;
    }

    public int length() {
        return length;
    }
}
