package dev.scopekey.store.file;

import static dev.scopekey.store.file.TokenFileParseTest.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.domain.PlainToken;
import dev.scopekey.domain.ScopeSet;
import dev.scopekey.domain.TokenHash;
import dev.scopekey.domain.TokenFormat;
import dev.scopekey.domain.TokenRecord;
import dev.scopekey.port.DuplicateTokenException;
import dev.scopekey.port.TokenChange;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenFileMutationTest {
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    private static final Instant T1 = Instant.parse("2024-06-01T08:30:00.5Z");

    private static PlainToken newToken() {
        return TokenFormat.standard().generate(new SecureRandom());
    }

    private static TokenRecord minted(PlainToken token) {
        return TokenRecord.minted(token, ScopeSet.parseList("kafka:read"), "ci", "user-1", T0, "cli", null);
    }

    private static String text(TokenFile file) {
        return new String(file.toBytes(), StandardCharsets.UTF_8);
    }

    private static TokenRecord record(TokenFile file, String hash) {
        return file.records().stream().filter(r -> r.hash().equals(hash)).findFirst().orElseThrow();
    }

    @Test
    void insert_appendsAHashedLine_withoutThePlaintext() {
        PlainToken token = newToken();
        TokenFile file = TokenFile.parse(bytes("# tokens\n"));

        TokenFile next = file.apply(TokenChange.insert(minted(token)));

        assertEquals("# tokens\nsha256:" + token.prefix() + ":" + token.hash()
                + "\tkafka:read\tci\t2024-05-01T10:00:00Z\tsubject=user-1\tby=cli\n", text(next));
        assertFalse(text(next).contains(token.reveal()));
        assertEquals(minted(token), TokenFile.parse(next.toBytes()).records().get(0));
    }

    @Test
    void insert_withoutNameButWithCreationTime_writesAnEmptyNameField() {
        PlainToken token = newToken();
        TokenRecord record = TokenRecord.minted(token, ScopeSet.parseList("a:b"), null, null, T0, null, null);

        String written = text(TokenFile.empty().apply(TokenChange.insert(record)));

        assertEquals("sha256:" + token.prefix() + ":" + token.hash() + "\ta:b\t\t2024-05-01T10:00:00Z\n", written);
    }

    @Test
    void insert_intoAFileWithoutFinalNewline_endsTheLastLineFirst() {
        PlainToken token = newToken();

        TokenFile next = TokenFile.parse(bytes("# c\nlegacy-token-1")).apply(TokenChange.insert(minted(token)));

        assertTrue(text(next).startsWith("# c\nlegacy-token-1\nsha256:"), text(next));
        assertTrue(text(next).endsWith("\n"));
        assertEquals(2, TokenFile.parse(next.toBytes()).records().size());
    }

    @Test
    void insert_intoACrlfFileWithoutFinalNewline_endsBothLinesWithCrlf() {
        TokenFile next = TokenFile.parse(bytes("# c\r\nlegacy-token-1")).apply(TokenChange.insert(minted(newToken())));

        assertTrue(text(next).startsWith("# c\r\nlegacy-token-1\r\nsha256:"), text(next));
        assertTrue(text(next).endsWith("\r\n"), text(next));
    }

    @Test
    void insert_intoACrlfFile_usesCrlf() {
        TokenFile next = TokenFile.parse(bytes("# c\r\nlegacy-token-1\r\n")).apply(TokenChange.insert(minted(newToken())));

        assertTrue(text(next).startsWith("# c\r\nlegacy-token-1\r\nsha256:"));
        assertTrue(text(next).endsWith("\r\n"));
    }

    @Test
    void update_rewritesOnlyItsLine_keepingUnknownAttributesAndUnchangedFieldsAsWritten() {
        String hash = TokenHash.hexOf("operator-token-1");
        String before = "# keep me  \r\n"
                + "operator-token-1\tkafka:read , kafka:write\tname\t2024-05-01T12:00:00+02:00\tteam=pay"
                + "\texpires=2030-01-01\tx=1  \r\n"
                + "other-legacy-token\n";
        TokenFile file = TokenFile.parse(bytes(before));
        TokenRecord revoked = record(file, hash).withRevoked(T1, "cli");

        TokenFile next = file.apply(TokenChange.update(List.of(revoked)));

        assertEquals("# keep me  \r\n"
                + "operator-token-1\tkafka:read , kafka:write\tname\t2024-05-01T12:00:00+02:00\tteam=pay"
                + "\texpires=2030-01-01\tx=1\trevoked=2024-06-01T08:30:00.500Z\trevokedBy=cli\r\n"
                + "other-legacy-token\n", text(next));
        assertEquals(revoked, record(TokenFile.parse(next.toBytes()), hash));
    }

    @Test
    void update_removingAnAttribute_dropsOnlyThatField() {
        String hash = TokenHash.hexOf("operator-token-1");
        TokenFile file = TokenFile.parse(bytes("operator-token-1\ta:b\t\t\tz=1\tused=2024-01-01\tby=me\n"));
        TokenRecord old = record(file, hash);
        TokenRecord withoutUse = old.toBuilder().lastUsedAt(null).build();

        TokenFile next = file.apply(TokenChange.update(List.of(withoutUse)));

        assertEquals("operator-token-1\ta:b\t\t\tz=1\tby=me\n", text(next));
    }

    @Test
    void update_ofALegacyLine_turnsItIntoATabLine_keepingTheTokenAndRootScope() {
        String hash = TokenHash.hexOf("legacy-token-abc");
        TokenFile file = TokenFile.parse(bytes("\uFEFFlegacy-token-abc\n"));

        TokenFile next = file.apply(TokenChange.update(List.of(record(file, hash).withRevoked(T1, "cli"))));

        assertEquals("\uFEFFlegacy-token-abc\t*\t\t\trevoked=2024-06-01T08:30:00.500Z\trevokedBy=cli\n", text(next));
        TokenRecord reread = record(TokenFile.parse(next.toBytes()), hash);
        assertEquals("legacy-t", reread.prefix());
        assertTrue(reread.scopes().isRoot());
    }

    @Test
    void revokedExpiresAndSubject_roundTripThroughTheFile() {
        PlainToken token = newToken();
        TokenRecord record = TokenRecord.minted(token, ScopeSet.parseList("a:*,b:c"), "n", "org 7", T0, "token:sk_x",
                T1).withRevoked(T1.plusSeconds(5), "cli").withLastUsedAt(T1.minusSeconds(1));

        TokenFile written = TokenFile.empty().apply(TokenChange.insert(record));

        assertEquals(List.of(record), TokenFile.parse(written.toBytes()).records());
    }

    @Test
    void duplicateInsert_isRefused_andChangesNothing() {
        PlainToken token = newToken();
        TokenFile file = TokenFile.empty().apply(TokenChange.insert(minted(token)));
        byte[] before = file.toBytes();
        TokenRecord samePrefix = TokenRecord.minted(token, ScopeSet.parseList("x:y"), null, null, T0, null, null);
        TokenRecord otherHash = samePrefix.toBuilder().hash(TokenHash.hexOf("other")).build();

        assertThrows(DuplicateTokenException.class, () -> file.apply(TokenChange.insert(samePrefix)));
        assertThrows(DuplicateTokenException.class, () -> file.apply(TokenChange.insert(otherHash)));
        assertArrayEquals(before, file.toBytes());
    }

    @Test
    void updateOfAnAbsentHash_isSkipped() {
        TokenFile file = TokenFile.parse(bytes("legacy-token-abc\n"));

        assertSame(file, file.apply(TokenChange.update(List.of(minted(newToken())))));
    }

    @Test
    void updateWithNoDifference_leavesTheLineAlone_evenWithTrailingWhitespace() {
        String hash = TokenHash.hexOf("legacy-token-abc");
        TokenFile file = TokenFile.parse(bytes("legacy-token-abc   \n"));

        assertSame(file, file.apply(TokenChange.update(List.of(record(file, hash)))));
    }

    @Test
    void recordThatCannotBeOneLine_isRefused_withoutRepeatingIt() {
        TokenRecord record = TokenRecord.minted(newToken(), ScopeSet.parseList("a:b"), "evil\tname", null, T0, null,
                null);
        TokenFile file = TokenFile.empty();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> file.apply(TokenChange.insert(record)));
        assertFalse(e.getMessage().contains("evil"));
        assertEquals(0, file.lineCount());
    }

    @Test
    void recordThatCannotBeOneLine_isRefused_namingTheFieldThatBreaksIt() {
        PlainToken token = newToken();
        TokenRecord badName = TokenRecord.minted(token, ScopeSet.parseList("a:b"), "a\u0007b", null, T0, null, null);
        TokenRecord badSubject = TokenRecord.minted(token, ScopeSet.parseList("a:b"), "ci", "a\u0085b", T0, null, null);
        TokenRecord badBy = TokenRecord.minted(token, ScopeSet.parseList("a:b"), "ci", null, T0, "cli\nx", null);
        TokenRecord badPrefix = TokenRecord.builder("sk x", token.hash(), ScopeSet.parseList("a:b")).build();

        assertEquals("a name with control characters cannot be written to a token file", refusal(badName));
        assertEquals("a subject with control characters cannot be written to a token file", refusal(badSubject));
        assertEquals("a by with control characters cannot be written to a token file", refusal(badBy));
        assertEquals("a display prefix must be printable ASCII without spaces", refusal(badPrefix));
    }

    private static String refusal(TokenRecord record) {
        return assertThrows(IllegalArgumentException.class,
                () -> TokenFile.empty().apply(TokenChange.insert(record))).getMessage();
    }

    @Test
    void rotation_insertsTheSuccessor_andRetiresThePredecessor_inOneChange() {
        PlainToken old = newToken();
        PlainToken successor = newToken();
        TokenFile file = TokenFile.parse(bytes("# c\nlegacy-token-abc\n")).apply(TokenChange.insert(minted(old)));
        byte[] before = file.toBytes();

        TokenFile next = file.apply(TokenChange.rotate(minted(successor), minted(old).withRevoked(T1, "cli")));

        String after = text(next);
        String[] lines = after.split("\n");
        assertEquals(4, lines.length);
        assertEquals("# c", lines[0]);
        assertEquals("legacy-token-abc", lines[1]);
        assertTrue(lines[2].endsWith("\trevoked=2024-06-01T08:30:00.500Z\trevokedBy=cli"));
        assertTrue(lines[3].startsWith("sha256:" + successor.prefix() + ":"));
        assertEquals(new String(before, StandardCharsets.UTF_8).split("\n")[2],
                lines[2].substring(0, lines[2].indexOf("\trevoked=")));
    }
}
