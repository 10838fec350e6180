package dev.scopekey.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.scopekey.domain.TokenRecord;
import java.time.Instant;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link TokenRecord#toBuilder()} keeps every field, and a record's text never holds its hash. */
class TokenRecordBuilderPropertyTest {

    @Property(tries = 500)
    void toBuilder_build_isEqual(@ForAll("records") TokenRecord record) {
        TokenRecord copy = record.toBuilder().build();

        assertEquals(record, copy);
        assertEquals(record.hashCode(), copy.hashCode());
    }

    @Property(tries = 500)
    void withLastUsedAt_changesOnlyThatField(@ForAll("records") TokenRecord record) {
        Instant at = Instant.parse("2030-01-01T00:00:00Z");
        TokenRecord used = record.withLastUsedAt(at);

        assertEquals(at, used.lastUsedAt());
        assertEquals(record, used.toBuilder().lastUsedAt(record.lastUsedAt()).build());
    }

    @Property(tries = 500)
    void toString_neverHoldsTheHash(@ForAll("records") TokenRecord record) {
        assertFalse(record.toString().contains(record.hash()));
    }

    @Provide
    Arbitrary<TokenRecord> records() {
        return RecordArbitraries.records();
    }
}
