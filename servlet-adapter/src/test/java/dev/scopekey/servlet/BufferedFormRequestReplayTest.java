package dev.scopekey.servlet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The form body the filter read, handed to the application again: the same bytes by blocking
 * reads and by a non-blocking read listener, which is called at once since every byte is here.
 */
class BufferedFormRequestReplayTest {
    private static final String BODY = "name=ci&scope=a:read";

    private static ServletInputStream replay(String body, boolean async) throws IOException {
        BufferedFormRequest request = BufferedFormRequest.read(TestRequest.of("POST", "/orders")
                .body(TestRequest.FORM, body.length(), body.getBytes(StandardCharsets.UTF_8))
                .answer("isAsyncStarted", async).proxy()).orElseThrow();
        ServletInputStream stream = request.getInputStream();
        assertSame(stream, request.getInputStream(), "one stream per request");
        return stream;
    }

    @Test
    void blockingReads_giveTheBodyAgain_countingDownWhatIsLeft() throws IOException {
        ServletInputStream in = replay(BODY, false);

        assertTrue(in.isReady());
        assertFalse(in.isFinished());
        assertEquals(BODY.length(), in.available());
        assertEquals('n', in.read());
        byte[] rest = new byte[BODY.length()];
        assertEquals(BODY.length() - 1, in.read(rest, 0, rest.length));
        assertEquals(BODY.substring(1), new String(rest, 0, BODY.length() - 1, StandardCharsets.UTF_8));
        assertEquals(0, in.available());
        assertTrue(in.isFinished());
        assertEquals(-1, in.read());
    }

    @Test
    void aReadListener_isCalledAtOnce_withTheDataAndThenItsEnd() throws IOException {
        ServletInputStream in = replay(BODY, true);
        Recorder listener = new Recorder(in, true);

        in.setReadListener(listener);

        assertEquals(List.of("data", "all read"), listener.calls);
        assertArrayEquals(BODY.getBytes(StandardCharsets.UTF_8), listener.read.toByteArray());
    }

    @Test
    void aListenerThatLeavesDataUnread_isNotToldTheBodyEnded() throws IOException {
        ServletInputStream in = replay(BODY, true);
        Recorder listener = new Recorder(in, false);

        in.setReadListener(listener);

        assertEquals(List.of("data"), listener.calls);
    }

    @Test
    void anEmptyBody_goesStraightToItsEnd() throws IOException {
        ServletInputStream in = replay("", true);
        Recorder listener = new Recorder(in, true);

        in.setReadListener(listener);

        assertEquals(List.of("all read"), listener.calls);
    }

    @Test
    void aListenerThatFails_hearsItsOwnError() throws IOException {
        ServletInputStream in = replay(BODY, true);
        IOException broken = new IOException("listener failed");
        List<Throwable> errors = new ArrayList<>();

        in.setReadListener(new ReadListener() {
            @Override
            public void onDataAvailable() throws IOException {
                throw broken;
            }

            @Override
            public void onAllDataRead() {
                errors.add(new AssertionError("not finished"));
            }

            @Override
            public void onError(Throwable t) {
                errors.add(t);
            }
        });

        assertEquals(List.of(broken), errors);
    }

    @Test
    void aReadListener_needsAsyncMode_andIsSetOnce() throws IOException {
        ServletInputStream blocking = replay(BODY, false);
        ServletInputStream async = replay(BODY, true);
        async.setReadListener(new Recorder(async, true));

        assertThrows(IllegalStateException.class, () -> blocking.setReadListener(new Recorder(blocking, true)));
        assertThrows(IllegalStateException.class, () -> async.setReadListener(new Recorder(async, true)));
        assertThrows(NullPointerException.class, () -> blocking.setReadListener(null));
    }

    /** A listener that records its calls and, when told to, reads everything available. */
    private static final class Recorder implements ReadListener {
        final List<String> calls = new ArrayList<>();
        final java.io.ByteArrayOutputStream read = new java.io.ByteArrayOutputStream();
        private final ServletInputStream in;
        private final boolean readAll;

        Recorder(ServletInputStream in, boolean readAll) {
            this.in = in;
            this.readAll = readAll;
        }

        @Override
        public void onDataAvailable() throws IOException {
            calls.add("data");
            while (readAll && in.isReady() && !in.isFinished()) {
                read.write(in.read());
            }
        }

        @Override
        public void onAllDataRead() {
            calls.add("all read");
        }

        @Override
        public void onError(Throwable t) {
            calls.add("error");
        }
    }
}
