package dev.scopekey.architecture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The architecture rules can fail: on an empty selection, and on the dependencies they exist for. */
class ArchitectureRulesCanFailTest {

    @Test
    void everyRule_failsWhenItsClassesAreMissing_asAfterAPackageRename() throws IllegalAccessException {
        JavaClasses none = new ClassFileImporter().importClasses();
        List<ArchRule> rules = rules();
        assertTrue(rules.size() >= 15, "found the rules: " + rules.size());
        for (ArchRule rule : rules) {
            assertThrows(AssertionError.class, () -> rule.check(none), rule.getDescription());
        }
    }

    @Test
    void servletAdaptersUseOfStoreAdapters_isSeen_andAllowedInItsCompositionRootOnly() {
        JavaClasses all = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("dev.scopekey");
        EvaluationResult strict = ArchitectureTest.adaptersAreIndependent().evaluate(all);
        assertTrue(strict.hasViolation(), "the servlet adapter builds file and JDBC stores");
        List<String> details = strict.getFailureReport().getDetails();
        assertTrue(details.stream().anyMatch(d -> d.contains("StoreLocation") && d.contains("dev.scopekey.store.file")),
                String.join("\n", details));
        assertTrue(details.stream().anyMatch(d -> d.contains("StoreLocation") && d.contains("dev.scopekey.store.jdbc")),
                String.join("\n", details));
        assertTrue(details.stream().allMatch(d -> d.contains("dev.scopekey.servlet.ServiceSetup")
                || d.contains("dev.scopekey.servlet.StoreLocation")), String.join("\n", details));
        assertFalse(ArchitectureTest.adaptersAreIndependent(ArchitectureTest.SERVLET_COMPOSITION).evaluate(all)
                .hasViolation());
    }

    private static List<ArchRule> rules() throws IllegalAccessException {
        List<ArchRule> rules = new ArrayList<>();
        for (Field field : ArchitectureTest.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && ArchRule.class.isAssignableFrom(field.getType())) {
                rules.add((ArchRule) field.get(null));
            }
        }
        return rules;
    }
}
