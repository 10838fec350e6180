package dev.scopekey.store.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Who may read a token file besides its owner. The file holds only hashes, but a readable hash
 * list still tells others which tokens exist; the store writes files {@code 0600}, and tools
 * warn about any file that group or others may read. Thread-safe.
 */
final class TokenFileAccess {
    private TokenFileAccess() {
    }

    /**
     * Whether group or others may read {@code file}; false where the file system has no POSIX
     * permissions or the file cannot be looked at.
     *
     * @param file the token file
     * @return whether its mode lets group or others read it
     */
    static boolean readableByOthers(Path file) {
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
            return mode.contains(PosixFilePermission.GROUP_READ) || mode.contains(PosixFilePermission.OTHERS_READ);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
