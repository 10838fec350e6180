package dev.scopekey.store.file;

import dev.scopekey.domain.TokenRecord;
import dev.scopekey.port.DuplicateTokenException;
import dev.scopekey.port.TokenChange;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A token file in memory: every line exactly as read, and the token records its well-formed
 * lines describe. {@link #toBytes()} gives back the bytes {@link #parse} was given, whatever
 * they were; {@link #apply} re-writes only the lines a change touches and appends inserts.
 * Immutable and thread-safe. The format is described in {@code docs/file-format.md}.
 */
final class TokenFile {
    private static final byte[] LF = {'\n'};
    private static final byte[] CRLF = {'\r', '\n'};

    private final List<TokenFileLine> lines;
    private final Map<String, Integer> lineOfHash;
    private final List<LineWarning> warnings;
    private final List<TokenRecord> records;

    private TokenFile(List<TokenFileLine> lines, Map<String, Integer> lineOfHash, List<LineWarning> warnings) {
        this.lines = Collections.unmodifiableList(lines);
        this.lineOfHash = Collections.unmodifiableMap(lineOfHash);
        this.warnings = List.copyOf(warnings);
        List<TokenRecord> found = new ArrayList<>(lineOfHash.size());
        for (TokenFileLine line : lines) {
            if (line.kind() == TokenFileLine.Kind.TOKEN) {
                found.add(line.entry().record());
            }
        }
        this.records = Collections.unmodifiableList(found);
    }

    /**
     * A file with no lines.
     *
     * @return the empty file
     */
    public static TokenFile empty() {
        return new TokenFile(new ArrayList<>(), new HashMap<>(), List.of());
    }

    /**
     * Reads a token file. Never fails: a line that breaks the format is kept as it is, yields no
     * record and is reported in {@link #warnings()}.
     *
     * @param bytes the file's content
     * @return the records and the warnings for skipped lines
     */
    public static TokenFile parse(byte[] bytes) {
        List<TokenFileLine> lines = TokenFileSplitter.split(bytes);
        Map<String, Integer> lineOfHash = new HashMap<>();
        List<LineWarning> warnings = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            TokenFileLine line = lines.get(i);
            if (line.kind() == TokenFileLine.Kind.TOKEN
                    && lineOfHash.putIfAbsent(line.entry().record().hash(), i) != null) {
                line = line.rejected(LineProblem.DUPLICATE_TOKEN);
                lines.set(i, line);
            }
            if (line.kind() == TokenFileLine.Kind.MALFORMED) {
                warnings.add(new LineWarning(i + 1, line.problem()));
            }
        }
        return new TokenFile(lines, lineOfHash, warnings);
    }

    /**
     * The file's bytes: exactly those parsed, plus the changes applied since.
     *
     * @return the file's content
     */
    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (TokenFileLine line : lines) {
            line.writeTo(out);
        }
        return out.toByteArray();
    }

    /**
     * The records of the well-formed token lines, in file order.
     *
     * @return the records, in file order
     */
    public List<TokenRecord> records() {
        return records;
    }

    /**
     * The lines skipped when the file was parsed, in file order.
     *
     * @return one warning per skipped line
     */
    public List<LineWarning> warnings() {
        return warnings;
    }

    /**
     * How many lines the file has (a last line without a line ending counts).
     *
     * @return how many lines the file has
     */
    public int lineCount() {
        return lines.size();
    }

    /** Whether the record with this hash comes from a bare legacy line. */
    boolean isLegacy(String hash) {
        Integer at = lineOfHash.get(hash);
        return at != null && lines.get(at).entry().isLegacy();
    }

    /**
     * This file with {@code change} applied: inserts appended as {@code sha256:} lines, updated
     * records rewritten in place (fields they do not change kept as written), updates of absent
     * hashes skipped. Returns this same instance when nothing changes.
     *
     * @param change the records to insert and replace
     * @return the new file
     * @throws DuplicateTokenException if an insert's hash or prefix is already present
     * @throws IllegalArgumentException if a record cannot be written as a line (control characters)
     */
    public TokenFile apply(TokenChange change) {
        List<TokenFileLine> next = new ArrayList<>(lines);
        Map<String, Integer> hashes = new HashMap<>(lineOfHash);
        boolean changed = false;
        if (!change.inserts().isEmpty()) {
            Set<String> prefixes = new HashSet<>();
            records.forEach(record -> prefixes.add(record.prefix()));
            byte[] newline = newline();
            for (TokenRecord insert : change.inserts()) {
                if (hashes.containsKey(insert.hash()) || !prefixes.add(insert.prefix())) {
                    throw new DuplicateTokenException(insert.prefix());
                }
                int last = next.size() - 1;
                if (last >= 0 && next.get(last).end().length == 0) {
                    next.set(last, next.get(last).endingWith(newline));
                }
                next.add(TokenFileLine.written(new byte[0], TokenLineWriter.freshLine(insert), newline,
                        insert.hash()));
                hashes.put(insert.hash(), next.size() - 1);
                changed = true;
            }
        }
        for (TokenRecord update : change.updates()) {
            Integer at = hashes.get(update.hash());
            if (at == null) {
                continue;
            }
            TokenFileLine line = next.get(at);
            if (update.equals(line.entry().record())) {
                continue;
            }
            String text = TokenLineWriter.updatedLine(line.entry(), update);
            if (!line.bodyEquals(text)) {
                next.set(at, line.rewritten(text));
                changed = true;
            }
        }
        return changed ? new TokenFile(next, hashes, warnings) : this;
    }

    /**
     * This file without the token lines whose record {@code remove} selects; every other line
     * (comments, blanks, malformed and unknown lines, the other tokens) is kept byte for byte. A
     * skipped line repeating a removed token goes with it, so that it cannot take its place.
     * Returns this same instance when nothing is removed.
     *
     * @param remove which records to remove
     * @return the new file
     */
    TokenFile without(Predicate<TokenRecord> remove) {
        Set<String> removed = new HashSet<>();
        for (TokenRecord record : records) {
            if (remove.test(record)) {
                removed.add(record.hash());
            }
        }
        if (removed.isEmpty()) {
            return this;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (TokenFileLine line : lines) {
            if (removed.contains(tokenHash(line))) {
                out.writeBytes(line.lead());
            } else {
                line.writeTo(out);
            }
        }
        return parse(out.toByteArray());
    }

    /** The hash of the token a line holds, also of a line skipped as a repeat; null for any other line. */
    private static String tokenHash(TokenFileLine line) {
        if (line.kind() == TokenFileLine.Kind.TOKEN) {
            return line.entry().record().hash();
        }
        if (line.problem() == LineProblem.DUPLICATE_TOKEN) {
            TokenFileLine reread = line.reread();
            return reread.kind() == TokenFileLine.Kind.TOKEN ? reread.entry().record().hash() : null;
        }
        return null;
    }

    /** The line ending new lines get: that of the last line that has one, else LF. */
    private byte[] newline() {
        for (int i = lines.size() - 1; i >= 0; i--) {
            byte[] end = lines.get(i).end();
            if (end.length > 0) {
                return end.length == 2 ? CRLF : LF;
            }
        }
        return LF;
    }

    @Override
    public String toString() {
        return "TokenFile[" + lines.size() + " lines, " + records.size() + " tokens, " + warnings.size()
                + " skipped]";
    }
}
