package dev.scopekey.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The testkit uses the core and the test libraries a suite brings; it never needs the servlet
 * adapter's classes (so the adapter's own tests can use it), and only one class knows Jetty.
 */
@AnalyzeClasses(packages = "dev.scopekey.testkit", importOptions = ImportOption.DoNotIncludeTests.class)
class TestkitArchitectureTest {

    @ArchTest
    static final ArchRule testkit_neverUsesTheServletAdapterOrTheCli = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("dev.scopekey.servlet..", "dev.scopekey.cli..");

    @ArchTest
    static final ArchRule testkit_usesCoreAndTheSuitesTestLibrariesOnly = classes()
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.xml..", "org.w3c.dom..",
                    "org.xml.sax..", "dev.scopekey..", "org.junit..", "org.opentest4j..", "net.jqwik..",
                    "jakarta.servlet..", "org.eclipse.jetty..", "org.slf4j..");

    @ArchTest
    static final ArchRule jetty_isKnownToTheDeploymentOnly = noClasses()
            .that().doNotHaveSimpleName("JettyDeployment")
            .should().dependOnClassesThat().resideInAPackage("org.eclipse.jetty..");

    @ArchTest
    static final ArchRule servletApi_isKnownToTheHttpHarnessOnly = noClasses()
            .that().doNotHaveSimpleName("JettyDeployment").and().doNotHaveSimpleName("HttpHarness")
            .and().doNotHaveSimpleName("WebApplication")
            .should().dependOnClassesThat().resideInAPackage("jakarta.servlet..");
}
