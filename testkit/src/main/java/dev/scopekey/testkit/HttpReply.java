package dev.scopekey.testkit;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP response as a test sees it: status, headers (names in lower case, values in the order
 * received) and body text. {@link HttpHarness} returns these; {@link #of(HttpResponse)} adapts a
 * response from any other {@code java.net.http} client for {@link HttpAuthAssert}.
 *
 * <p>{@link #toString()} is safe to print: token-shaped text (every minted token is) and every
 * token the reply knows about (the one its request carried, its harness's watched tokens) are
 * redacted, and the body is truncated. Immutable; compared by identity,
 * since two answers with the same text are still two answers.
 */
public final class HttpReply {
    private final int status;
    private final Map<String, List<String>> headers;
    private final String body;
    private final String sentCredential;
    private final Collection<String> watched;

    /**
     * @param sentCredential the credential its request carried, or null
     * @param watched a live view of the secrets its harness watches
     */
    HttpReply(int status, Map<String, List<String>> headers, String body, String sentCredential,
              Collection<String> watched) {
        this.status = status;
        Map<String, List<String>> lowerCase = new LinkedHashMap<>();
        headers.forEach((name, values) -> lowerCase.computeIfAbsent(name.toLowerCase(Locale.ROOT),
                key -> new ArrayList<>()).addAll(values));
        lowerCase.replaceAll((name, values) -> List.copyOf(values));
        this.headers = Collections.unmodifiableMap(lowerCase);
        this.body = body == null ? "" : body;
        this.sentCredential = sentCredential;
        this.watched = watched;
    }

    /**
     * A reply from its parts; header names may have any case.
     *
     * @param status the status code
     * @param headers the headers, by name
     * @param body the body
     * @return the reply
     */
    public static HttpReply of(int status, Map<String, List<String>> headers, String body) {
        return new HttpReply(status, Objects.requireNonNull(headers, "headers"), body, null, List.of());
    }

    /**
     * A reply from a {@code java.net.http} response; the token its request carried is redacted when printed.
     *
     * @param response the JDK client's response
     * @return the reply
     */
    public static HttpReply of(HttpResponse<String> response) {
        String sent = response.request().headers().firstValue("Authorization").map(Redactor::credentialOf)
                .orElse(null);
        return new HttpReply(response.statusCode(), response.headers().map(), response.body(), sent, List.of());
    }

    /**
     * The status code.
     *
     * @return the status code
     */
    public int status() {
        return status;
    }

    /**
     * Every header, names in lower case.
     *
     * @return the headers, by name
     */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /**
     * The first value of a header (any case), or null.
     *
     * @param name the header's name, any case
     * @return its first value, or null
     */
    public String header(String name) {
        List<String> values = headerValues(name);
        return values.isEmpty() ? null : values.get(0);
    }

    /**
     * Every value of a header (any case), in the order received; empty if absent.
     *
     * @param name the header's name, any case
     * @return its values, possibly none
     */
    public List<String> headerValues(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    /**
     * The body text; empty when there was none.
     *
     * @return the body
     */
    public String body() {
        return body;
    }

    /** Status, headers and the start of the body, with every secret it knows of redacted. */
    @Override
    public String toString() {
        return Redactor.describe(this, knownSecrets());
    }

    /** The secrets this reply knows of: its request's credential and its harness's watched tokens. */
    List<String> knownSecrets() {
        List<String> known = new ArrayList<>(watched);
        if (sentCredential != null) {
            known.add(sentCredential);
        }
        return known;
    }
}
