package dev.scopekey.testkit;

import java.lang.reflect.Method;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts Jetty's loggers at INFO, as a careful operator does, unless the test suite chose their
 * level itself: at DEBUG the harness's own server logs every request's headers, bearer token
 * included, into the output {@link SecretLeakGuard} reads. It knows slf4j-simple (levels come
 * from system properties when a logger is created) and Logback (set by reflection, so the
 * testkit needs no Logback); the application's loggers are never touched.
 */
final class JettyLogLevel {
    private static final String JETTY = "org.eclipse.jetty";
    private static final String SIMPLE_LOGGER_LEVEL = "org.slf4j.simpleLogger.log." + JETTY;
    private static final String LOGBACK_LOGGER = "ch.qos.logback.classic.Logger";

    private JettyLogLevel() {
    }

    /** Call before Jetty creates its loggers. */
    static void info() {
        if (System.getProperty(SIMPLE_LOGGER_LEVEL) == null) {
            System.setProperty(SIMPLE_LOGGER_LEVEL, "info");
        }
        Logger jetty = LoggerFactory.getLogger(JETTY);
        if (jetty.getClass().getName().equals(LOGBACK_LOGGER)) {
            setLogbackLevel(jetty);
        }
    }

    private static void setLogbackLevel(Logger jetty) {
        try {
            if (jetty.getClass().getMethod("getLevel").invoke(jetty) != null) {
                return;
            }
            Class<?> level = Class.forName("ch.qos.logback.classic.Level", true, jetty.getClass().getClassLoader());
            Method setLevel = jetty.getClass().getMethod("setLevel", level);
            setLevel.invoke(jetty, level.getField("INFO").get(null));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot set the level of Logback's logger " + JETTY, e);
        }
    }
}
