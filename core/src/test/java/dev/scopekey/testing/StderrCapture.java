package dev.scopekey.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The bytes written to {@code System.err} while a piece of code runs, where slf4j-simple logs in
 * core's tests. Not for tests that run in parallel: the stream is global.
 */
public final class StderrCapture {
    private final byte[] bytes;

    private StderrCapture(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Runs {@code code} with {@code System.err} redirected, and returns what it wrote. */
    public static StderrCapture of(Runnable code) {
        PrintStream original = System.err;
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        System.setErr(new PrintStream(copy, true, StandardCharsets.UTF_8));
        try {
            code.run();
        } finally {
            System.err.flush();
            System.setErr(original);
        }
        return new StderrCapture(copy.toByteArray());
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** The output split at LF, each line's bytes read as ISO-8859-1 (one char per byte), CRs kept. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (String line : new String(bytes, StandardCharsets.ISO_8859_1).split("\n", -1)) {
            if (!line.isEmpty()) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** The lines that contain {@code text}. */
    public List<String> linesWith(String text) {
        List<String> found = new ArrayList<>();
        for (String line : lines()) {
            if (line.contains(text)) {
                found.add(line);
            }
        }
        return found;
    }
}
