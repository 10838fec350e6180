package dev.scopekey.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The admin API's JSON reader at its edges: each bound exactly, each refusal with its offset and rule. */
class JsonReaderEdgeTest {

    @Test
    void nesting_ofSixteenLevels_isRead_andSiblingsDoNotAddUp() throws Exception {
        String objects = "{\"a\":".repeat(JsonReader.MAX_DEPTH - 1) + "{}" + "}".repeat(JsonReader.MAX_DEPTH - 1);
        JsonReader.read(objects);
        String siblings = "[" + "[[]],".repeat(JsonReader.MAX_DEPTH * 2) + "{\"a\":{}},".repeat(JsonReader.MAX_DEPTH * 2) + "1]";

        assertEquals(JsonReader.MAX_DEPTH * 4 + 1, ((List<?>) JsonReader.read(siblings)).size());
        assertRefused("{\"a\":" + objects + "}", 5 * JsonReader.MAX_DEPTH, "nested too deeply");
    }

    @Test
    void numbers_ofFortyCharacters_areRead_andOneMoreIsRefused() throws Exception {
        String forty = "-1." + "2".repeat(34) + "e+1";
        assertEquals(40, forty.length());

        assertEquals(new BigDecimal(forty), JsonReader.read(forty));
        assertRefused(forty + "0", 41, "number too long");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0|0", "9|9", "-0|0", "90.09|90.09", "1E9|1E+9", "1e-9|1E-9", "0.5|0.5",
        "19e0|19"})
    void numbers_readEveryDigitAndExponentForm(String json, String expected) throws Exception {
        assertEquals(0, new BigDecimal(expected).compareTo((BigDecimal) JsonReader.read(json)), json);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"-|1|bad number", "-a|1|bad number", "1.a|2|bad number", "1e+|3|bad number",
        "1e999999999999|14|number out of range", "/|0|a JSON value was expected", ":|0|a JSON value was expected",
        "nul|0|a JSON value was expected", "fals|0|a JSON value was expected", "[1;|2|']' was expected",
        "{\"a\"}|4|':' was expected", "{1:2}|1|a member name was expected", "{\"a\":1;|6|'}' was expected",
        "[]]|2|unexpected content after the JSON value", "[|1|a JSON value was expected"})
    void refusals_nameTheOffsetAndTheRule(String json, int offset, String rule) {
        assertRefused(json, offset, rule);
    }

    @Test
    void whitespace_mayStandAroundEveryToken_ofObjectsAndArrays() throws Exception {
        Object read = JsonReader.read(" {\t\"a\" : [ 1 , 2 ] ,\n \"b\" : { } , \"c\" : [ ] ,\r\"d\" : { \"e\" : true } } ");

        assertEquals(Map.of("a", List.of(BigDecimal.ONE, BigDecimal.valueOf(2)), "b", Map.of(), "c", List.of(),
                "d", Map.of("e", true)), read);
    }

    @Test
    void aUnicodeEscape_endingTheText_isRead_andTheStringIsUnterminated() {
        assertRefused("\"\\u0041", 7, "unterminated string");
        assertRefused("\"\\u004", 1, "bad unicode escape");
    }

    @Test
    void strings_refuseControlCharacters_butNotASpace() throws Exception {
        assertEquals(" ~\u007f", JsonReader.read("\" ~\u007f\""));
        assertRefused("\"a\u001fb\"", 3, "control character in a string");
        assertRefused("\"a\\", 3, "unterminated escape");
        assertRefused("\"ab", 3, "unterminated string");
    }

    @Test
    void unicodeEscapes_readEitherCase_andRefuseAShortOrBadOne() throws Exception {
        assertEquals("\u00e9\u00E9\uabcd\u0000", JsonReader.read("\"\\u00e9\\u00E9\\uABCD\\u0000\""));
        assertEquals("\ud83d\ude00\ud83d\ude00", JsonReader.read("\"\ud83d\ude00\\ud83d\\ude00\""));
        assertEquals("\ud83d\ude00", JsonReader.read("\"\\ud83d\ude00\""));
        assertRefused("\"\\u004\"", 1, "bad unicode escape");
        assertRefused("\"\\u004g\"", 1, "bad unicode escape");
        assertRefused("\"\\u00", 1, "bad unicode escape");
        assertRefused("\"\ud83d", 2, "unpaired surrogate in a string");
        assertRefused("\"\ude00\"", 2, "unpaired surrogate in a string");
        assertRefused("\"\ud83dx\"", 3, "unpaired surrogate in a string");
    }

    @Test
    void whitespace_isTheFourJsonCharacters_only() throws Exception {
        assertEquals(Map.of("a", List.of()), JsonReader.read(" \t\r\n{ \t\r\n\"a\" \t\r\n: \t\r\n[ \t\r\n] \t\r\n} \t\r\n"));
        assertRefused("\u000b{}", 0, "a JSON value was expected");
        assertRefused("{}\f", 2, "unexpected content after the JSON value");
    }

    private static void assertRefused(String json, int offset, String rule) {
        BadRequestException e = assertThrows(BadRequestException.class, () -> JsonReader.read(json), json);
        assertEquals("malformed JSON at offset " + offset + ": " + rule, e.getMessage(), json);
        assertEquals(400, e.status());
    }
}
