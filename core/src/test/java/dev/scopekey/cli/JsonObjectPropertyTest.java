package dev.scopekey.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Whatever a name or subject holds, --json output is valid JSON that reads back as the same text. */
class JsonObjectPropertyTest {

    @Property
    void anyString_roundTripsThroughTheWriter(@ForAll String value, @ForAll List<String> values) {
        String document = JsonObject.object().put("v", value).put("list", values).end();

        Map<String, Object> read = JsonValue.object(document);

        assertEquals(value, read.get("v"));
        assertEquals(values, read.get("list"));
        assertTrue(document.chars().allMatch(c -> c >= 0x20 && c <= 0x7e), "printable ASCII only: " + document);
    }
}
