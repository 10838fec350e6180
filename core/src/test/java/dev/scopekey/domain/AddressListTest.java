package dev.scopekey.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AddressListTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "127.0.0.1|127.0.0.1",
        "10.0.0.0/8|10.0.0.0/8",
        "0.0.0.0/0|0.0.0.0/0",
        "192.168.1.7/32|192.168.1.7",
        "::1|::1",
        "::1/128|::1",
        "::|::",
        "::/0|::/0",
        "2001:DB8::/32|2001:db8::/32",
        "2001:db8:0:0:1:0:0:1|2001:db8::1:0:0:1",
        "2001:0:0:1:0:0:0:1|2001:0:0:1::1",
        "fe80::1:2:3:4|fe80::1:2:3:4",
        "1:2:3:4:5:6:7:8|1:2:3:4:5:6:7:8",
        "1:0:3:4:5:6:7:8|1:0:3:4:5:6:7:8",
        "::ffff:10.1.2.3|10.1.2.3",
        "::ffff:a01:203|10.1.2.3",
        "::ffff:10.0.0.0/104|10.0.0.0/8",
        "64:ff9b::1.2.3.4|64:ff9b::102:304",
    })
    void parse_readsAddressesAndRanges_intoCanonicalText(String text, String canonical) {
        assertEquals(canonical, AddressRange.parse(text).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "localhost", "example.com", "10.0.1", "10.0.0.0.1", "256.0.0.1", "01.2.3.4",
        "1.2.3.4/33", "1.2.3.4/", "1.2.3.4/-1", "1.2.3.4/08", "10.0.0.1/8", "1.2.3.4 /8", "::1/129", ":::1", "1::2::3",
        "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "12345::", "g::1", "::1%eth0", "[::1]", "1.2.3.4:80", "::ffff:10.0.0.0/90",
        "::1.2.3", "1.2.3.4::", "0x7f.0.0.1", "１.2.3.4", "2001:db9::/31", "+1.2.3.4"})
    void parse_refusesAnythingElse_withAMessageThatDoesNotRepeatIt(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AddressRange.parse(text));
        assertTrue(e.getMessage().contains("address") || e.getMessage().contains("prefix") || e.getMessage().contains("CIDR"),
                e.getMessage());
        if (!text.isBlank()) {
            assertFalse(e.getMessage().contains(text), e.getMessage());
        }
    }

    @Test
    void aRangeWithHostBitsSet_isRefused_namingTheNetworkToWrite() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AddressRange.parse("10.1.2.3/8"));
        assertTrue(e.getMessage().contains("10.0.0.0/8"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "10.0.0.0/8|10.255.255.255|true",
        "10.0.0.0/8|11.0.0.0|false",
        "10.0.0.0/8|9.255.255.255|false",
        "192.168.0.0/23|192.168.1.200|true",
        "192.168.0.0/23|192.168.2.1|false",
        "127.0.0.1|127.0.0.1|true",
        "127.0.0.1|127.0.0.2|false",
        "127.0.0.1|::ffff:127.0.0.1|true",
        "127.0.0.1|[::ffff:127.0.0.1]|true",
        "::ffff:127.0.0.0/104|127.1.2.3|true",
        "::1|0:0:0:0:0:0:0:1|true",
        "::1|[0:0:0:0:0:0:0:1]|true",
        "::1|[::1%lo]|true",
        "::1|127.0.0.1|false",
        "127.0.0.1|::1|false",
        "::/0|127.0.0.1|false",
        "0.0.0.0/0|::1|false",
        "0.0.0.0/0|203.0.113.9|true",
        "2001:db8::/32|2001:db8:ffff::1|true",
        "2001:db8::/32|2001:db9::1|false",
        "2001:db8::/33|2001:db8:8000::1|false",
        "10.0.0.0/8|localhost|false",
        "10.0.0.0/8|10.0.0.1.nip.io|false",
        "10.0.0.0/8|''|false",
    })
    void allows_onlyAddressesInARange(String list, String client, boolean allowed) {
        assertEquals(allowed, AddressList.parse(list).allows(client));
    }

    @Test
    void allows_nothingForAnUnknownAddress() {
        assertFalse(AddressList.parse("0.0.0.0/0,::/0").allows(null));
    }

    @Test
    void of_refusesAnEmptyOrOverlongList_andNamesTheBadEntry() {
        assertThrows(IllegalArgumentException.class, () -> AddressList.of(List.of()));
        assertThrows(IllegalArgumentException.class, () -> AddressList.parse(" "));
        assertThrows(IllegalArgumentException.class,
                () -> AddressList.of(Collections.nCopies(AddressList.MAX_ENTRIES + 1, "10.0.0.1")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AddressList.of(List.of("10.0.0.1", "intranet")));
        assertTrue(e.getMessage().startsWith("allowed address 2: "), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AddressList.parse("10.0.0.1,"));
    }

    @Test
    void text_isCanonical_andReadsBackEqual_withoutDuplicates() {
        AddressList list = AddressList.parse(" 10.0.0.0/8 ,2001:DB8::/32,10.0.0.0/8, ::ffff:1.2.3.4");

        assertEquals("10.0.0.0/8,2001:db8::/32,1.2.3.4", list.toString());
        assertEquals(List.of("10.0.0.0/8", "2001:db8::/32", "1.2.3.4"), list.texts());
        assertEquals(list, AddressList.parse(list.toString()));
        assertEquals(list.hashCode(), AddressList.parse(list.toString()).hashCode());
    }

    @Test
    void of_acceptsExactlyTheMaximumNumberOfEntries() {
        List<String> entries = new java.util.ArrayList<>();
        for (int i = 0; i < AddressList.MAX_ENTRIES; i++) {
            entries.add("10.0." + (i / 256) + "." + (i % 256));
        }
        AddressList list = AddressList.of(entries);
        assertEquals(AddressList.MAX_ENTRIES, list.ranges().size());
        assertEquals(AddressRange.parse("10.0.0.0"), list.ranges().get(0));
    }

    @Test
    void parse_ofNullIsRefusedLikeAnEmptyList() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AddressList.parse(null));
        assertTrue(e.getMessage().startsWith("an address allow-list needs at least one"), e.getMessage());
    }

    @Test
    void differentListsHashApart() {
        assertFalse(AddressList.parse("10.0.0.0/8").hashCode() == AddressList.parse("11.0.0.0/8").hashCode());
        assertFalse(AddressList.parse("10.0.0.0/8").equals(AddressList.parse("10.0.0.0/8,::1")));
    }
}
