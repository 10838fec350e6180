package dev.scopekey.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The facts of a denial read the same whichever way a sink walks them, absent values included. */
class DeniedFactsTest {
    private final Auditor.DeniedFacts facts = new Auditor.DeniedFacts("reports:write", null, "/reports");

    @Test
    void entries_andForEach_giveScopeMethodAndPath_inThatOrder_withAnAbsentMethodAsNull() {
        List<String> walked = new ArrayList<>();
        facts.forEach((key, value) -> walked.add(key + "=" + value));
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("scope", "reports:write");
        expected.put("method", null);
        expected.put("path", "/reports");

        assertEquals(List.of("scope=reports:write", "method=null", "path=/reports"), walked);
        assertEquals(List.copyOf(expected.entrySet()), List.copyOf(facts.entrySet()));
        assertEquals(3, facts.size());
        assertEquals("/reports", facts.get("path"));
    }
}
