package dev.scopekey.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class JdbcTokenStoreBuilderTest {
    private final JdbcTokenStoreBuilder builder = JdbcTokenStore.builder(new UrlDataSource("jdbc:h2:mem:unused"));

    @Test
    void nonsensicalSettings_areRejected() {
        assertThrows(IllegalArgumentException.class, () -> builder.cacheTtl(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> builder.cacheSize(-1));
        assertThrows(IllegalArgumentException.class, () -> builder.negativeCacheSize(-1));
        assertThrows(IllegalArgumentException.class, () -> builder.queryTimeout(Duration.ZERO));
        assertThrows(NullPointerException.class, () -> JdbcTokenStore.builder(null));
    }

    @Test
    void build_connectsToNothing_untilFirstUse() {
        try (JdbcTokenStore store = builder.listenForChanges(false).build()) {
            assertTrue(store.toString().contains("not yet connected"), store.toString());
        }
    }
}
