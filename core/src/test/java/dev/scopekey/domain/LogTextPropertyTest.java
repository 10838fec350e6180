package dev.scopekey.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** Escaped log text keeps to its line and its field, and can be read back exactly. */
class LogTextPropertyTest {

    @Property
    void value_ofAnyText_holdsNoLineEndFieldSeparatorOrInvisibleCharacter_andReadsBack(
            @ForAll @StringLength(max = 40) @Chars({'\r', '\n', '\t', ' ', '=', '"', '\\', '\u0085', '\u2028',
                    '\u2029', '\u200e', '\u202e', '\ud800', '\udc00', 'x'}) @CharRange(from = 'a', to = 'z')
            String text) {
        String escaped = LogText.value(text);

        escaped.codePoints().forEach(point -> {
            assertFalse(Character.isISOControl(point) || Character.isWhitespace(point) || Character.isSpaceChar(point)
                    || point == '=' || point == '"', "kept " + Integer.toHexString(point) + " in " + escaped);
            int type = Character.getType(point);
            assertFalse(type == Character.FORMAT || type == Character.SURROGATE
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR);
        });
        assertEquals(text, unescape(escaped));
    }

    @Property
    void line_ofAnyText_keepsSpaces_butNoLineEnd_andReadsBack(@ForAll @StringLength(max = 40)
            @Chars({'\r', '\n', ' ', '=', '\\', '\u2028', 'x'}) String text) {
        String escaped = LogText.line(text);

        assertFalse(escaped.contains("\r") || escaped.contains("\n") || escaped.contains("\u2028"), escaped);
        assertEquals(text.chars().filter(c -> c == ' ').count(), escaped.chars().filter(c -> c == ' ').count());
        assertEquals(text, unescape(escaped));
    }

    @Test
    void plainText_isReturnedAsItIs_andNullStaysNull() {
        String plain = "subject:alice@example.org/Zoë-\uD83D\uDE00";
        assertSame(plain, LogText.value(plain));
        assertNull(LogText.value(null));
        assertNull(LogText.line(null));
    }

    private static String unescape(String escaped) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char kind = escaped.charAt(++i);
            switch (kind) {
                case '\\' -> out.append('\\');
                case 'r' -> out.append('\r');
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'x' -> {
                    out.append((char) Integer.parseInt(escaped.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                case 'u' -> {
                    out.append((char) Integer.parseInt(escaped.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> throw new AssertionError("unknown escape \\" + kind + " in " + escaped);
            }
        }
        return out.toString();
    }
}
