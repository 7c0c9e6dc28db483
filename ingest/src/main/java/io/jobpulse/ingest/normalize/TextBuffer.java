package io.jobpulse.ingest.normalize;

import java.util.Arrays;

/**
 * A growable char array that one thread reuses from description to description: the renderer appends words and tags
 * into it without {@link StringBuilder}'s per-append coder checks and capacity bookkeeping (which were most of the
 * rendering time), and makes one String at the end. Not thread-safe.
 */
final class TextBuffer {

    /** Buffers grown beyond this (by a very long description) are dropped after use rather than kept per thread. */
    static final int KEEP_CAPACITY = 1 << 16;
    private static final int INITIAL_CAPACITY = 4096;

    char[] chars = new char[INITIAL_CAPACITY];
    int length;

    /** Empties the buffer, making room for about {@code expected} chars. */
    TextBuffer reset(int expected) {
        length = 0;
        if (chars.length < expected) {
            chars = new char[expected];
        }
        return this;
    }

    /** Gives back the memory of a buffer a huge description made large. */
    void shrink() {
        if (chars.length > KEEP_CAPACITY) {
            chars = new char[INITIAL_CAPACITY];
        }
        length = 0;
    }

    boolean isEmpty() {
        return length == 0;
    }

    char last() {
        return chars[length - 1];
    }

    void append(char c) {
        if (length == chars.length) {
            grow(1);
        }
        chars[length++] = c;
    }

    void append(char[] src, int from, int to) {
        int n = to - from;
        if (length + n > chars.length) {
            grow(n);
        }
        System.arraycopy(src, from, chars, length, n);
        length += n;
    }

    void append(String s) {
        int n = s.length();
        if (length + n > chars.length) {
            grow(n);
        }
        s.getChars(0, n, chars, length);
        length += n;
    }

    void appendCodePoint(int cp) {
        if (Character.isBmpCodePoint(cp)) {
            append((char) cp);
        } else {
            append(Character.highSurrogate(cp));
            append(Character.lowSurrogate(cp));
        }
    }

    /** Drops trailing spaces (' ' only). */
    void trimTrailingSpaces() {
        while (length > 0 && chars[length - 1] == ' ') {
            length--;
        }
    }

    private void grow(int more) {
        chars = Arrays.copyOf(chars, Math.max(chars.length * 2, length + more));
    }

    @Override
    public String toString() {
        return new String(chars, 0, length);
    }
}
