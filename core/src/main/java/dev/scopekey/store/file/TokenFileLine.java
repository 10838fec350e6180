package dev.scopekey.store.file;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One line of a token file: its bytes exactly as read (a byte-order mark on the first line, the
 * body, the line ending) and what they mean. A line that is not changed is written back from
 * these bytes. {@link #toString()} never shows the bytes.
 */
final class TokenFileLine {
    /** What a line is. */
    enum Kind { BLANK, COMMENT, TOKEN, MALFORMED }

    private final byte[] lead;
    private final byte[] body;
    private final byte[] end;
    private final Kind kind;
    private final TokenEntry entry;
    private final LineProblem problem;

    private TokenFileLine(byte[] lead, byte[] body, byte[] end, Kind kind, TokenEntry entry, LineProblem problem) {
        this.lead = lead;
        this.body = body;
        this.end = end;
        this.kind = kind;
        this.entry = entry;
        this.problem = problem;
    }

    /**
     * Reads a line.
     *
     * @param lead a byte-order mark before the body (first line only), or empty
     * @param body the bytes between the lead and the line ending
     * @param end the line ending: empty (last line), LF or CR LF
     */
    static TokenFileLine read(byte[] lead, byte[] body, byte[] end) {
        int first = 0;
        while (first < body.length && (body[first] == ' ' || body[first] == '\t' || body[first] == '\r')) {
            first++;
        }
        if (first == body.length) {
            return new TokenFileLine(lead, body, end, Kind.BLANK, null, null);
        }
        if (body[first] == '#') {
            return new TokenFileLine(lead, body, end, Kind.COMMENT, null, null);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return malformed(lead, body, end, LineProblem.NOT_UTF8);
        }
        TokenLineParser.Result result = TokenLineParser.parse(stripTrailingWhitespace(text));
        if (result.problem() != null) {
            return malformed(lead, body, end, result.problem());
        }
        return new TokenFileLine(lead, body, end, Kind.TOKEN, result.entry(), null);
    }

    /**
     * A token line the store writes, checked by reading it back.
     *
     * @throws IllegalArgumentException if the text would not read back as a token line for {@code hash}
     */
    static TokenFileLine written(byte[] lead, String text, byte[] end, String hash) {
        TokenFileLine line = read(lead, text.getBytes(StandardCharsets.UTF_8), end);
        if (line.kind != Kind.TOKEN) {
            String why = line.problem == null ? "it would not be a token line" : line.problem.rule();
            throw new IllegalArgumentException("the record cannot be written as a token-file line: " + why);
        }
        if (!line.entry.record().hash().equals(hash)) {
            throw new IllegalArgumentException("the record cannot be written as a token-file line");
        }
        return line;
    }

    private static TokenFileLine malformed(byte[] lead, byte[] body, byte[] end, LineProblem problem) {
        return new TokenFileLine(lead, body, end, Kind.MALFORMED, null, problem);
    }

    /** Spaces and CRs; not tabs, so {@code token<TAB>} stays a line with an empty scopes field. */
    private static String stripTrailingWhitespace(String text) {
        int length = text.length();
        while (length > 0) {
            char c = text.charAt(length - 1);
            if (c != ' ' && c != '\r') {
                break;
            }
            length--;
        }
        return text.substring(0, length);
    }

    /** This line marked as malformed for {@code reason}, its bytes unchanged. */
    TokenFileLine rejected(LineProblem reason) {
        return malformed(lead, body, end, reason);
    }

    /** This line's text replaced, keeping its lead and line ending. */
    TokenFileLine rewritten(String text) {
        return written(lead, text, end, entry.record().hash());
    }

    /** This line with another line ending (to terminate a last line before appending). */
    /** The line read again from its bytes: a line skipped as a repeat reads as the token it repeats. */
    TokenFileLine reread() {
        return read(lead, body, end);
    }

    /** What comes before the line's body: a byte-order mark on the first line, else nothing. */
    byte[] lead() {
        return lead.clone();
    }

    TokenFileLine endingWith(byte[] newEnd) {
        return new TokenFileLine(lead, body, newEnd, kind, entry, problem);
    }

    Kind kind() {
        return kind;
    }

    /** The parsed token line, or null unless {@link Kind#TOKEN}. */
    TokenEntry entry() {
        return entry;
    }

    /** Why the line was skipped, or null unless {@link Kind#MALFORMED}. */
    LineProblem problem() {
        return problem;
    }

    /** The line ending as read: empty, LF or CR LF. */
    byte[] end() {
        return end.clone();
    }

    /** Whether the body (without lead or ending) has exactly this text. */
    boolean bodyEquals(String text) {
        return Arrays.equals(body, text.getBytes(StandardCharsets.UTF_8));
    }

    void writeTo(ByteArrayOutputStream out) {
        out.writeBytes(lead);
        out.writeBytes(body);
        out.writeBytes(end);
    }

    @Override
    public String toString() {
        return "TokenFileLine[" + kind + (problem == null ? "" : ", " + problem) + "]";
    }
}
