package dev.scopekey.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The resolver's character table accepts exactly RFC 6750 §2.1's b64token,
 * {@code 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="}, read here as a regular
 * expression; and a header's decision follows from it: a space in the token is two tokens
 * (invalid request), anything else outside the grammar is a malformed token.
 */
class B64TokenTablePropertyTest {
    private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");

    @Provide
    Arbitrary<String> candidates() {
        Arbitrary<Character> near = Arbitraries.of('a', 'Z', '0', '9', '-', '.', '_', '~', '+', '/', '=', '=', ' ',
                '@', '`', '[', '{', ':', '\\', '"', ',', '\t', '\u007f', '\u0080', 'é', '\u0000', '\uffff');
        Arbitrary<Character> any = Arbitraries.chars();
        Arbitrary<Character> printable = Arbitraries.chars().range(' ', '~');
        return Arbitraries.frequencyOf(
                        Tuple.of(4, near), Tuple.of(4, printable),
                        Tuple.of(1, any))
                .list().ofMaxSize(12)
                .map(chars -> {
                    StringBuilder out = new StringBuilder();
                    chars.forEach(out::append);
                    return out.toString();
                });
    }

    @Property(tries = 5000)
    void table_acceptsExactlyTheB64tokenGrammar(@ForAll("candidates") String text) {
        assertEquals(B64TOKEN.matcher(text).matches(), BearerTokenResolver.isB64Token("<" + text + ">", 1,
                text.length() + 1), text);
    }

    @Property(tries = 5000)
    void headerDecision_followsTheGrammar(@ForAll("candidates") String text) {
        String token = trimSpaces(text);

        BearerCredential actual = BearerTokenResolver.fromHeader("Bearer " + text);

        if (token.isEmpty() || token.indexOf(' ') >= 0) {
            assertEquals(BearerCredential.INVALID_REQUEST, actual, text);
        } else if (!B64TOKEN.matcher(token).matches()) {
            assertEquals(BearerCredential.MALFORMED, actual, text);
        } else {
            assertEquals(token, ((BearerCredential.Token) actual).reveal(), text);
        }
    }

    private static String trimSpaces(String text) {
        return text.replaceAll("^ +| +$", "");
    }
}
