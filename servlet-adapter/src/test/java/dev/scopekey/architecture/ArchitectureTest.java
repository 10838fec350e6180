package dev.scopekey.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The package table of the design as rules, over the published modules (core, servlet adapter,
 * testkit, micrometer): this module's tests are the only ones whose class path holds them all.
 * No rule allows an empty selection, so a renamed package fails its rule instead of passing
 * silently ({@code ArchitectureRulesCanFailTest} checks that of every rule here).
 */
@AnalyzeClasses(packages = "dev.scopekey", importOptions = ImportOption.DoNotIncludeTests.class)
public class ArchitectureTest {
    /** The entry point {@code ScopeKey}: this package only, not the ones below it. */
    static final String ENTRY = "dev.scopekey";
    static final String DOMAIN = "dev.scopekey.domain..";
    static final String PORT = "dev.scopekey.port..";
    static final String SERVICE = "dev.scopekey.service..";
    static final String MEMORY = "dev.scopekey.store.memory..";
    static final String FILE = "dev.scopekey.store.file..";
    static final String JDBC = "dev.scopekey.store.jdbc..";
    static final String AUDIT = "dev.scopekey.audit..";
    static final String CLI = "dev.scopekey.cli..";
    static final String SERVLET = "dev.scopekey.servlet..";
    static final String TESTKIT = "dev.scopekey.testkit..";
    static final String MICROMETER = "dev.scopekey.micrometer..";
    /**
     * The adapters, which never know each other, with one exception: the file store answers lookups
     * from the records it read, kept in a read-only {@code InMemoryTokenStore}, so that the memory
     * store's index needs no public type.
     */
    static final List<String> ADAPTERS = List.of(MEMORY, FILE, JDBC, AUDIT, SERVLET, MICROMETER);
    /** The servlet adapter's composition root: it builds the store and sink that web.xml names. */
    static final String[] SERVLET_COMPOSITION = {"ServiceSetup", "StoreLocation"};
    private static final String SLF4J = "org.slf4j..";

    @ArchTest
    public static final ArchRule everyClass_livesInAPackageOfTheTable = classes()
            .should().resideInAnyPackage(ENTRY, DOMAIN, PORT, SERVICE, MEMORY, FILE, JDBC, AUDIT, CLI, SERVLET, TESTKIT,
                    MICROMETER);

    @ArchTest
    public static final ArchRule entryPoint_composesTheCoreOnly = layer(ENTRY).mayUseOnly(
            DOMAIN, PORT, SERVICE, MEMORY, FILE, JDBC, AUDIT, "javax.sql..");

    @ArchTest
    public static final ArchRule nothingInTheCore_dependsOnTheEntryPoint = noClasses()
            .that().resideInAnyPackage(DOMAIN, PORT, SERVICE, MEMORY, FILE, JDBC, AUDIT)
            .should().dependOnClassesThat().resideInAPackage(ENTRY);

    @ArchTest
    public static final ArchRule domain_usesOnlyTheJavaPlatform = layer(DOMAIN).mayUseOnly();

