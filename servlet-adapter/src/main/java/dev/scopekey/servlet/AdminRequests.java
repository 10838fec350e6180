package dev.scopekey.servlet;

import dev.scopekey.domain.AddressList;
import dev.scopekey.domain.DurationText;
import dev.scopekey.domain.RequestRate;
import dev.scopekey.domain.TokenUpdate;
import dev.scopekey.service.MintRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the bodies of the token admin API: a mint request and a rotation's grace period, each
 * as JSON or as a URL-encoded form with the same field names ({@code scope} may repeat in a
 * form). Bodies are at most {@value #MAX_BODY_BYTES} bytes of UTF-8; unknown fields, wrong types
 * and malformed input are refused with a message that never repeats the input.
 */
final class AdminRequests {
    static final int MAX_BODY_BYTES = 16 * 1024;
    /** Longest rotation grace period accepted: one year. */
    static final long MAX_GRACE_SECONDS = 365L * 24 * 3600;
    private static final String JSON = "application/json";
    private static final Set<String> MINT_FIELDS = Set.of("scopes", "scope", "name", "subject", "expiresIn",
            "allowedAddresses", "rateLimit");
    private static final Set<String> UPDATE_FIELDS = Set.of("name", "allowedAddresses", "rateLimit", "disabled");
    private static final Set<String> ROTATE_FIELDS = Set.of("graceSeconds");

    private AdminRequests() {
    }

    /** The mint request of a JSON or form body. */
    static MintRequest mint(HttpServletRequest request) throws BadRequestException, IOException {
        Fields fields = fields(request, MINT_FIELDS, false);
        List<String> scopes = new ArrayList<>(fields.strings("scopes"));
        scopes.addAll(fields.strings("scope"));
        String expiresIn = fields.string("expiresIn");
        Duration lifetime = null;
        if ("never".equals(expiresIn)) {
            lifetime = MintRequest.NEVER;
        } else if (expiresIn != null) {
            try {
                lifetime = DurationText.parse(expiresIn);
            } catch (IllegalArgumentException e) {
                throw BadRequestException.invalid("expiresIn: " + e.getMessage());
            }
        }
        return new MintRequest(scopes, fields.string("name"), fields.string("subject"), lifetime)
                .allowedFrom(fields.has("allowedAddresses") ? addresses(fields) : null)
                .rateLimitedTo(rate(fields));
    }

    /**
     * The update of a JSON or form body: each field given is set, {@code null} clears a name,
     * allow-list or rate limit; {@code disabled} is true or false.
     */
    static TokenUpdate update(HttpServletRequest request) throws BadRequestException, IOException {
        Fields fields = fields(request, UPDATE_FIELDS, false);
        TokenUpdate update = TokenUpdate.none();
        if (fields.has("name")) {
            update = update.name(fields.string("name"));
        }
        if (fields.has("allowedAddresses")) {
            update = update.allowedAddresses(fields.raw("allowedAddresses") == null ? null : addresses(fields));
        }
        if (fields.has("rateLimit")) {
            update = update.rateLimit(rate(fields));
        }
        if (fields.has("disabled")) {
            Object disabled = fields.single("disabled");
            if (disabled instanceof String && ("true".equals(disabled) || "false".equals(disabled))) {
                disabled = Boolean.valueOf((String) disabled);
            }
            if (!(disabled instanceof Boolean)) {
                throw BadRequestException.invalid("disabled is true or false");
            }
            update = update.disabled((Boolean) disabled);
        }
        return update;
    }

    /** {@code allowedAddresses}: a JSON array, or in a form one comma-separated value or several. */
    private static AddressList addresses(Fields fields) throws BadRequestException {
        Object value = fields.raw("allowedAddresses");
        List<String> entries = value instanceof String ? List.of(((String) value).split(",", -1))
                : fields.strings("allowedAddresses");
        try {
            return AddressList.of(entries);
        } catch (IllegalArgumentException e) {
            throw BadRequestException.invalid("allowedAddresses: " + e.getMessage());
        }
    }

    /** {@code rateLimit}: {@code <permits>/<period>}, or null when absent or null. */
    private static RequestRate rate(Fields fields) throws BadRequestException {
        String text = fields.string("rateLimit");
        if (text == null) {
            return null;
        }
        try {
            return RequestRate.parse(text);
        } catch (IllegalArgumentException e) {
            throw BadRequestException.invalid("rateLimit: " + e.getMessage());
        }
    }

    /** A duration parameter, such as {@code expiringWithin=7d}. */
    static Duration duration(String name, String text) throws BadRequestException {
        try {
            return DurationText.parse(text);
        } catch (IllegalArgumentException e) {
            throw BadRequestException.invalid(name + ": " + e.getMessage());
        }
    }

    /** The grace period of a rotation: {@code graceSeconds} of the body, zero when there is no body. */
    static Duration grace(HttpServletRequest request) throws BadRequestException, IOException {
        Fields fields = fields(request, ROTATE_FIELDS, true);
        Object value = fields.single("graceSeconds");
        if (value == null) {
            return Duration.ZERO;
        }
        BigDecimal seconds = null;
        if (value instanceof BigDecimal) {
            seconds = (BigDecimal) value;
        } else if (value instanceof String) {
            try {
                seconds = new BigDecimal(((String) value).strip());
            } catch (NumberFormatException e) {
                seconds = null;
            }
        }
        if (seconds == null || seconds.signum() < 0 || seconds.compareTo(BigDecimal.valueOf(MAX_GRACE_SECONDS)) > 0
                || seconds.stripTrailingZeros().scale() > 0) {
            throw BadRequestException.invalid("graceSeconds is a whole number from 0 to " + MAX_GRACE_SECONDS);
        }
        return Duration.ofSeconds(seconds.longValueExact());
    }

    private static Fields fields(HttpServletRequest request, Set<String> allowed, boolean bodyOptional)
            throws BadRequestException, IOException {
        long length = request.getContentLengthLong();
        if (length > MAX_BODY_BYTES) {
            throw new BadRequestException(413, "request_too_large", "the body is larger than " + MAX_BODY_BYTES
                    + " bytes");
        }
        String contentType = contentType(request);
        String type = FormParameters.mediaType(contentType);
        if (FormParameters.FORM.equals(type)) {
            checkFormCharset(contentType);
            return Fields.ofForm(request, allowed);
        }
        if (JSON.equals(type)) {
            checkCharset(contentType);
            String body = body(request);
            if (bodyOptional && body.isBlank()) {
                return Fields.EMPTY;
            }
            Object document = JsonReader.read(body);
            if (!(document instanceof Map)) {
                throw BadRequestException.invalid("the JSON body must be an object");
            }
            Map<?, ?> members = (Map<?, ?>) document;
            for (Object name : members.keySet()) {
                if (!allowed.contains(name)) {
                    throw BadRequestException.invalid(unknownField(name.toString(), allowed));
                }
            }
            return new Fields(members);
        }
        if (bodyOptional && (length == 0 || (length < 0 && type == null))) {
            return Fields.EMPTY;
        }
        throw unsupportedMediaType();
    }

    /** The Content-Type of the request; one the container cannot read (an unknown charset) is a 415. */
    private static String contentType(HttpServletRequest request) throws BadRequestException {
        try {
            return request.getContentType();
        } catch (IllegalArgumentException unreadable) {
            throw unsupportedMediaType();
        }
    }

    private static BadRequestException unsupportedMediaType() {
        return new BadRequestException(415, "unsupported_media_type",
                "send application/json or application/x-www-form-urlencoded");
    }

    /**
     * A parameter of the query string or form body.
     *
     * @throws BadRequestException (400) if the container cannot parse the parameters
     */
    static String parameter(HttpServletRequest request, String name) throws BadRequestException {
        try {
            return request.getParameter(name);
        } catch (RuntimeException unparsable) {
            throw BadRequestException.invalid("the request's parameters cannot be read");
        }
    }

    static String unknownField(String name, Set<String> allowed) {
        String shown = name.matches("[A-Za-z0-9_]{1,40}") ? "'" + name + "'" : "a field";
        return "unknown field " + shown + "; known: " + String.join(", ", new java.util.TreeSet<>(allowed));
    }

    private static void checkCharset(String contentType) throws BadRequestException {
        String charset = declaredCharset(contentType);
        if (charset != null && !charset.equals("utf-8")) {
            throw new BadRequestException(415, "unsupported_media_type", "JSON bodies are UTF-8");
        }
    }

    /**
     * A form whose declared charset the JVM does not know is a 415 here, whatever the container
     * would do with it (Jetty refuses it, Tomcat falls back to the application's encoding).
     */
    private static void checkFormCharset(String contentType) throws BadRequestException {
        String charset = declaredCharset(contentType);
        boolean known;
        try {
            known = charset == null || Charset.isSupported(charset);
        } catch (IllegalArgumentException illegalName) {
            known = false;
        }
        if (!known) {
            throw new BadRequestException(415, "unsupported_media_type", "the form's charset is unknown");
        }
    }

    /** The charset parameter of a Content-Type value, lower case and unquoted, or null if there is none. */
    private static String declaredCharset(String contentType) {
        String lower = contentType.toLowerCase(Locale.ROOT);
        int at = lower.indexOf("charset=");
        if (at < 0) {
            return null;
        }
        String charset = lower.substring(at + "charset=".length()).replace("\"", "").strip();
        int end = charset.indexOf(';');
        return end < 0 ? charset : charset.substring(0, end).strip();
    }

    private static String body(HttpServletRequest request) throws BadRequestException, IOException {
        byte[] buffer = new byte[MAX_BODY_BYTES + 1];
        int read = 0;
        try (InputStream in = request.getInputStream()) {
            int n;
            while (read < buffer.length && (n = in.read(buffer, read, buffer.length - read)) > 0) {
                read += n;
            }
        }
        if (read > MAX_BODY_BYTES) {
            throw new BadRequestException(413, "request_too_large", "the body is larger than " + MAX_BODY_BYTES
                    + " bytes");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(buffer, 0, read)).toString();
        } catch (CharacterCodingException e) {
            throw BadRequestException.invalid("the body is not valid UTF-8");
        }
    }

    /** The fields of a body, JSON values or form strings, with typed access. */
    private static final class Fields {
        static final Fields EMPTY = new Fields(Map.of());
        private final Map<?, ?> values;

        Fields(Map<?, ?> values) {
            this.values = values;
        }

        static Fields ofForm(HttpServletRequest request, Set<String> allowed) throws BadRequestException {
            Map<String, Object> values = new java.util.HashMap<>();
            try {
                for (String name : request.getParameterMap().keySet()) {
                    List<String> body = FormParameters.bodyValues(request, name);
                    if (body.isEmpty()) {
                        continue;
                    }
                    if (!allowed.contains(name)) {
                        throw BadRequestException.invalid(unknownField(name, allowed));
                    }
                    values.put(name, body.size() == 1 && !name.startsWith("scope") ? body.get(0) : List.copyOf(body));
                }
            } catch (RuntimeException unreadable) {
                // whatever the container throws for a form it cannot parse (bad bytes, bad escapes)
                throw BadRequestException.invalid("the form body cannot be read");
            }
            return new Fields(values);
        }

        boolean has(String name) {
            return values.containsKey(name);
        }

        Object raw(String name) {
            return values.get(name);
        }

        Object single(String name) throws BadRequestException {
            Object value = values.get(name);
            if (value instanceof List) {
                throw BadRequestException.invalid(name + " must be given once");
            }
            return value;
        }

        String string(String name) throws BadRequestException {
            Object value = single(name);
            if (value != null && !(value instanceof String)) {
                throw BadRequestException.invalid(name + " must be a string");
            }
            return (String) value;
        }

        List<String> strings(String name) throws BadRequestException {
            Object value = values.get(name);
            if (value == null) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            if (value instanceof List) {
                for (Object item : (List<?>) value) {
                    if (!(item instanceof String)) {
                        throw BadRequestException.invalid(name + " must hold strings only");
                    }
                    out.add((String) item);
                }
                return out;
            }
            throw BadRequestException.invalid(name + " must be an array of strings");
        }
    }
}
