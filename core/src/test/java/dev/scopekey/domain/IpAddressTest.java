package dev.scopekey.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressTest {

    @Test
    void parse_acceptsTheLongestLiteral_fortyFiveCharacters() {
        String longest = "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255";
        assertEquals(45, longest.length());
        byte[] bytes = IpAddress.parse(longest);
        assertNotNull(bytes);
        assertEquals(16, bytes.length);
        assertEquals(longest.substring(0, 30) + "ffff:ffff", IpAddress.format(bytes));
        assertNull(IpAddress.parse("0" + longest));
    }

    @Test
    void parse_readsAnIpv4MappedAddressAsItsFourBytes_onlyWhenTheFirstTenBytesAreZero() {
        assertArrayEquals(new byte[] {1, 2, 3, 4}, IpAddress.parse("::ffff:1.2.3.4"));
        byte[] notMapped = IpAddress.parse("1::ffff:1.2.3.4");
        assertEquals(16, notMapped.length);
        assertEquals("1::ffff:102:304", IpAddress.format(notMapped));
        assertEquals(16, IpAddress.parse("::fffe:1.2.3.4").length);
    }

    @ParameterizedTest
    @ValueSource(strings = {":::", "::1::", "1::2::3", "::1::2", "1:2:3:4::5:6:7:8", "1:2:3:4:5:6:7:8::", "::1:2:3:4:5:6:7:8",
        "::.1.2.3", "::.1", "[]", "%eth0:1"})
    void parse_rejectsMalformedIpv6(String text) {
        assertNull(IpAddress.parseClient(text));
    }

    @Test
    void parse_acceptsSevenGroupsAroundOneGap_andUppercaseHexEdges() {
        assertEquals("1:2:3:4:5:6:0:7", IpAddress.format(IpAddress.parse("1:2:3:4:5:6::7")));
        assertEquals("0:1:2:3:4:5:6:7", IpAddress.format(IpAddress.parse("::1:2:3:4:5:6:7")));
        assertEquals("a:f::fa", IpAddress.format(IpAddress.parse("A:F::FA")));
        assertEquals("::1", IpAddress.format(IpAddress.parse("::1")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[::1]|::1",
        "::1%eth0|::1",
        "[::1%lo]|::1",
        "[1.2.3.4]|1.2.3.4"})
    void parseClient_dropsBracketsAndZone(String text, String expected) {
        assertEquals(expected, IpAddress.format(IpAddress.parseClient(text)));
    }

    @Test
    void parseClient_keepsAPercentInAnIpv4Literal_andSoRejectsIt() {
        assertNull(IpAddress.parseClient("1.2.3.4%eth0"));
        assertNull(IpAddress.parseClient(null));
        assertNull(IpAddress.parseClient("["));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1:0:0:1:0:0:1:1|1::1:0:0:1:1",
        "1:1:0:0:1:0:0:0|1:1:0:0:1::",
        "0:0:1:0:0:0:1:1|0:0:1::1:1",
        "1:0:1:1:1:1:1:0|1:0:1:1:1:1:1:0",
        "0:0:0:0:0:0:0:0|::",
        "1:0:0:0:0:0:0:0|1::"})
    void format_shortensTheFirstLongestRunOfTwoOrMoreZeroGroups(String full, String expected) {
        assertEquals(expected, IpAddress.format(IpAddress.parse(full)));
    }

    @Test
    void parse_refusesNull_aCharacterJustBelowTheDigits_andAStrayClosingBracket() {
        assertNull(IpAddress.parse(null));
        assertNull(IpAddress.parse("1.2.3./"));
        assertNull(IpAddress.parse("::/"));
        assertNull(IpAddress.parseClient("x::1]"));
    }
}
