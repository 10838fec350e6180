package dev.scopekey.store.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.domain.PlainToken;
import dev.scopekey.domain.ScopeSet;
import dev.scopekey.domain.TokenHash;
import dev.scopekey.domain.TokenFormat;
import dev.scopekey.domain.TokenRecord;
import dev.scopekey.domain.TokenSource;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TokenFileParseTest {
    private static final String HASH = TokenHash.hexOf("some-token");

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static TokenRecord only(String text) {
        TokenFile file = TokenFile.parse(bytes(text));
        assertEquals(List.of(), file.warnings());
        assertEquals(1, file.records().size());
        return file.records().get(0);
    }

    @Test
    void legacyLine_grantsRootFromTheStore_withItsFirstEightCharactersAsPrefix() {
        TokenRecord record = only("legacy-secret-value\n");

        assertEquals(ScopeSet.root(), record.scopes());
        assertEquals(TokenSource.STORE, record.source());
        assertEquals("legacy-s", record.prefix());
        assertEquals(TokenHash.hexOf("legacy-secret-value"), record.hash());
        assertNull(record.name());
        assertNull(record.createdAt());
    }

    @Test
    void legacyLine_holdingAMintedToken_getsItsMintedPrefix() {
        PlainToken minted = TokenFormat.standard().generate(new SecureRandom());

        TokenRecord record = only(minted.reveal() + "\n");

        assertEquals(minted.prefix(), record.prefix());
        assertEquals(minted.hash(), record.hash());
        assertTrue(record.scopes().isRoot());
    }

    @Test
    void plaintextLine_readsScopesNameAndCreationTime() {
        TokenRecord record = only("operator-token-1\tkafka:read, workspaces:w42:*\tci bot\t2024-05-01T10:00:00Z\n");

        assertEquals(ScopeSet.parseList("kafka:read,workspaces:w42:*"), record.scopes());
        assertEquals("ci bot", record.name());
        assertEquals(Instant.parse("2024-05-01T10:00:00Z"), record.createdAt());
        assertEquals(TokenHash.hexOf("operator-token-1"), record.hash());
        assertEquals("operator", record.prefix());
    }

    @Test
    void hashedLine_readsPrefixAndHash() {
        TokenRecord record = only("sha256:sk_0123456789ab:" + HASH + "\tkafka:read\n");

        assertEquals("sk_0123456789ab", record.prefix());
        assertEquals(HASH, record.hash());
        assertEquals(ScopeSet.parseList("kafka:read"), record.scopes());
    }

    @Test
    void hashedLine_mayHaveAnEmptyPrefix_butNotLeaveOutItsColon() {
        TokenRecord record = only("sha256::" + HASH + "\tkafka:read\n");
        TokenFile withoutColon = TokenFile.parse(bytes("sha256:" + HASH + "\tkafka:read\n"));

        assertEquals("", record.prefix());
        assertEquals(HASH, record.hash());
        assertEquals(List.of(new LineWarning(1, LineProblem.BAD_HASHED_CREDENTIAL)), withoutColon.warnings());
    }

    @Test
    void knownAttributes_fillTheRecord_andOffsetsAndDatesAreAccepted() {
        TokenRecord record = only("sha256:p:" + HASH + "\ta:b\tname\t2024-05-01T12:00:00+02:00"
                + "\tsubject=user 42\tby=cli\texpires=2030-01-01\trevoked=2025-01-01T00:00Z\trevokedBy=token:sk_x"
                + "\tused=2024-06-01T00:00:00.123456789Z\n");

        assertEquals(Instant.parse("2024-05-01T10:00:00Z"), record.createdAt());
        assertEquals("user 42", record.subject());
        assertEquals("cli", record.createdBy());
        assertEquals(Instant.parse("2030-01-01T00:00:00Z"), record.expiresAt());
        assertEquals(Instant.parse("2025-01-01T00:00:00Z"), record.revokedAt());
        assertEquals("token:sk_x", record.revokedBy());
        assertEquals(Instant.parse("2024-06-01T00:00:00.123456789Z"), record.lastUsedAt());
    }

    @Test
    void emptyNameField_beforeACreationTime_meansNoName() {
        TokenRecord record = only("sha256:p:" + HASH + "\ta:b\t\t2024-05-01T10:00:00Z\n");

        assertNull(record.name());
        assertEquals(Instant.parse("2024-05-01T10:00:00Z"), record.createdAt());
    }

    @Test
    void unknownAttributes_areAcceptedAndIgnoredByTheRecord() {
        TokenRecord record = only("sha256:p:" + HASH + "\ta:b\t\t\tteam=payments\tx.y-z_1=a=b\tsubject=s\n");

        assertEquals("s", record.subject());
    }

    @Test
    void attributeKeys_mayHoldEveryLetterAndDigit_fromFirstToLast() {
        TokenFile file = TokenFile.parse(bytes("sha256:p:" + HASH + "\ta:b\t\t\taz=1\tAZ=2\t09=3\tmAq7=4\n"));

        assertEquals(List.of(), file.warnings());
        assertEquals(1, file.records().size());
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"`", "{", "@", "[", "/", ":", "a:b", "\u00e9"})
    void attributeKeys_withACharacterJustOutsideTheLettersAndDigits_areMalformed(String key) {
        TokenFile file = TokenFile.parse(bytes("sha256:p:" + HASH + "\ta:b\t\t\t" + key + "=1\n"));

        assertEquals(List.of(new LineWarning(1, LineProblem.BAD_ATTRIBUTE)), file.warnings());
    }

    @Test
    void commentsAndBlankLines_yieldNoRecords() {
        TokenFile file = TokenFile.parse(bytes("# tokens\n\n   \n\t\n  # indented comment\r\n#\n"));

        assertEquals(List.of(), file.records());
        assertEquals(List.of(), file.warnings());
        assertEquals(6, file.lineCount());
    }

    @Test
    void crlfAndMixedLineEndings_parseAndRoundTrip() {
        String text = "# c\r\ntoken-one-abc\r\ntoken-two-abc\ntoken-three\ta:b\r\n";

        TokenFile file = TokenFile.parse(bytes(text));

        assertEquals(3, file.records().size());
        assertEquals(TokenHash.hexOf("token-one-abc"), file.records().get(0).hash());
        assertArrayEquals(bytes(text), file.toBytes());
    }

    @Test
    void lastLineWithoutNewline_isRead() {
        TokenFile file = TokenFile.parse(bytes("# c\ntoken-one-abc"));

        assertEquals(1, file.records().size());
        assertArrayEquals(bytes("# c\ntoken-one-abc"), file.toBytes());
    }

    @Test
    void byteOrderMark_isIgnoredOnTheFirstLine_andKept() {
        byte[] text = bytes("\uFEFFtoken-one-abc\n");

        TokenFile file = TokenFile.parse(text);

        assertEquals(TokenHash.hexOf("token-one-abc"), file.records().get(0).hash());
        assertArrayEquals(text, file.toBytes());
    }

    @Test
    void trailingWhitespace_isIgnoredForMeaning_andKeptInBytes() {
        String text = "token-one-abc  \ntoken-two-abc\ta:b\tname \r\r\n";

        TokenFile file = TokenFile.parse(bytes(text));

        assertEquals(TokenHash.hexOf("token-one-abc"), file.records().get(0).hash());
        assertEquals("name", file.records().get(1).name());
        assertArrayEquals(bytes(text), file.toBytes());
    }

    static List<Arguments> malformedLines() {
        return List.of(
                Arguments.of("two words", LineProblem.LEGACY_NOT_A_TOKEN),
                Arguments.of("caf\u00e9-token", LineProblem.LEGACY_NOT_A_TOKEN),
                Arguments.of("sha256:p:" + HASH, LineProblem.LEGACY_HASHED),
                Arguments.of("bad token\ta:b", LineProblem.BAD_CREDENTIAL),
                Arguments.of("\ta:b", LineProblem.BAD_CREDENTIAL),
                Arguments.of("sha256:p:" + HASH.toUpperCase() + "\ta:b", LineProblem.BAD_HASHED_CREDENTIAL),
                Arguments.of("sha256:" + HASH + "\ta:b", LineProblem.BAD_HASHED_CREDENTIAL),
                Arguments.of("sha256:p:abc\ta:b", LineProblem.BAD_HASHED_CREDENTIAL),
                Arguments.of("good-token\tKafka:Read", LineProblem.INVALID_SCOPES),
                Arguments.of("good-token\t", LineProblem.INVALID_SCOPES),
                Arguments.of("good-token\t \r", LineProblem.INVALID_SCOPES),
                Arguments.of("good-token\t\tname", LineProblem.INVALID_SCOPES),
                Arguments.of("good-token\ta:b,,c", LineProblem.INVALID_SCOPES),
                Arguments.of("good-token\ta:b\tna\u0007me", LineProblem.BAD_NAME),
                Arguments.of("good-token\ta:b\tname\tyesterday", LineProblem.BAD_CREATED_AT),
                Arguments.of("good-token\ta:b\tname\t2024-05-01T10:00:00Z\tnoequals", LineProblem.BAD_ATTRIBUTE),
                Arguments.of("good-token\ta:b\tname\t\t=value", LineProblem.BAD_ATTRIBUTE),
                Arguments.of("good-token\ta:b\tname\t\tke y=value", LineProblem.BAD_ATTRIBUTE),
                Arguments.of("good-token\ta:b\t\t\texpires=soon", LineProblem.BAD_TIME_ATTRIBUTE),
                Arguments.of("good-token\ta:b\t\t\tused=", LineProblem.BAD_TIME_ATTRIBUTE),
                Arguments.of("good-token\ta:b\t\t\tsubject=", LineProblem.BAD_TEXT_ATTRIBUTE),
                Arguments.of("good-token\ta:b\t\t\tby=a\u0085b", LineProblem.BAD_TEXT_ATTRIBUTE),
                Arguments.of("good-token\ta:b\t\t\tby=a\tby=b", LineProblem.DUPLICATE_ATTRIBUTE));
    }

    @ParameterizedTest
    @MethodSource("malformedLines")
    void malformedLine_isSkippedWithItsLineNumberAndRule_andKeptAsWritten(String line, LineProblem problem) {
        String text = "# first\nvalid-token-1\n" + line + "\nvalid-token-2\n";

        TokenFile file = TokenFile.parse(bytes(text));

        assertEquals(List.of(new LineWarning(3, problem)), file.warnings());
        assertEquals(2, file.records().size());
        assertArrayEquals(bytes(text), file.toBytes());
        String warning = file.warnings().get(0).toString();
        assertTrue(warning.startsWith("line 3: "), warning);
        assertFalse(warning.contains(line.strip()), "the warning must not repeat the line");
    }

    @Test
    void invalidUtf8_isMalformedOnATokenLine_butFineInAComment() {
        byte[] text = {'#', ' ', (byte) 0xC3, '\n', 't', 'o', 'k', (byte) 0xFF, 'e', 'n', '\n'};

        TokenFile file = TokenFile.parse(text);

        assertEquals(List.of(new LineWarning(2, LineProblem.NOT_UTF8)), file.warnings());
        assertArrayEquals(text, file.toBytes());
    }

    @Test
    void duplicateToken_onALaterLine_isSkipped_evenWhenWrittenDifferently() {
        String text = "same-token-abc\nsha256:other:" + TokenHash.hexOf("same-token-abc") + "\tkafka:read\n";

        TokenFile file = TokenFile.parse(bytes(text));

        assertEquals(List.of(new LineWarning(2, LineProblem.DUPLICATE_TOKEN)), file.warnings());
        assertTrue(file.records().get(0).scopes().isRoot());
    }

    @Test
    void collidingLegacyPrefixes_bothLoad() {
        TokenFile file = TokenFile.parse(bytes("abcdefgh-first-token\nabcdefgh-second-token\n"));

        assertEquals(2, file.records().size());
        assertEquals("abcdefgh", file.records().get(0).prefix());
        assertEquals("abcdefgh", file.records().get(1).prefix());
    }

    @Test
    void emptyInput_hasNoLines() {
        TokenFile file = TokenFile.parse(new byte[0]);

        assertEquals(0, file.lineCount());
        assertArrayEquals(new byte[0], file.toBytes());
    }

    @Test
    void toString_neverShowsContent() {
        TokenFile file = TokenFile.parse(bytes("plain-secret-abc\tkafka:read\nbroken secret\n"));

        assertEquals("TokenFile[2 lines, 1 tokens, 1 skipped]", file.toString());
    }
}
