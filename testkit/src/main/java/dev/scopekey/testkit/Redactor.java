package dev.scopekey.testkit;

import dev.scopekey.domain.PlainToken;
import dev.scopekey.domain.TokenFormat;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes response text safe for a failure message: removes every secret it is given (whole, and
 * the secret part of a minted token), the credential after a {@code Bearer} scheme, anything
 * shaped like a minted token (its display prefix is kept, since that is public) and any run of 32
 * or more letters and digits, which covers every minted token's secret. Stateless.
 */
final class Redactor {
    static final String REDACTED = "[redacted]";
    /** How much of a body a description shows. */
    static final int BODY_LIMIT = 300;
    /** Known secrets shorter than this are redacted only where they stand alone, not inside longer words. */
    private static final int SHORT_SECRET = 8;
    private static final Pattern MINTED_SHAPE = Pattern.compile(
            "(?<![A-Za-z0-9])([a-z][a-z0-9]{1,15}_[A-Za-z0-9]{" + TokenFormat.ID_LENGTH + "})[A-Za-z0-9]+");
    private static final Pattern LONG_RUN = Pattern.compile("[A-Za-z0-9]{32,}");
    private static final Pattern BEARER = Pattern.compile("(?i)\\bbearer\\s+");
    private static final String B64TOKEN_CHARS = "-._~+/";

    private Redactor() {
    }

    /** {@code text} with every known secret and every token-shaped string replaced. */
    static String redact(String text, Collection<String> known) {
        String safe = text;
        for (String secret : expand(known)) {
            safe = secret.length() >= SHORT_SECRET ? safe.replace(secret, REDACTED) : replaceStandalone(safe, secret);
        }
        safe = redactBearerCredentials(safe);
        safe = MINTED_SHAPE.matcher(safe).replaceAll(match -> Matcher.quoteReplacement(match.group(1) + "…" + REDACTED));
        return LONG_RUN.matcher(safe).replaceAll(REDACTED);
    }

    /** Status, headers and the start of the body of {@code reply}, redacted. */
    static String describe(HttpReply reply, Collection<String> known) {
        StringBuilder text = new StringBuilder("status ").append(reply.status()).append(", headers {");
        String separator = "";
        for (Map.Entry<String, List<String>> header : new TreeMap<>(reply.headers()).entrySet()) {
            for (String value : header.getValue()) {
                text.append(separator).append(header.getKey()).append(": ").append(redact(value, known));
                separator = "; ";
            }
        }
        text.append("}, ");
        String body = redact(reply.body(), known);
        if (body.isEmpty()) {
            return text.append("no body").toString();
        }
        text.append("body ").append(body, 0, Math.min(body.length(), BODY_LIMIT));
        if (body.length() > BODY_LIMIT) {
            text.append("… (").append(body.length() - BODY_LIMIT).append(" more characters)");
        }
        return text.toString();
    }

    /** The credential in an {@code Authorization} value: what follows the scheme, or the whole value. */
    static String credentialOf(String authorization) {
        String value = authorization.strip();
        int space = value.indexOf(' ');
        return space < 0 ? value : value.substring(space).strip();
    }

    /** Known secrets with the secret parts of minted ones, longest first. */
    private static List<String> expand(Collection<String> known) {
        List<String> all = new ArrayList<>();
        for (String secret : known) {
            if (secret != null && !secret.isEmpty()) {
                all.add(secret);
                if (TokenFormat.isValidMinted(secret)) {
                    all.add(SecretLeakGuard.secretPart(PlainToken.of(secret)));
                }
            }
        }
        all.sort(Comparator.comparingInt(String::length).reversed());
        return all;
    }

    private static String replaceStandalone(String text, String secret) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (int at = text.indexOf(secret); at >= 0; at = text.indexOf(secret, at + 1)) {
            int end = at + secret.length();
            if (at >= from && !isTokenChar(text, at - 1) && !isTokenChar(text, end)) {
                out.append(text, from, at).append(REDACTED);
                from = end;
            }
        }
        return out.append(text, from, text.length()).toString();
    }

    /** Replaces the b64token after each {@code Bearer}, unless it is an auth-param name ({@code realm="…"}). */
    private static String redactBearerCredentials(String text) {
        Matcher scheme = BEARER.matcher(text);
        StringBuilder out = new StringBuilder();
        int from = 0;
        while (scheme.find()) {
            int start = scheme.end();
            int end = start;
            while (isTokenChar(text, end)) {
                end++;
            }
            int equals = end;
            while (equals < text.length() && text.charAt(equals) == '=') {
                equals++;
            }
            boolean authParam = equals == end + 1 && equals < text.length()
                    && (text.charAt(equals) == '"' || isTokenChar(text, equals));
            if (end > start && !authParam) {
                out.append(text, from, start).append(REDACTED);
                from = equals;
            }
        }
        return out.append(text, from, text.length()).toString();
    }

    private static boolean isTokenChar(String text, int index) {
        if (index < 0 || index >= text.length()) {
            return false;
        }
        char c = text.charAt(index);
        return c < 128 && (Character.isLetterOrDigit(c) || B64TOKEN_CHARS.indexOf(c) >= 0);
    }
}
