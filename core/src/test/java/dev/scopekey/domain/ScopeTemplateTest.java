package dev.scopekey.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ScopeTemplateTest {
    private static final List<String> VARIABLES = List.of("id", "channel");

    @Test
    void fixedTemplate_isOneScope_parsedOnce() {
        ScopeTemplate template = ScopeTemplate.parse("kafka:endpoint:read", VARIABLES);

        assertFalse(template.hasVariables());
        assertEquals(Scope.of("kafka:endpoint:read"), template.bind(List.of()).orElseThrow());
        assertSame(template.bind(List.of()).orElseThrow(), template.bind(List.of("ignored")).orElseThrow());
    }

    @Test
    void variables_areBoundByTheirPositionInTheNames() {
        ScopeTemplate template = ScopeTemplate.parse("workspaces:{channel}:in:{id}:write", VARIABLES);

        assertTrue(template.hasVariables());
        assertEquals(Scope.of("workspaces:general:in:w42:write"),
                template.bind(List.of("w42", "general")).orElseThrow());
    }

    @Test
    void aValueThatIsNotASegment_orAScopeTooLong_bindsNothing() {
        ScopeTemplate template = ScopeTemplate.parse("workspaces:{id}:write", VARIABLES);

        for (String id : new String[] {"W42", "w:42", "-w", "w*", "*", "", "_w", "é", "w 1"}) {
            assertEquals(Optional.empty(), template.bind(List.of(id, "x")), id);
        }
        assertEquals(Optional.empty(), template.bind(List.of("w".repeat(200), "x")));
        assertTrue(template.bind(List.of("w".repeat(200 - "workspaces::write".length()), "x")).isPresent());
    }

    @Test
    void templatesThatCannotBeAConcreteScope_areRefused() {
        for (String bad : new String[] {"a:{unclosed", "a:{nope}", "a:*", "{id}:*", "*", "A:{id}", "a::{id}", "", "a:{}"}) {
            assertThrows(InvalidScopeException.class, () -> ScopeTemplate.parse(bad, VARIABLES), bad);
        }
        assertThrows(InvalidScopeException.class, () -> ScopeTemplate.parse(null, VARIABLES));
    }

    @Provide
    Arbitrary<List<String>> pieces() {
        return Arbitraries.of("a", ":", "{id}", "{channel}", "-", "_", "9", "x.y", "*", "A", "}").list().ofMaxSize(8);
    }

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.of("w42", "general", "W1", "a:b", "-x", "x-", "*", "", "0", "w".repeat(150), "x_y.z");
    }

    /** Binding gives what parsing the text with the values pasted in would, whenever the template is accepted. */
    @Property(tries = 3000)
    void bind_equalsParsingTheFilledInText(@ForAll("pieces") List<String> pieces, @ForAll("values") String id,
                                           @ForAll("values") String channel) {
        String text = String.join("", pieces);
        ScopeTemplate template;
        try {
            template = ScopeTemplate.parse(text, VARIABLES);
        } catch (InvalidScopeException refused) {
            return;
        }
        boolean usedValuesAreSegments = (!text.contains("{id}") || Scope.isValidSegment(id))
                && (!text.contains("{channel}") || Scope.isValidSegment(channel));
        String filled = text.replace("{id}", id).replace("{channel}", channel);
        Optional<Scope> expected = usedValuesAreSegments ? Scope.parse(filled) : Optional.empty();

        assertEquals(expected, template.bind(List.of(id, channel)), text);
        template.bind(List.of(id, channel)).ifPresent(scope -> assertFalse(scope.isWildcard(), text));
    }

    @Test
    void aTemplateMayStartWithAPlaceholder_andReadsBackAsWritten() {
        ScopeTemplate template = ScopeTemplate.parse("{id}:read", VARIABLES);

        assertTrue(template.hasVariables());
        assertEquals(Scope.of("w42:read"), template.bind(List.of("w42", "x")).orElseThrow());
        assertEquals("{id}:read", template.toString());
    }
}
