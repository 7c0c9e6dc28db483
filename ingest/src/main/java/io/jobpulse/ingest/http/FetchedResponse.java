package io.jobpulse.ingest.http;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;

/**
 * A successful (2xx) or not-modified (304) response, body already decompressed.
 *
 * @param validators the response's ETag / Last-Modified, to send next time
 */
public record FetchedResponse(URI uri, int status, String contentType, byte[] body, Validators validators) {

    public boolean notModified() {
        return status == 304;
    }

    /**
     * The body as text in the charset the response declares (UTF-8 otherwise). Bytes that are not valid in that
     * charset become U+FFFD rather than failing the whole source.
     */
    public String text() {
        Charset charset = charset();
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            String s = decoder.decode(ByteBuffer.wrap(body)).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            throw new IllegalStateException(e); // unreachable with REPLACE
        }
    }

    /** True when the body had bytes that were not valid in its charset. */
    public boolean hasInvalidEncoding() {
        try {
            charset().newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            return false;
        } catch (CharacterCodingException e) {
            return true;
        }
    }

    private Charset charset() {
        if (contentType != null) {
            for (String part : contentType.split(";")) {
                String p = part.strip().toLowerCase(Locale.ROOT);
                if (p.startsWith("charset=")) {
                    try {
                        return Charset.forName(p.substring(8).replace("\"", ""));
                    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                        return StandardCharsets.UTF_8;
                    }
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
