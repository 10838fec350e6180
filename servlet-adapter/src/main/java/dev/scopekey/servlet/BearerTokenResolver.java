package dev.scopekey.servlet;

import dev.scopekey.domain.PlainToken;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Enumeration;

/**
 * Finds the bearer token of a request as RFC 6750 describes, strictly: only the
 * {@code Authorization} header carries it (scheme {@code Bearer}, any case, one space-separated
 * b64token). Two {@code Authorization} headers, an empty token or two tokens in one header are
 * an invalid request, and so is a header together with an {@code access_token} form parameter
 * where the filter has read the body ({@link #resolveWithBody}); a token outside the b64token
 * syntax or longer than {@value PlainToken#MAX_LENGTH} characters is an invalid token. A token
 * in the query string or only in the body is not a credential. The request body is never read
 * here. Never throws. Stateless and thread-safe.
 */
final class BearerTokenResolver {
    static final String AUTHORIZATION = "Authorization";
    static final String ACCESS_TOKEN_PARAMETER = "access_token";
    private static final String SCHEME = "bearer";
    /** The characters of a b64token before its {@code =} padding, by code. */
    private static final boolean[] B64TOKEN = b64tokenTable();

    /** The credential of {@code request}, from its headers alone. */
    BearerCredential resolve(HttpServletRequest request) {
        return fromHeaders(request.getHeaders(AUTHORIZATION));
    }

    /**
     * The credential of a request whose form body the filter has read: that of its headers,
     * unless they hold a token and the body has an {@code access_token} parameter too (or cannot
     * be decoded, so that one cannot tell), which is an invalid request.
     */
    BearerCredential resolveWithBody(BufferedFormRequest request) {
        BearerCredential credential = resolve(request);
        if (credential instanceof BearerCredential.Token && hasBodyToken(request)) {
            return BearerCredential.INVALID_REQUEST;
        }
        return credential;
    }

    /**
     * The credential the {@code Authorization} header values give, ignoring other transports;
     * reads at most two values.
     */
    static BearerCredential fromHeaders(Enumeration<String> values) {
        if (values == null || !values.hasMoreElements()) {
            return BearerCredential.NONE;
        }
        String first = values.nextElement();
        return values.hasMoreElements() ? BearerCredential.INVALID_REQUEST : fromHeader(first);
    }

    /** The credential of a request whose one {@code Authorization} header is {@code header}. */
    static BearerCredential fromHeader(String header) {
        String value = header == null ? "" : header;
        int start = skipSpaces(value, 0);
        int schemeEnd = start;
        while (schemeEnd < value.length() && value.charAt(schemeEnd) != ' ') {
            schemeEnd++;
        }
        if (!isBearer(value, start, schemeEnd)) {
            return BearerCredential.NONE;
        }
        int tokenStart = skipSpaces(value, schemeEnd);
        int space = value.indexOf(' ', tokenStart);
        int tokenEnd = space < 0 ? value.length() : space;
        if (tokenStart == tokenEnd || skipSpaces(value, tokenEnd) < value.length()) {
            return BearerCredential.INVALID_REQUEST; // no token, or a second one after a space
        }
        if (tokenEnd - tokenStart > PlainToken.MAX_LENGTH || !isB64Token(value, tokenStart, tokenEnd)) {
            return BearerCredential.MALFORMED;
        }
        return new BearerCredential.Token(value.substring(tokenStart, tokenEnd));
    }

    /**
     * RFC 6750 §2.1: {@code 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="}; one
     * pass: the table's characters, then only padding.
     */
    static boolean isB64Token(String text, int from, int to) {
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (c >= B64TOKEN.length || !B64TOKEN[c]) {
                break;
            }
            i++;
        }
        if (i == from) {
            return false;
        }
        while (i < to && text.charAt(i) == '=') {
            i++;
        }
        return i == to;
    }

    private static boolean hasBodyToken(BufferedFormRequest request) {
        try {
            return !request.bodyValues(ACCESS_TOKEN_PARAMETER).isEmpty();
        } catch (RuntimeException unreadable) {
            return true;
        }
    }

    private static boolean isBearer(String value, int from, int to) {
        if (to - from != SCHEME.length()) {
            return false;
        }
        for (int i = 0; i < SCHEME.length(); i++) {
            char c = value.charAt(from + i);
            char lower = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
            if (lower != SCHEME.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean[] b64tokenTable() {
        boolean[] table = new boolean[128];
        for (char c = 'A'; c <= 'Z'; c++) {
            table[c] = true;
            table[c + ('a' - 'A')] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            table[c] = true;
        }
        for (char c : "-._~+/".toCharArray()) {
            table[c] = true;
        }
        return table;
    }

    private static int skipSpaces(String value, int from) {
        int i = from;
        while (i < value.length() && value.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
