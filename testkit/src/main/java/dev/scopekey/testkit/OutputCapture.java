package dev.scopekey.testkit;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Copies what is written to {@code System.out}, {@code System.err} and the root
 * {@code java.util.logging} logger while it runs, passing everything through unchanged.
 * Not thread-safe to start and stop; the streams it installs are.
 */
final class OutputCapture {
    static final String STDOUT = "System.out";
    static final String STDERR = "System.err";
    static final String JUL = "java.util.logging";

    private final boolean stdout;
    private PrintStream originalOut;
    private PrintStream originalErr;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final StringBuilder jul = new StringBuilder();
    private final Handler julHandler = new CapturingHandler();

    OutputCapture(boolean stdout) {
        this.stdout = stdout;
    }

    void start() {
        originalErr = System.err;
        System.setErr(tee(originalErr, err));
        if (stdout) {
            originalOut = System.out;
            System.setOut(tee(originalOut, out));
        }
        Logger.getLogger("").addHandler(julHandler);
    }

    /**
     * Restores the streams and returns what was captured, by source, logging first (a console
     * handler may also have copied it to a stream). ASCII survives any encoding.
     */
    Map<String, String> stop() {
        Logger.getLogger("").removeHandler(julHandler);
        System.err.flush();
        System.setErr(originalErr);
        if (stdout) {
            System.out.flush();
            System.setOut(originalOut);
        }
        Map<String, String> captured = new LinkedHashMap<>();
        synchronized (jul) {
            captured.put(JUL, jul.toString());
        }
        captured.put(STDERR, text(err));
        if (stdout) {
            captured.put(STDOUT, text(out));
        }
        return captured;
    }

    private static String text(ByteArrayOutputStream bytes) {
        synchronized (bytes) {
            return bytes.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static PrintStream tee(PrintStream original, ByteArrayOutputStream copy) {
        OutputStream both = new OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                synchronized (copy) {
                    copy.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                original.write(b, off, len);
                synchronized (copy) {
                    copy.write(b, off, len);
                }
            }

            @Override
            public void flush() {
                original.flush();
            }
        };
        return new PrintStream(both, true, Charset.defaultCharset());
    }

    /** Formats every record that reaches the root logger, whatever other handlers do with it. */
    private final class CapturingHandler extends Handler {
        CapturingHandler() {
            setLevel(Level.ALL);
            setFormatter(new SimpleFormatter());
        }

        @Override
        public void publish(LogRecord record) {
            String line;
            try {
                line = getFormatter().format(record);
            } catch (RuntimeException e) {
                line = String.valueOf(record.getMessage());
            }
            synchronized (jul) {
                jul.append(line);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
