package dev.scopekey.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AddressRangeTest {

    @Test
    void isIpv6AndPrefixLength_describeTheRange() {
        AddressRange v4 = AddressRange.parse("10.0.0.0/8");
        assertFalse(v4.isIpv6());
        assertEquals(8, v4.prefixLength());
        AddressRange v6 = AddressRange.parse("2001:db8::/32");
        assertTrue(v6.isIpv6());
        assertEquals(32, v6.prefixLength());
        assertEquals(128, AddressRange.parse("::1").prefixLength());
        assertEquals(32, AddressRange.parse("1.2.3.4").prefixLength());
    }

    @Test
    void aMappedRangeOfExactlyNinetySixBits_isEveryIpv4Address() {
        AddressRange all = AddressRange.parse("::ffff:0.0.0.0/96");
        assertEquals("0.0.0.0/0", all.toString());
        assertFalse(all.isIpv6());
        assertEquals(0, all.prefixLength());
        assertThrows(IllegalArgumentException.class, () -> AddressRange.parse("::ffff:0.0.0.0/95"));
    }

    @Test
    void anIpv6AddressThatOnlyEndsLikeAMappedOne_staysIpv6() {
        AddressRange range = AddressRange.parse("1::ffff:1.2.3.4");
        assertTrue(range.isIpv6());
        assertEquals(128, range.prefixLength());
        assertEquals("1::ffff:102:304", range.toString());
    }

    @Test
    void aPrefixLengthIsPlainDigits_notASignedNumber() {
        assertThrows(IllegalArgumentException.class, () -> AddressRange.parse("10.0.0.0/+8"));
        assertThrows(IllegalArgumentException.class, () -> AddressRange.parse("10.0.0.0/8a"));
        assertThrows(IllegalArgumentException.class, () -> AddressRange.parse("/8"));
        assertEquals(8, AddressRange.parse("10.0.0.0/8").prefixLength());
    }

    @Test
    void hostBitsInsideAByte_areClearedInTheSuggestedNetwork() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AddressRange.parse("10.255.0.0/12"));
        assertTrue(e.getMessage().endsWith("write 10.240.0.0/12"), e.getMessage());
    }

    @Test
    void equalRangesHashAlike_andASampleOfDistinctRangesHashApart() {
        assertEquals(AddressRange.parse("10.0.0.0/8"), AddressRange.parse("10.0.0.0/8"));
        assertEquals(AddressRange.parse("10.0.0.0/8").hashCode(), AddressRange.parse(" 10.0.0.0/8 ").hashCode());
        List<String> distinct = List.of("0.0.0.1", "0.0.0.0/1", "10.0.0.0", "10.0.0.1", "10.0.0.0/8", "10.0.0.0/16",
            "::1", "::/0", "0.0.0.0/0");
        Set<Integer> hashes = new HashSet<>();
        for (String text : distinct) {
            hashes.add(AddressRange.parse(text).hashCode());
        }
        assertEquals(distinct.size(), hashes.size());
    }
}
