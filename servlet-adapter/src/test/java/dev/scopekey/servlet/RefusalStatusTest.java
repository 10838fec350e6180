package dev.scopekey.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.service.Refusal;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class RefusalStatusTest {
    /** What docs/http-api.md promises for each kind; a new kind fails here until it is documented. */
    private static final Map<Refusal.Kind, Integer> DOCUMENTED = Map.of(
            Refusal.Kind.INVALID_REQUEST, 400,
            Refusal.Kind.FORBIDDEN, 403,
            Refusal.Kind.NOT_FOUND, 404,
            Refusal.Kind.CONFLICT, 409,
            Refusal.Kind.RATE_LIMITED, 429);

    @ParameterizedTest
    @EnumSource(Refusal.Kind.class)
    void everyKindMapsToItsDocumentedClientErrorStatus(Refusal.Kind kind) {
        Integer documented = DOCUMENTED.get(kind);
        assertTrue(documented != null, kind + " has no documented status");
        assertEquals(documented, RefusalStatus.of(kind));
    }

    @Test
    void noTwoKindsShareAStatus() {
        Set<Integer> statuses = new HashSet<>();
        for (Refusal.Kind kind : EnumSet.allOf(Refusal.Kind.class)) {
            assertTrue(statuses.add(RefusalStatus.of(kind)), kind + " shares its status with another kind");
        }
    }
}