    @ArchTest
    public static final ArchRule domain_usesNoSqlNoFilesNoLogging = noClasses().that().resideInAPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "java.nio.file..",
                    "java.io..", "java.util.logging..", "java.lang.System$Logger");

    @ArchTest
    public static final ArchRule port_usesOnlyTheDomain = layer(PORT).mayUseOnly(DOMAIN);

    @ArchTest
    public static final ArchRule service_usesOnlyDomainAndPorts = layer(SERVICE).mayUseOnly(DOMAIN, PORT);

    @ArchTest
    public static final ArchRule memoryStore_usesOnlyDomainAndPorts = layer(MEMORY).mayUseOnly(DOMAIN, PORT);

    @ArchTest
    public static final ArchRule fileStore_usesDomainPortsTheMemoryStoreFilesAndSlf4j =
            layer(FILE).mayUseOnly(DOMAIN, PORT, MEMORY, SLF4J);

    @ArchTest
    public static final ArchRule jdbcStore_usesDomainPortsJdbcAndSlf4j =
            layer(JDBC).mayUseOnly(DOMAIN, PORT, SLF4J, "javax.sql..");

    @ArchTest
    public static final ArchRule auditSink_usesDomainPortsAndSlf4j = layer(AUDIT).mayUseOnly(DOMAIN, PORT, SLF4J);

    @ArchTest
    public static final ArchRule servlet_usesCoreJakartaServletAndSlf4jOnly = layer(SERVLET).mayUseOnly(
            DOMAIN, PORT, SERVICE, MEMORY, FILE, JDBC, AUDIT, SLF4J, "jakarta.servlet..", "javax.naming..", "javax.sql..");

    @ArchTest
    public static final ArchRule micrometer_usesTheServiceItsPortsAndMicrometerOnly = layer(MICROMETER).mayUseOnly(
            DOMAIN, PORT, SERVICE, "io.micrometer..");

    @ArchTest
    public static final ArchRule micrometer_isKnownToTheMicrometerModuleOnly = noClasses()
            .that().resideOutsideOfPackage(MICROMETER)
            .should().dependOnClassesThat().resideInAPackage("io.micrometer..");

    @ArchTest
    public static final ArchRule adapters_doNotKnowEachOther_butTheServletCompositionRootBuildsStores =
            adaptersAreIndependent(SERVLET_COMPOSITION);

    @ArchTest
    public static final ArchRule jndiAndJdbc_areKnownToTheStoreLocationOnly = noClasses()
            .that().resideInAPackage(SERVLET).and().doNotHaveSimpleName("StoreLocation")
            .should().dependOnClassesThat().resideInAnyPackage("javax.naming..", "javax.sql..");

    @ArchTest
    public static final ArchRule nothing_dependsOnTheCli = noClasses().that().resideOutsideOfPackage(CLI)
            .should().dependOnClassesThat().resideInAPackage(CLI);

    @ArchTest
    public static final ArchRule core_neverUsesTheServletAdapterOrJakarta = noClasses()
            .that().resideOutsideOfPackages(SERVLET, TESTKIT)
            .should().dependOnClassesThat().resideInAnyPackage(SERVLET, "jakarta..");

    @ArchTest
    public static final ArchRule testkit_neverUsesTheServletAdapter = noClasses().that().resideInAPackage(TESTKIT)
            .should().dependOnClassesThat().resideInAnyPackage(SERVLET);

    @ArchTest
    public static final ArchRule testkit_usesCoreAndTheSuitesTestLibrariesOnly = classes()
            .that().resideInAPackage(TESTKIT)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.xml..", "org.w3c.dom..",
                    "org.xml.sax..", DOMAIN, PORT, SERVICE, MEMORY, FILE, JDBC, AUDIT, TESTKIT, "org.junit..",
                    "org.opentest4j..", "net.jqwik..", "jakarta.servlet..", "org.eclipse.jetty..", "org.apache.catalina..",
                    "org.apache.tomcat..", SLF4J);

    @ArchTest
    public static final ArchRule jetty_isKnownToTheTestkitsDeploymentOnly = noClasses()
            .that().resideInAPackage(TESTKIT).and().doNotHaveSimpleName("JettyDeployment")
            .should().dependOnClassesThat().resideInAPackage("org.eclipse.jetty..");

    @ArchTest
    public static final ArchRule tomcat_isKnownToTheTestkitsDeploymentOnly = noClasses()
            .that().resideInAPackage(TESTKIT).and().doNotHaveSimpleName("TomcatDeployment")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.catalina..", "org.apache.tomcat..");

    @ArchTest
    public static final ArchRule servletApi_isKnownToTheTestkitsHttpHarnessOnly = noClasses()
            .that().resideInAPackage(TESTKIT)
            .and().doNotHaveSimpleName("JettyDeployment").and().doNotHaveSimpleName("TomcatDeployment")
            .and().doNotHaveSimpleName("Deployment").and().doNotHaveSimpleName("HttpHarness")
            .and().doNotHaveSimpleName("WebApplication")
            .should().dependOnClassesThat().resideInAPackage("jakarta.servlet..");

    /** Each adapter stays out of the others, except in the classes named (simple names). */
    static ArchRule adaptersAreIndependent(String... exceptions) {
        ArchRule rule = null;
        for (String adapter : ADAPTERS) {
            List<String> others = new ArrayList<>(ADAPTERS);
            others.remove(adapter);
            if (adapter.equals(FILE)) {
                others.remove(MEMORY);
            }
            ArchRule one = noClasses().that().resideInAPackage(adapter).and(notIn(exceptions))
                    .should().dependOnClassesThat().resideInAnyPackage(others.toArray(String[]::new));
            rule = rule == null ? one : CompositeArchRule.of(rule).and(one);
        }
        return rule;
    }

    /** Classes that are not these top-level classes (by simple name) nor nested in them. */
    private static DescribedPredicate<JavaClass> notIn(String... topLevelNames) {
        List<String> excluded = Arrays.asList(topLevelNames);
        return DescribedPredicate.describe("are not in " + excluded, type -> {
            String name = type.getName().substring(type.getPackageName().length() + 1);
            return !excluded.contains(name.split("\\$")[0]);
        });
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
                    .should().onlyDependOnClassesThat().resideInAnyPackage(packages.toArray(String[]::new));
        }
    }
}
