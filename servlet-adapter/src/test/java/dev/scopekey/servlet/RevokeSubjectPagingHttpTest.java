package dev.scopekey.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scopekey.domain.PlainToken;
import dev.scopekey.domain.ScopeSet;
import dev.scopekey.domain.TokenRecord;
import dev.scopekey.store.memory.InMemoryTokenStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue #8, item 3: {@code DELETE /?subject=} revokes every token of the subject when legacy
 * tokens that share a display prefix straddle the store's 500-record page.
 */
class RevokeSubjectPagingHttpTest extends HttpTestSupport {
    private static final String ADMIN = "breakglass-for-the-paging-test-Vn4Kq8Zr2Tw6";

    @Test
    void revokeSubject_of501Tokens_whereAPrefixGroupStraddlesThePage_revokesAll501() throws Exception {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 499; i++) {
            tokens.add(String.format("u%07d-legacy-token-text", i));
        }
        tokens.add("zz-group-legacy-token-1");
        tokens.add("zz-group-legacy-token-2");
        List<TokenRecord> records = new ArrayList<>();
        for (String token : tokens) {
            PlainToken plain = PlainToken.of(token);
            records.add(TokenRecord.builder(plain.prefix(), plain.hash(), ScopeSet.parseList("kafka:endpoint:read"))
                    .subject("alice")
                    .build());
        }
        store = InMemoryTokenStore.withRecords(records);
        start(WebXml.standard(), ADMIN);
        tokens.forEach(this::watch);

        assertEquals("{\"revoked\":501}", http.call("DELETE", WebXml.ADMIN_PATH + "/?subject=alice", ADMIN).body()
                .replace(" ", ""));
        assertEquals(401, http.get("/api/kafka/endpoint", "zz-group-legacy-token-2").status());
    }
}
