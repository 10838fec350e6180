package dev.scopekey.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** What the adapter writes, its strict reader reads back unchanged. */
class JsonRoundTripPropertyTest {

    @Provide
    Arbitrary<String> text() {
        Arbitrary<Integer> codePoints = Arbitraries.oneOf(Arbitraries.integers().between(0, 0x7f),
                Arbitraries.integers().between(0x80, 0xd7ff), Arbitraries.integers().between(0xe000, 0x10ffff));
        return codePoints.list().ofMaxSize(40).map(points -> {
            StringBuilder out = new StringBuilder();
            points.forEach(out::appendCodePoint);
            return out.toString();
        });
    }

    @Property(tries = 1000)
    void anyStringWritten_readsBackTheSame(@ForAll("text") String name, @ForAll("text") String value,
                                           @ForAll("text") String item) throws Exception {
        String document = JsonText.object().put(name, value).put(name + "#list", List.of(item, value)).end();

        Map<?, ?> read = (Map<?, ?>) JsonReader.read(document);

        assertEquals(value, read.get(name));
        assertEquals(List.of(item, value), read.get(name + "#list"));
    }
}
