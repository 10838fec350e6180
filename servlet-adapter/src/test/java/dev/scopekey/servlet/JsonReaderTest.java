package dev.scopekey.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonReaderTest {

    @Test
    void readsEveryKindOfValue() throws Exception {
        Object value = JsonReader.read(" {\"s\":\"a\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\",\"n\":-1.5e3,"
                + "\"z\":0,\"t\":true,\"f\":false,\"x\":null,\"a\":[1,[],{}]} ");

        Map<?, ?> map = (Map<?, ?>) value;
        assertEquals("a\"\\/\b\f\n\r\t\u00e9\ud83d\ude00", map.get("s"));
        assertEquals(new BigDecimal("-1.5e3"), map.get("n"));
        assertEquals(BigDecimal.ZERO, map.get("z"));
        assertEquals(Boolean.TRUE, map.get("t"));
        assertEquals(Boolean.FALSE, map.get("f"));
        assertEquals(true, map.containsKey("x"));
        assertEquals(Arrays.asList(new BigDecimal(1), List.of(), Map.of()), map.get("a"));
    }

    @Test
    void refusesEverythingLenientReadersAccept() {
        String[] bad = {
            "", " ", "{", "}", "{\"a\":1,}", "[1,]", "{'a':1}", "{a:1}", "{\"a\":1} {}", "// c\n{}", "{\"a\":01}",
            "{\"a\":+1}", "{\"a\":.5}", "{\"a\":1.}", "{\"a\":1e}", "{\"a\":NaN}", "{\"a\":tru}", "\"a\nb\"",
            "\"\\x\"", "\"\\u12\"", "\"\\ud800\"", "\"\\udc00\"", "\"\\ud800\\u0041\"", "{\"a\":1,\"a\":2}",
            "[" + "1".repeat(41) + "]", "\"unterminated", "{\"a\" 1}", "[1 2]", "\u00a0{}",
        };
        for (String text : bad) {
            BadRequestException e = assertThrows(BadRequestException.class, () -> JsonReader.read(text), text);
            assertEquals(400, e.status());
        }
    }

    @Test
    void nesting_isBounded() throws Exception {
        String deep = "[".repeat(JsonReader.MAX_DEPTH) + "]".repeat(JsonReader.MAX_DEPTH);
        JsonReader.read(deep);

        assertThrows(BadRequestException.class, () -> JsonReader.read("[" + deep + "]"));
        assertThrows(BadRequestException.class, () -> JsonReader.read("[".repeat(100_000)));
    }

    @Test
    void errors_nameTheOffset_neverTheContent() {
        BadRequestException e = assertThrows(BadRequestException.class,
                () -> JsonReader.read("{\"token\":\"sk_secretsecret\" oops}"));

        assertFalse(e.getMessage().contains("secret"), e.getMessage());
        assertEquals("malformed JSON at offset 27: '}' was expected", e.getMessage());
    }
}
