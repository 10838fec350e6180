package dev.scopekey.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.domain.AuthDecision;
import dev.scopekey.service.ClientRequest;
import dev.scopekey.service.TokenService;
import org.junit.jupiter.api.Test;

/** The JDBC store on H2, in memory: always runs. */
class H2JdbcTokenStoreTest extends AbstractJdbcTokenStoreTest {
    @Override
    Dialect dialect() {
        return Dialect.H2;
    }

    @Override
    String unreachableUrl(int port) {
        return "jdbc:h2:tcp://127.0.0.1:" + port + "/mem:scopekey";
    }

    @Test
    void floodOfRandomTokens_keepsTheNegativeCacheWithinItsBound() {
        JdbcTokenStore store = store(db.dataSource(), b -> b.negativeCacheSize(50));
        TokenService service = service(store);

        for (int i = 0; i < 600; i++) {
            assertInstanceOf(AuthDecision.Denied.class, service.authenticate(randomMintedShape(), ClientRequest.NONE));
        }

        assertTrue(store.cache().absentSize() <= 50, store.cache().toString());
        assertTrue(store.cache().absentSize() > 0, store.cache().toString());
    }
}
