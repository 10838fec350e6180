package dev.scopekey.store.file;

import static dev.scopekey.store.file.TokenFileParseTest.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.domain.AddressList;
import dev.scopekey.domain.RequestRate;
import dev.scopekey.domain.TokenHash;
import dev.scopekey.domain.TokenRecord;
import dev.scopekey.domain.TokenUpdate;
import dev.scopekey.port.TokenChange;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The {@code addresses=}, {@code rate=} and {@code disabled=} attributes of a token line. */
class TokenFileRestrictionsTest {
    private static final String HASH = TokenHash.hexOf("restricted-token");
    private static final String HEAD = "sha256:sk_restricted0:" + HASH + "\tr:read\tci\t2024-01-01T00:00:00Z";

    private static TokenFile file(String text) {
        return TokenFile.parse(bytes(text));
    }

    private static String text(TokenFile file) {
        return new String(file.toBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void restrictions_areRead_andTheLineRoundTripsAsWritten() {
        String line = HEAD + "\taddresses=10.0.0.0/8, ::1\trate=100/minute\tdisabled=true\tteam=x\n";
        TokenFile file = file(line);

        TokenRecord record = file.records().get(0);
        assertEquals(List.of(), file.warnings());
        assertEquals(AddressList.parse("10.0.0.0/8,::1"), record.allowedAddresses());
        assertEquals(RequestRate.parse("100/minute"), record.rateLimit());
        assertTrue(record.disabled());
        assertEquals(line, text(file));
    }

    @Test
    void disabledFalse_meansEnabled_andIsKeptAsWrittenThroughOtherChanges() {
        String line = HEAD + "\tdisabled=false\tnote=a\n";
        TokenFile file = file(line);
        TokenRecord record = file.records().get(0);
        assertFalse(record.disabled());

        TokenFile renamed = file.apply(TokenChange.update(List.of(record.toBuilder().name("cd").build())));

        assertEquals(line.replace("\tci\t", "\tcd\t"), text(renamed));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "addresses=intranet|BAD_ADDRESSES_ATTRIBUTE",
        "addresses=|BAD_ADDRESSES_ATTRIBUTE",
        "addresses=10.0.0.1/8|BAD_ADDRESSES_ATTRIBUTE",
        "rate=lots|BAD_RATE_ATTRIBUTE",
        "rate=0/minute|BAD_RATE_ATTRIBUTE",
        "disabled=yes|BAD_FLAG_ATTRIBUTE",
        "disabled=|BAD_FLAG_ATTRIBUTE",
    })
    void aBadRestriction_makesTheLineMalformed_soTheTokenIsNeverAcceptedUnrestricted(String attribute,
                                                                                      LineProblem problem) {
        String text = HEAD + "\t" + attribute + "\n";
        TokenFile file = file(text);

        assertEquals(List.of(), file.records());
        assertEquals(List.of(new LineWarning(1, problem)), file.warnings());
        assertEquals(text, text(file));
    }

    @Test
    void anUpdate_writesOnlyTheChangedAttributes_inCanonicalForm_andKeepsUnknownKeys() {
        String line = HEAD + "\tsubject=s\tteam=payments\n";
        TokenFile file = file(line);
        TokenRecord record = file.records().get(0);

        TokenRecord restricted = TokenUpdate.none().allowedAddresses(AddressList.parse("2001:DB8::/32, 127.0.0.1"))
                .rateLimit(RequestRate.parse("5/15m")).disabled(true).applyTo(record);
        TokenFile next = file.apply(TokenChange.update(List.of(restricted)));

        assertEquals(HEAD + "\tsubject=s\tteam=payments\taddresses=2001:db8::/32,127.0.0.1\trate=5/PT15M"
                + "\tdisabled=true\n", text(next));
        assertEquals(restricted, TokenFile.parse(next.toBytes()).records().get(0));

        TokenRecord cleared = TokenUpdate.none().allowedAddresses(null).rateLimit(null).disabled(false)
                .applyTo(restricted);
        TokenFile back = next.apply(TokenChange.update(List.of(cleared)));
        assertEquals(line, text(back));
        TokenRecord reread = TokenFile.parse(back.toBytes()).records().get(0);
        assertNull(reread.allowedAddresses());
        assertNull(reread.rateLimit());
        assertFalse(reread.isRestricted());
    }
}
