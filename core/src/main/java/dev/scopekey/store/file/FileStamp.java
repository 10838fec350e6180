package dev.scopekey.store.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/**
 * What tells cheaply whether a file may have changed: modification time, size and file key
 * (the inode, which an atomic replace changes). Equal stamps are a hint, not a proof; the store
 * compares content as well when it writes.
 */
record FileStamp(FileTime modified, long size, Object fileKey) {
    /** A stamp equal to no real one, for "unknown: look again". */
    static final FileStamp UNKNOWN = new FileStamp(FileTime.fromMillis(Long.MIN_VALUE), -1, new Object());

    static FileStamp of(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (!attributes.isRegularFile()) {
            throw new IOException("not a regular file");
        }
        return new FileStamp(attributes.lastModifiedTime(), attributes.size(), attributes.fileKey());
    }
}
