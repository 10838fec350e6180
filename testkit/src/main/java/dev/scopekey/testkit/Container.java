package dev.scopekey.testkit;

import java.util.Locale;

/**
 * The servlet container an {@link HttpHarness} runs an application on: Jetty 12 (ee10) or an
 * embedded Tomcat 10.1. One suite of HTTP tests runs on either, so what differs between
 * containers shows up in the tests and not in production. A {@link WebApplication} takes its
 * container from {@link WebApplication#container(Container)}, or else from the system property
 * {@value #PROPERTY} ({@code jetty} or {@code tomcat}; {@code jetty} when unset). The chosen
 * container's jars must be on the test class path.
 */
public enum Container {
    /** Jetty 12, ee10 ({@code org.eclipse.jetty.ee10:jetty-ee10-webapp}). */
    JETTY,
    /** Embedded Tomcat 10.1 ({@code org.apache.tomcat.embed:tomcat-embed-core}). */
    TOMCAT;

    /** The system property that chooses the container for applications that name none. */
    public static final String PROPERTY = "scopekey.test.container";

    /**
     * The container the system property {@value #PROPERTY} names, or {@link #JETTY} when it is unset or blank.
     *
     * @return the configured container
     * @throws IllegalArgumentException if the property names no known container
     */
    public static Container configured() {
        String name = System.getProperty(PROPERTY, "").strip();
        if (name.isEmpty()) {
            return JETTY;
        }
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PROPERTY + " is jetty or tomcat, not '" + name + "'", e);
        }
    }

    /** Deploys and starts {@code spec} on this container. */
    Deployment deploy(WebApplication spec) {
        return this == TOMCAT ? TomcatDeployment.start(spec) : JettyDeployment.start(spec);
    }
}
