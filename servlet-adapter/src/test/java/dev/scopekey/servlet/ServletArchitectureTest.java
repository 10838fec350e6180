package dev.scopekey.servlet;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The servlet adapter uses the core (domain, ports, service), Jakarta Servlet and SLF4J only;
 * concrete stores and the audit sink are known to the one class that builds the service.
 */
@AnalyzeClasses(packages = "dev.scopekey.servlet", importOptions = ImportOption.DoNotIncludeTests.class)
class ServletArchitectureTest {

    @ArchTest
    static final ArchRule servlet_usesCoreJakartaServletAndSlf4jOnly = classes()
            .that().resideInAPackage("dev.scopekey.servlet..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.naming..", "javax.sql..",
                    "jakarta.servlet..", "org.slf4j..",
                    "dev.scopekey.domain..", "dev.scopekey.port..", "dev.scopekey.service..",
                    "dev.scopekey.store..", "dev.scopekey.audit..", "dev.scopekey.servlet..");

    @ArchTest
    static final ArchRule concreteStoresAndSinks_areKnownToTheServiceSetupOnly = noClasses()
            .that().resideInAPackage("dev.scopekey.servlet..")
            .and().doNotHaveSimpleName("ServiceSetup").and().doNotHaveSimpleName("StoreLocation")
            .should().dependOnClassesThat().resideInAnyPackage("dev.scopekey.store..", "dev.scopekey.audit..");

    @ArchTest
    static final ArchRule jndiAndJdbc_areKnownToTheStoreLocationOnly = noClasses()
            .that().resideInAPackage("dev.scopekey.servlet..").and().doNotHaveSimpleName("StoreLocation")
            .should().dependOnClassesThat().resideInAnyPackage("javax.naming..", "javax.sql..");

    @ArchTest
    static final ArchRule servlet_neverUsesTheCli = noClasses().that().resideInAPackage("dev.scopekey.servlet..")
            .should().dependOnClassesThat().resideInAPackage("dev.scopekey.cli..");
}
