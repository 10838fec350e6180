package dev.scopekey.store.file;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts a token file's bytes into lines. LF ends a line; a CR right before it belongs to the
 * line ending. A UTF-8 byte-order mark at the very start is kept apart from the first line's
 * body. The last line may have no ending.
 */
final class TokenFileSplitter {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[] NONE = new byte[0];
    private static final byte[] LF = {'\n'};
    private static final byte[] CRLF = {'\r', '\n'};

    private TokenFileSplitter() {
    }

    /** The lines of {@code bytes}, in order; a mutable list. */
    static List<TokenFileLine> split(byte[] bytes) {
        List<TokenFileLine> lines = new ArrayList<>();
        int start = 0;
        byte[] lead = NONE;
        if (bytes.length >= BOM.length && Arrays.equals(bytes, 0, BOM.length, BOM, 0, BOM.length)) {
            lead = BOM;
            start = BOM.length;
        }
        while (start < bytes.length || lead.length > 0) {
            int newline = indexOf(bytes, (byte) '\n', start);
            int bodyEnd;
            int next;
            byte[] end;
            if (newline < 0) {
                bodyEnd = bytes.length;
                next = bytes.length;
                end = NONE;
            } else if (newline > start && bytes[newline - 1] == '\r') {
                bodyEnd = newline - 1;
                next = newline + 1;
                end = CRLF;
            } else {
                bodyEnd = newline;
                next = newline + 1;
                end = LF;
            }
            lines.add(TokenFileLine.read(lead, Arrays.copyOfRange(bytes, start, bodyEnd), end));
            lead = NONE;
            start = next;
        }
        return lines;
    }

    private static int indexOf(byte[] bytes, byte wanted, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
