package dev.scopekey.store.file;

import static dev.scopekey.store.file.TokenFileParseTest.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The texts of the file store's parts, as logs and debuggers show them: what they hold, never a credential. */
class StorePartsTextTest {
    private static final byte[] NO_LEAD = new byte[0];
    private static final byte[] LF = {'\n'};

    @Test
    void aTokenLine_andItsEntry_nameTheKindAndPrefix_andRedactTheCredential() {
        TokenFileLine line = TokenFileLine.read(NO_LEAD, bytes("plain-secret-value\tkafka:read"), LF);
        TokenFileLine legacy = TokenFileLine.read(NO_LEAD, bytes("legacy-secret-value"), LF);

        assertEquals("TokenFileLine[TOKEN]", line.toString());
        assertEquals("TokenEntry[prefix=plain-se, legacy=false, credential=redacted]", line.entry().toString());
        assertEquals("TokenEntry[prefix=legacy-s, legacy=true, credential=redacted]", legacy.entry().toString());
    }

    @Test
    void aMalformedLine_namesItsProblem_andNotItsText() {
        TokenFileLine line = TokenFileLine.read(NO_LEAD, bytes("broken secret\tkafka:read"), LF);
        TokenFileLine comment = TokenFileLine.read(NO_LEAD, bytes("# secret notes"), LF);

        assertEquals("TokenFileLine[MALFORMED, " + LineProblem.BAD_CREDENTIAL + "]", line.toString());
        assertEquals("TokenFileLine[COMMENT]", comment.toString());
    }

    @Test
    void aSnapshot_showsItsFile_andNotItsBytes() {
        byte[] text = bytes("plain-secret-value\tkafka:read\n");

        Snapshot snapshot = new Snapshot(TokenFile.parse(text), text, FileStamp.UNKNOWN);

        assertEquals("Snapshot[TokenFile[1 lines, 1 tokens, 0 skipped]]", snapshot.toString());
    }

    @Test
    void options_showTheirIntervalAndClock() {
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

        String text = FileTokenStoreOptions.defaults().withRecheckInterval(Duration.ofSeconds(5)).withClock(clock)
                .toString();

        assertEquals("FileTokenStoreOptions[recheckInterval=PT5S, clock=" + clock + "]", text);
    }
}
