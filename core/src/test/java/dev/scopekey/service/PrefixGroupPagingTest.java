package dev.scopekey.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.scopekey.domain.ActorLabel;
import dev.scopekey.domain.AuthDecision;
import dev.scopekey.domain.DenialReason;
import dev.scopekey.domain.PlainToken;
import dev.scopekey.domain.ScopeSet;
import dev.scopekey.domain.TokenRecord;
import dev.scopekey.port.TokenQuery;
import dev.scopekey.store.memory.InMemoryTokenStore;
import dev.scopekey.testing.TestClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue #8, item 3: legacy records may share a display prefix, and the keyset cursor is a
 * prefix, so a page the store cuts inside such a group must be completed before moving on. List
 * and revoke-by-subject page the same way.
 */
class PrefixGroupPagingTest {
    private static final String SUBJECT = "alice";
    private static final String GROUP_PREFIX = "zz-group";

    private final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final Caller operator = Caller.operator(ActorLabel.CLI);

    /** {@code unique} tokens with prefixes of their own, then {@code shared} that share one prefix, sorted last. */
    private static List<String> tokens(int unique, int shared) {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < unique; i++) {
            tokens.add(String.format("u%07d-legacy-token-text", i));
        }
        for (int i = 0; i < shared; i++) {
            tokens.add(GROUP_PREFIX + "-legacy-token-" + i);
        }
        return tokens;
    }

    private static TokenRecord legacyOf(String token, String subject) {
        PlainToken plain = PlainToken.of(token);
        return TokenRecord.builder(plain.prefix(), plain.hash(), ScopeSet.parseList("reports:read"))
                .subject(subject)
                .build();
    }

    private TokenService serviceOver(List<String> tokens) {
        List<TokenRecord> records = new ArrayList<>();
        for (String token : tokens) {
            records.add(legacyOf(token, SUBJECT));
        }
        return TokenService.builder(InMemoryTokenStore.withRecords(records)).clock(clock)
                .audit(new RecordingAuditSink()).lastUsedFlushInterval(null).build();
    }

    @Test
    void revokeSubject_ofMoreThanAPage_whereAPrefixGroupStraddlesThePage_revokesEveryToken() {
        List<String> tokens = tokens(TokenQuery.MAX_LIMIT - 1, 2);
        assertEquals(501, tokens.size());
        try (TokenService service = serviceOver(tokens)) {
            int revoked = service.revokeSubject(operator, SUBJECT).value();

            assertEquals(501, revoked, "every token of the subject is revoked");
            for (String token : tokens) {
                AuthDecision decision = service.authenticate(token, ClientRequest.NONE);
                assertEquals(DenialReason.REVOKED, assertInstanceOf(AuthDecision.Denied.class, decision).reason(),
                        "revoked: " + PlainToken.of(token).prefix());
            }
        }
    }

    @Test
    void list_withAPageLimitInsideAPrefixGroup_listsEveryRecordOnce_andRevokeSubjectAgrees() {
        List<String> tokens = tokens(5, 4);
        try (TokenService service = serviceOver(tokens)) {
            for (int limit = 1; limit <= tokens.size(); limit++) {
                List<TokenRecord> listed = listAll(service, TokenQuery.all().withSubject(SUBJECT).withLimit(limit));
                Set<String> hashes = new HashSet<>();
                listed.forEach(r -> hashes.add(r.hash()));
                assertEquals(tokens.size(), listed.size(), "listed at page size " + limit);
                assertEquals(tokens.size(), hashes.size(), "no record twice at page size " + limit);
            }
            assertEquals(tokens.size(), service.revokeSubject(operator, SUBJECT).value());
            assertEquals(List.of(), listAll(service, TokenQuery.all().liveAt(clock.instant()).withLimit(3)));
        }
    }

    private List<TokenRecord> listAll(TokenService service, TokenQuery first) {
        List<TokenRecord> all = new ArrayList<>();
        TokenQuery query = first;
        while (true) {
            TokenPage page = service.list(operator, query).value();
            all.addAll(page.records());
            if (page.nextAfter() == null) {
                assertNull(page.nextAfter());
                return all;
            }
            query = query.after(page.nextAfter());
        }
    }
}
