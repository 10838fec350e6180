package dev.scopekey.store.file;

/**
 * The token file as last read or written: parsed, its exact bytes, and the stamp it had.
 * Immutable (the byte array is never handed out or changed).
 */
record Snapshot(TokenFile file, byte[] bytes, FileStamp stamp) {
    Snapshot withStamp(FileStamp newStamp) {
        return new Snapshot(file, bytes, newStamp);
    }

    @Override
    public String toString() {
        return "Snapshot[" + file + "]";
    }
}
