package dev.scopekey.domain;

/**
 * Keeps text that goes into a log line on that line and in its field: control characters, line
 * and paragraph separators, invisible format characters and the backslash are written as escapes
 * (<code>\r</code>, <code>\n</code>, <code>\t</code>, <code>\\</code>, <code>\xHH</code>,
 * <code>&#92;uHHHH</code>), so nothing outside the caller's control (a subject, a client address,
 * an exception message) can start a new line or forge a field. Escaped text is unambiguous and reversible. Thread-safe.
 */
public final class LogText {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private LogText() {
    }

    /**
     * {@code value} for a {@code key=value} field: as {@link #line}, and also without a space,
     * quote or {@code =} left, so the field ends where the value does. Null stays null.
     *
     * @param value a field's value
     * @return the value, escaped for a key=value log line
     */
    public static String value(String value) {
        return escape(value, true);
    }

    /**
     * {@code text} kept on one line; spaces stay. Null stays null.
     *
     * @param text any text
     * @return the text on one line
     */
    public static String line(String text) {
        return escape(text, false);
    }

    private static String escape(String text, boolean asValue) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        int i = 0;
        while (i < text.length()) {
            int point = text.codePointAt(i);
            int width = Character.charCount(point);
            if (needsEscape(point, asValue)) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                for (int j = i; j < i + width; j++) {
                    appendEscape(out, text.charAt(j));
                }
            } else if (out != null) {
                out.append(text, i, i + width);
            }
            i += width;
        }
        return out == null ? text : out.toString();
    }

    private static boolean needsEscape(int point, boolean asValue) {
        if (point == '\\' || Character.isISOControl(point)) {
            return true;
        }
        if (asValue && (point == '=' || point == '"' || Character.isWhitespace(point) || Character.isSpaceChar(point))) {
            return true;
        }
        int type = Character.getType(point);
        return type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR || type == Character.FORMAT
                || type == Character.SURROGATE || type == Character.UNASSIGNED;
    }

    private static void appendEscape(StringBuilder out, char c) {
        switch (c) {
            case '\\' -> out.append("\\\\");
            case '\r' -> out.append("\\r");
            case '\n' -> out.append("\\n");
            case '\t' -> out.append("\\t");
            default -> {
                if (c < 0x100) {
                    out.append("\\x").append(HEX[c >> 4]).append(HEX[c & 0xf]);
                } else {
                    out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xf]).append(HEX[(c >> 4) & 0xf])
                            .append(HEX[c & 0xf]);
                }
            }
        }
    }
}
