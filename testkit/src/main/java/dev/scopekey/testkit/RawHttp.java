package dev.scopekey.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sends bytes over a plain socket and reads one HTTP/1.1 answer until the server closes: for
 * requests {@code java.net.http} refuses to send (two {@code Authorization} headers, NUL bytes,
 * non-ASCII, huge headers). Stateless.
 */
final class RawHttp {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final int TIMEOUT_MILLIS = 20_000;

    private RawHttp() {
    }

    /** A {@code GET} of {@code target} with these header lines (no line ends), closing the connection after. */
    static byte[] get(String target, byte[]... headerLines) {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        for (byte[] line : headerLines) {
            request.writeBytes(line);
            request.writeBytes(CRLF);
        }
        request.writeBytes(CRLF);
        return request.toByteArray();
    }

    /** Writes {@code request} to the port on the loopback address and returns the status, headers and body. */
    static Parsed exchange(int port, byte[] request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException closedEarly) {
                // the server may answer and close before it read everything
            }
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                    answer.write(buffer, 0, n);
                }
            } catch (SocketException reset) {
                // a reset after the answer still leaves the answer
            }
            return parse(answer.toString(StandardCharsets.ISO_8859_1));
        }
    }

    /** An answer as read off the wire: header text as ISO-8859-1, the body (a chunked one joined) as UTF-8. */
    record Parsed(int status, Map<String, List<String>> headers, String body) {
    }

    /** Parses one whole answer (ISO-8859-1 text of its bytes). */
    static Parsed parse(String text) {
        int headerEnd = text.indexOf("\r\n\r\n");
        String head = headerEnd < 0 ? text : text.substring(0, headerEnd);
        String body = headerEnd < 0 ? "" : text.substring(headerEnd + 4);
        String[] lines = head.split("\r\n");
        if (!lines[0].matches("HTTP/1\\.[01] [0-9]{3}( .*)?")) {
            throw new IllegalStateException("the server sent no HTTP answer (" + text.length() + " bytes)");
        }
        int status = Integer.parseInt(lines[0].substring(9, 12));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        k -> new ArrayList<>()).add(lines[i].substring(colon + 1).strip());
            }
        }
        boolean chunked = headers.getOrDefault("transfer-encoding", List.of()).stream()
                .anyMatch(value -> value.toLowerCase(Locale.ROOT).contains("chunked"));
        String bytes = chunked ? dechunk(body) : body;
        return new Parsed(status, headers, new String(bytes.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }

    private static String dechunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            if (lineEnd < 0) {
                return body.toString();
            }
            String sizeField = chunked.substring(at, lineEnd);
            int extension = sizeField.indexOf(';');
            int size = Integer.parseInt((extension < 0 ? sizeField : sizeField.substring(0, extension)).strip(), 16);
            if (size == 0) {
                return body.toString();
            }
            int start = lineEnd + 2;
            body.append(chunked, start, Math.min(chunked.length(), start + size));
            at = start + size + 2;
        }
    }
}
