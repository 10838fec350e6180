package dev.scopekey.store.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Reads a token file into a {@link Snapshot}, doing no more work than needed: an unchanged
 * stamp costs one {@code stat}, unchanged bytes cost no parse. Reports each skipped line of a
 * freshly parsed file.
 */
final class TokenFileReader {
    /** Largest token file read, in bytes; a larger one is treated as unreadable. */
    static final long MAX_SIZE = 64L * 1024 * 1024;

    private final Path file;
    private final Consumer<LineWarning> warnings;

    TokenFileReader(Path file, Consumer<LineWarning> warnings) {
        this.file = file;
        this.warnings = warnings;
    }

    /**
     * The file as it is now, reusing {@code previous} (may be null) when it has not changed.
     *
     * @param trustStamp whether an unchanged stamp may skip reading the content
     * @throws IOException if the file is missing, not a regular file, too large or unreadable
     */
    Snapshot read(Snapshot previous, boolean trustStamp) throws IOException {
        FileStamp stamp = FileStamp.of(file);
        if (previous != null && trustStamp && stamp.equals(previous.stamp())) {
            return previous;
        }
        if (stamp.size() > MAX_SIZE) {
            throw new IOException("the file is larger than " + MAX_SIZE + " bytes");
        }
        byte[] bytes = Files.readAllBytes(file);
        if (previous != null && Arrays.equals(bytes, previous.bytes())) {
            return previous.withStamp(stamp);
        }
        TokenFile parsed = TokenFile.parse(bytes);
        parsed.warnings().forEach(warnings);
        return new Snapshot(parsed, bytes, stamp);
    }

    /** The stamp of the file just written, or {@link FileStamp#UNKNOWN} to look again next time. */
    FileStamp stampNow() {
        try {
            return FileStamp.of(file);
        } catch (IOException e) {
            return FileStamp.UNKNOWN;
        }
    }
}
