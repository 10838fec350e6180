package dev.scopekey.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StoreSpecTest {

    @Test
    void file_isAPlainPath_relativeOrAbsolute() {
        assertEquals(new StoreSpec(StoreSpec.Kind.FILE, "scopekey-tokens"), StoreSpec.parse("file:scopekey-tokens"));
        assertEquals(new StoreSpec(StoreSpec.Kind.FILE, "/etc/app/tokens"), StoreSpec.parse("file:/etc/app/tokens"));
    }

    @Test
    void jdbc_keepsTheWholeUrl() {
        assertEquals(new StoreSpec(StoreSpec.Kind.JDBC, "jdbc:h2:./tokens"), StoreSpec.parse("jdbc:h2:./tokens"));
    }

    @Test
    void toString_ofAJdbcStore_leavesOutTheUrl_whichMayHoldAPassword() {
        String shown = StoreSpec.parse("jdbc:postgresql://db/app?user=app&password=hunter2").toString();

        assertFalse(shown.contains("hunter2"), shown);
        assertEquals("file:tokens", StoreSpec.parse("file:tokens").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "file:", "jdbc:", "tokens", "File:tokens", "mem:x"})
    void anythingElse_isRejected_withoutRepeatingIt(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StoreSpec.parse(text));

        assertEquals("a store is file:PATH (a token file) or jdbc:URL (a database)", e.getMessage());
    }
}
