package dev.scopekey.store.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.domain.TokenRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pruning a token file removes only the ended tokens' lines; every other byte stays as written. */
class TokenFilePruneTest {
    private static final Instant CUTOFF = Instant.parse("2026-01-01T00:00:00Z");
    private static final String HASH_A = "a".repeat(64);
    private static final String HASH_B = "b".repeat(64);
    private static final String HASH_C = "c".repeat(64);
    private static final String REVOKED_LINE = "sha256:sk_AAAAAAAAAAAA:" + HASH_A
            + "\tkafka:read\told\t2024-01-01T00:00:00Z\trevoked=2025-06-01T00:00:00Z\tby=cli\tcolour=blue\r\n";
    private static final String EXPIRED_LAST_LINE = "sha256:sk_CCCCCCCCCCCC:" + HASH_C
            + "\ta\t\t2024-01-01T00:00:00Z\texpires=2025-12-31T23:59:59Z";

    @TempDir
    Path dir;

    @Test
    void prune_removesEndedLines_keepingCommentsBlanksMalformedAndUnknownLinesByteForByte() throws Exception {
        String kept = "# operators' tokens  \r\n\n"
                + "legacy-token-kept\n"
                + "this line\tis\tnot\ta token=\u00e9\n"
                + "sha256:sk_BBBBBBBBBBBB:" + HASH_B + "\tb\tnew\t2024-01-01T00:00:00Z\trevoked=2026-02-01T00:00:00Z"
                + "\tfuture=x\n";
        String original = "# operators' tokens  \r\n" + REVOKED_LINE + "\n" + "legacy-token-kept\n"
                + "this line\tis\tnot\ta token=\u00e9\n" + "sha256:sk_BBBBBBBBBBBB:" + HASH_B
                + "\tb\tnew\t2024-01-01T00:00:00Z\trevoked=2026-02-01T00:00:00Z\tfuture=x\n" + EXPIRED_LAST_LINE;
        Path file = dir.resolve("tokens");
        Files.writeString(file, original, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        try (FileTokenStore store = FileTokenStore.open(file)) {
            List<TokenRecord> removed = store.prune(CUTOFF);

            assertEquals(List.of("sk_AAAAAAAAAAAA", "sk_CCCCCCCCCCCC"), removed.stream().map(TokenRecord::prefix).toList());
        }
        assertEquals(kept, Files.readString(file, StandardCharsets.UTF_8));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void prune_withNothingEnded_leavesTheFileUntouched() throws Exception {
        String original = "# only live\nlegacy-token-kept\n";
        Path file = dir.resolve("tokens");
        Files.writeString(file, original, StandardCharsets.UTF_8);
        long modified = Files.getLastModifiedTime(file).toMillis();

        try (FileTokenStore store = FileTokenStore.open(file)) {
            assertTrue(store.prune(CUTOFF).isEmpty());
        }
        assertEquals(original, Files.readString(file, StandardCharsets.UTF_8));
        assertEquals(modified, Files.getLastModifiedTime(file).toMillis());
    }

    @Test
    void prune_takesALineRepeatingAPrunedTokenWithIt_soItCannotComeBack() {
        String repeat = "sha256:sk_AAAAAAAAAAAA:" + HASH_A + "\tkafka:read\n";
        TokenFile file = TokenFile.parse((REVOKED_LINE + repeat + "# end\n").getBytes(StandardCharsets.UTF_8));

        TokenFile pruned = file.without(record -> record.endedBefore(CUTOFF));

        assertEquals("# end\n", new String(pruned.toBytes(), StandardCharsets.UTF_8));
        assertTrue(pruned.records().isEmpty());
    }

    @Test
    void prune_ofTheFirstLine_keepsTheFilesByteOrderMark() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] rest = (REVOKED_LINE + "# end\n").getBytes(StandardCharsets.UTF_8);
        byte[] text = new byte[bom.length + rest.length];
        System.arraycopy(bom, 0, text, 0, bom.length);
        System.arraycopy(rest, 0, text, bom.length, rest.length);

        TokenFile pruned = TokenFile.parse(text).without(record -> record.endedBefore(CUTOFF));

        assertEquals("\uFEFF# end\n", new String(pruned.toBytes(), StandardCharsets.UTF_8));
    }
}
