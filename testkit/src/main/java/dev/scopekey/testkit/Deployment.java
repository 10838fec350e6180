package dev.scopekey.testkit;

import jakarta.servlet.ServletContext;

/**
 * One started application on one container, as {@link HttpHarness} sees it: where it listens,
 * its servlet context, and how it stops. Each container's class is the only one that knows it.
 */
interface Deployment {
    /** The port on {@code 127.0.0.1}. */
    int port();

    /** The running application's servlet context. */
    ServletContext servletContext();

    /** Stops the container and deletes its scratch directory. */
    void stop() throws Exception;
}
