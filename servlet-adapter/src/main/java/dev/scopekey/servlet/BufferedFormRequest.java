package dev.scopekey.servlet;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A form request whose body the filter has read (to look for an {@code access_token} body
 * parameter) and hands on intact: {@link #getInputStream()} and {@link #getReader()} give the
 * same bytes again, and the {@code getParameter} family gives the query string's parameters
 * followed by the body's, as the servlet API does. Bodies are read up to {@value #LIMIT} bytes.
 * When there is nothing to read (the body is empty, or something before the filter had the
 * container parse it), the parameters are the container's. Like the request it wraps, not
 * thread-safe.
 */
final class BufferedFormRequest extends HttpServletRequestWrapper {
    /** The most bytes of a form body the filter reads. */
    static final int LIMIT = 200_000;
    /** The message of the 413 answer to a larger body. */
    static final String TOO_LARGE = "a form body sent with a bearer token may be at most " + LIMIT + " bytes";
    /** The charset of the query string, and of a form body that names none (as browsers send them). */
    private static final Charset DEFAULT_CHARSET = StandardCharsets.UTF_8;

    private final byte[] body;
    private ServletInputStream stream;
    private BufferedReader reader;
    private Map<String, String[]> parameters;

    private BufferedFormRequest(HttpServletRequest request, byte[] body) {
        super(request);
        this.body = body;
    }

    /**
     * Reads the body of {@code request}.
     *
     * @return the request with its body buffered, or empty if the body is larger than {@value #LIMIT} bytes
     * @throws IOException if the body cannot be read
     */
    static Optional<BufferedFormRequest> read(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > LIMIT) {
            return Optional.empty();
        }
        byte[] body = request.getInputStream().readNBytes(LIMIT + 1);
        return body.length > LIMIT ? Optional.empty() : Optional.of(new BufferedFormRequest(request, body));
    }

    /**
     * The values of {@code name} in the body, in the request's character encoding (UTF-8 if it names none).
     *
     * @throws RuntimeException if the body or its charset cannot be decoded, or the container
     *     cannot parse the body it already took
     */
    List<String> bodyValues(String name) {
        if (body.length == 0) {
            return FormParameters.bodyValues((HttpServletRequest) getRequest(), name);
        }
        return decodedBody().getOrDefault(name, List.of());
    }

    @Override
    public ServletInputStream getInputStream() {
        if (reader != null) {
            throw new IllegalStateException("getReader() has been called for this request");
        }
        if (stream == null) {
            stream = new Replay();
        }
        return stream;
    }

    @Override
    public BufferedReader getReader() {
        if (stream != null) {
            throw new IllegalStateException("getInputStream() has been called for this request");
        }
        if (reader == null) {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
            reader = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset));
        }
        return reader;
    }

    @Override
    public String getParameter(String name) {
        String[] values = getParameterMap().get(name);
        return values == null ? null : values[0];
    }

    @Override
    public String[] getParameterValues(String name) {
        String[] values = getParameterMap().get(name);
        return values == null ? null : values.clone();
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(getParameterMap().keySet());
    }

    /**
     * {@inheritDoc} Decoded on the first call, so that {@code setCharacterEncoding} before it counts.
     *
     * @throws IllegalArgumentException if the query string or the body cannot be decoded
     */
    @Override
    public Map<String, String[]> getParameterMap() {
        if (body.length == 0) {
            return super.getParameterMap();
        }
        if (parameters == null) {
            Map<String, List<String>> merged = new LinkedHashMap<>(
                    FormParameters.decode(getQueryString(), DEFAULT_CHARSET));
            decodedBody().forEach((name, values) -> merged.merge(name, values, (query, form) -> {
                List<String> both = new ArrayList<>(query);
                both.addAll(form);
                return both;
            }));
            Map<String, String[]> arrays = new LinkedHashMap<>();
            merged.forEach((name, values) -> arrays.put(name, values.toArray(new String[0])));
            parameters = Collections.unmodifiableMap(arrays);
        }
        return parameters;
    }

    private Map<String, List<String>> decodedBody() {
        String encoding = getCharacterEncoding();
        Charset charset = encoding == null ? DEFAULT_CHARSET : Charset.forName(encoding);
        return FormParameters.decode(new String(body, charset), charset);
    }

    /** The buffered body as a servlet input stream; always ready, including for a non-blocking read. */
    private final class Replay extends ServletInputStream {
        private final ByteArrayInputStream in = new ByteArrayInputStream(body);
        private boolean listening;

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            return in.read(buffer, offset, length);
        }

        @Override
        public int available() {
            return in.available();
        }

        @Override
        public boolean isFinished() {
            return in.available() == 0;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        /** Calls the listener at once: every byte is already here. */
        @Override
        public void setReadListener(ReadListener listener) {
            Objects.requireNonNull(listener, "listener");
            if (listening || !isAsyncStarted()) {
                throw new IllegalStateException("a read listener needs async mode, and is set once");
            }
            listening = true;
            try {
                if (!isFinished()) {
                    listener.onDataAvailable();
                }
                if (isFinished()) {
                    listener.onAllDataRead();
                }
            } catch (IOException | RuntimeException e) {
                listener.onError(e);
            }
        }
    }
}
