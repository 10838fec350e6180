package dev.scopekey.testkit;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * One HTTP/1.1 connection to a port on the loopback address, kept open from one request to the
 * next: for what a container carries over between the requests of a connection (its header
 * cache, for one), which a pooling client such as {@code java.net.http} hides. Each
 * {@link #get} writes one request and reads exactly one answer; the server must keep the
 * connection open, or the next call throws.
 *
 * <pre>{@code
 * try (KeepAliveConnection connection = KeepAliveConnection.open(http.port())) {
 *     assertStatus(connection.get("/reports", "Authorization: Bearer " + token), 200);
 * }
 * }</pre>
 *
 * <p>A reply redacts the credential its request carried when printed; replies are not kept by
 * any {@link HttpHarness}, so its leak check does not see them. Not thread-safe: one request at
 * a time, as HTTP/1.1 without pipelining.
 */
public final class KeepAliveConnection implements AutoCloseable {
    private static final int TIMEOUT_MILLIS = 20_000;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private KeepAliveConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /**
     * Connects to {@code port} on the loopback address.
     *
     * @param port the port on {@code 127.0.0.1}
     * @return the open connection
     * @throws UncheckedIOException if nothing listens there
     */
    public static KeepAliveConnection open(int port) {
        try {
            Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            return new KeepAliveConnection(socket);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot connect to port " + port, e);
        }
    }

    /**
     * {@code GET target} (a path with its query, as written on the request line) with these
     * header lines ({@code "Authorization: Bearer …"}, no line ends), and its answer.
     *
     * @param target the request target
     * @param headerLines the header lines
     * @return the reply
     * @throws UncheckedIOException if the exchange fails or the server closed the connection
     */
    public HttpReply get(String target, String... headerLines) {
        StringBuilder request = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        String credential = null;
        for (String line : headerLines) {
            request.append(line).append("\r\n");
            if (line.regionMatches(true, 0, "Authorization:", 0, "Authorization:".length())) {
                credential = Redactor.credentialOf(line.substring("Authorization:".length()));
            }
        }
        request.append("\r\n");
        try {
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            RawHttp.Parsed answer = RawHttp.parse(readAnswer());
            return new HttpReply(answer.status(), answer.headers(), answer.body(), credential, List.of());
        } catch (IOException e) {
            throw new UncheckedIOException("the request on the kept-alive connection failed", e);
        }
    }

    /** Closes the connection. */
    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing is left to read or write
        }
    }

    @Override
    public String toString() {
        return "KeepAliveConnection[" + socket.getPort() + (socket.isClosed() ? ", closed]" : "]");
    }

    /** One answer's bytes as ISO-8859-1 text: the head, then a Content-Length or chunked body. */
    private String readAnswer() throws IOException {
        StringBuilder answer = new StringBuilder();
        String line;
        long length = 0;
        boolean chunked = false;
        do {
            line = readLine();
            answer.append(line).append("\r\n");
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring("content-length:".length()).strip());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        } while (!line.isEmpty());
        if (!chunked) {
            return answer.append(readBytes(length)).toString();
        }
        for (long size = chunkSize(answer); size > 0; size = chunkSize(answer)) {
            answer.append(readBytes(size + 2));
        }
        for (line = readLine(); !line.isEmpty(); line = readLine()) {
            answer.append(line).append("\r\n");
        }
        return answer.append("\r\n").toString();
    }

    private long chunkSize(StringBuilder answer) throws IOException {
        String line = readLine();
        answer.append(line).append("\r\n");
        int extension = line.indexOf(';');
        return Long.parseLong((extension < 0 ? line : line.substring(0, extension)).strip(), 16);
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = read(); b != '\n'; b = read()) {
            line.write(b);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    private String readBytes(long count) throws IOException {
        byte[] bytes = in.readNBytes(Math.toIntExact(count));
        if (bytes.length < count) {
            throw new EOFException("the server closed the connection within an answer");
        }
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private int read() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("the server closed the connection");
        }
        return b;
    }
}
