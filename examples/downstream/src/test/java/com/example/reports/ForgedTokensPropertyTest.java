package com.example.reports;

import static dev.scopekey.testkit.HttpAuthAssert.assertInvalidToken;
import static dev.scopekey.testkit.HttpAuthAssert.assertStatus;

import dev.scopekey.servlet.ScopeKeyFilter;
import dev.scopekey.testkit.HttpHarness;
import dev.scopekey.testkit.ScopeKeyFixture;
import dev.scopekey.testkit.TokenArbitraries;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * No forged token reaches the reports: any single-character change to a real token, any
 * spelling of it that differs in letter case only, and any other string, is an
 * {@code invalid_token}. One server for all tries, started from a filter
 * configuration and the one servlet under test (no web.xml).
 */
class ForgedTokensPropertyTest {
    private static ScopeKeyFixture scopekey;
    private static HttpHarness http;
    private static String reader;

    @BeforeContainer
    static void start() {
        scopekey = ScopeKeyFixture.create();
        reader = scopekey.mint("reports:read").reveal();
        http = HttpHarness.filter(ScopeKeyFilter.class)
                .initParam("rules", "GET /api/reports reports:read")
                .servlet("/api/reports", ReportsServlet.class)
                .tokenService(scopekey.service())
                .start()
                .watch(reader);
    }

    @AfterContainer
    static void stop() {
        http.close();
        scopekey.close();
    }

    @Property(tries = 200)
    void aChangedCharacterIsAnInvalidToken(@ForAll("forgeries") String forged) {
        assertInvalidToken(http.get("/api/reports", forged));
    }

    @Property(tries = 20)
    void aCaseVariantIsAnInvalidToken(@ForAll("caseVariants") String variant) {
        assertInvalidToken(http.get("/api/reports", variant));
    }

    @Property(tries = 100)
    void arbitraryStringsAreInvalidTokens(@ForAll("strangers") String stranger) {
        assertInvalidToken(http.get("/api/reports", stranger));
    }

    @Property(tries = 5)
    void theRealTokenStillWorks() {
        assertStatus(http.get("/api/reports", reader), 200);
    }

    @Provide
    Arbitrary<String> forgeries() {
        return TokenArbitraries.singleCharacterMutations(reader).filter(ForgedTokensPropertyTest::isB64Token);
    }

    @Provide
    Arbitrary<String> caseVariants() {
        return Arbitraries.of(TokenArbitraries.caseVariants(reader));
    }

    @Provide
    Arbitrary<String> strangers() {
        return TokenArbitraries.legacy().filter(ForgedTokensPropertyTest::isB64Token);
    }

    /** What can travel in an Authorization header as a bearer token (RFC 6750 §2.1). */
    private static boolean isB64Token(String text) {
        return text.matches("[A-Za-z0-9._~+/-]+=*");
    }
}
