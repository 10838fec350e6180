package dev.scopekey.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The package table of the design, as rules: who may depend on whom inside scopekey-core. */
@AnalyzeClasses(packages = "dev.scopekey", importOptions = ImportOption.DoNotIncludeTests.class)
class DependencyRulesTest {
    private static final String DOMAIN = "dev.scopekey.domain..";
    private static final String PORT = "dev.scopekey.port..";
    private static final String SERVICE = "dev.scopekey.service..";
    private static final String MEMORY = "dev.scopekey.store.memory..";
    private static final String FILE = "dev.scopekey.store.file..";
    private static final String JDBC = "dev.scopekey.store.jdbc..";
    private static final String AUDIT = "dev.scopekey.audit..";
    private static final String CLI = "dev.scopekey.cli..";
    private static final String SERVLET = "dev.scopekey.servlet..";
    private static final String SLF4J = "org.slf4j..";

    @ArchTest
    static final ArchRule domain_usesOnlyTheJavaPlatform = layer(DOMAIN).mayUseOnly();

    @ArchTest
    static final ArchRule domain_usesNoSqlNoFilesNoLogging = noClasses().that().resideInAPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "java.nio.file..",
                    "java.io..", "java.util.logging..", "java.lang.System$Logger")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule port_usesOnlyTheDomain = layer(PORT).mayUseOnly(DOMAIN);

    @ArchTest
    static final ArchRule service_usesOnlyDomainAndPorts = layer(SERVICE).mayUseOnly(DOMAIN, PORT);

    @ArchTest
    static final ArchRule memoryStore_usesOnlyDomainAndPorts = layer(MEMORY).mayUseOnly(DOMAIN, PORT);

    @ArchTest
    static final ArchRule fileStore_usesDomainPortsFilesAndSlf4j = layer(FILE).mayUseOnly(DOMAIN, PORT, SLF4J);

    @ArchTest
    static final ArchRule jdbcStore_usesDomainPortsJdbcAndSlf4j =
            layer(JDBC).mayUseOnly(DOMAIN, PORT, SLF4J, "javax.sql..");

    @ArchTest
    static final ArchRule auditSink_usesDomainPortsAndSlf4j = layer(AUDIT).mayUseOnly(DOMAIN, PORT, SLF4J);

    @ArchTest
    static final ArchRule adapters_doNotKnowEachOther = adaptersAreIndependent();

    @ArchTest
    static final ArchRule nothing_dependsOnTheCli = noClasses().that().resideOutsideOfPackage(CLI)
            .should().dependOnClassesThat().resideInAPackage(CLI);

    @ArchTest
    static final ArchRule core_neverUsesTheServletAdapterOrJakarta = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage(SERVLET, "jakarta..");

    private static ArchRule adaptersAreIndependent() {
        List<String> adapters = List.of(MEMORY, FILE, JDBC, AUDIT, SERVLET);
        ArchRule rule = null;
        for (String adapter : adapters) {
            List<String> others = new ArrayList<>(adapters);
            others.remove(adapter);
            ArchRule one = noClasses().that().resideInAPackage(adapter)
                    .should().dependOnClassesThat().resideInAnyPackage(others.toArray(String[]::new))
                    .allowEmptyShould(true);
            rule = rule == null ? one : com.tngtech.archunit.lang.CompositeArchRule.of(rule).and(one);
        }
        return rule;
    }

    private static Layer layer(String pkg) {
        return new Layer(pkg);
    }

    /** A tiny fluent helper: {@code layer(X).mayUseOnly(Y, Z)} (the Java platform is always allowed). */
    private static final class Layer {
        private final String pkg;

        Layer(String pkg) {
            this.pkg = pkg;
        }

        ArchRule mayUseOnly(String... allowed) {
            List<String> packages = new ArrayList<>(Arrays.asList(allowed));
            packages.add(pkg);
            packages.add("java..");
            return classes().that().resideInAPackage(pkg)
                    .should().onlyDependOnClassesThat().resideInAnyPackage(packages.toArray(String[]::new))
                    .allowEmptyShould(true);
        }
    }
}
