package dev.scopekey.demo;

import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * Starts the demo web application in an embedded Jetty on a loopback address:
 * {@code java -jar scopekey-demo.jar [--port 8080] [--host 127.0.0.1] [--help]}. The application is the
 * {@code WEB-INF/web.xml} packed in this jar, deployed as any container would deploy it.
 */
public final class DemoLauncher {
    private DemoLauncher() {
    }

    /**
     * Runs the demo until the process is stopped. {@code --help} prints the usage and exits 0; a
     * command line it cannot use exits 2 and a port it cannot listen on exits 1, each with one
     * line on stderr.
     */
    public static void main(String[] args) throws Exception {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args);
        } catch (IllegalArgumentException usage) {
            System.err.println("scopekey demo: " + usage.getMessage());
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(LaunchOptions.USAGE);
            System.out.println("Serves the demo web application on http://HOST:PORT (default http://"
                    + LaunchOptions.DEFAULT_HOST + ":" + LaunchOptions.DEFAULT_PORT + "; --port 0 picks a free port).");
            return;
        }
        Server server;
        try {
            server = start(options.host(), options.port());
        } catch (CannotListenException unusable) {
            System.err.println("scopekey demo: " + unusable.getMessage());
            System.exit(1);
            return;
        }
        server.join();
    }

    /** Deploys the packed web.xml on {@code host:port} (port 0 picks a free one) and prints where. */
    static Server start(String host, int port) throws Exception {
        Server server = new Server();
        HttpConfiguration http = new HttpConfiguration();
        // Jetty's default header cache ignores case: on a kept-alive connection a case variant of an
        // earlier Authorization header would reach the filter as the earlier spelling, a forged token as a real one
        http.setHeaderCacheCaseSensitive(true);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        bind(connector, host, port);
        WebAppContext webapp = new WebAppContext();
        webapp.setContextPath("/");
        webapp.setWar(unpackWebApp().toString());
        webapp.setParentLoaderPriority(true);
        webapp.setThrowUnavailableOnStartupException(true);
        hideInternals(server, webapp);
        server.setHandler(webapp);
        server.setStopAtShutdown(true);
        server.start();
        System.out.println("scopekey demo listening on http://" + host + ":" + connector.getLocalPort());
        System.out.flush();
        return server;
    }

    /**
     * Binds the port before anything starts, so that a port in use is one line, not a failed
     * start logged with its stack trace, and leaves no token file behind.
     */
    private static void bind(ServerConnector connector, String host, int port) throws CannotListenException {
        try {
            connector.open();
        } catch (IOException | RuntimeException e) {
            boolean inUse = false;
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                inUse |= cause instanceof BindException;
            }
            throw new CannotListenException("cannot listen on " + host + ":" + port + (inUse
                    ? ": the port is in use; choose another with --port N (0 picks a free one)"
                    : ": the address cannot be used; check --host"));
        }
    }

    /** The demo cannot listen where it was asked to; the message is the one line to show. */
    static final class CannotListenException extends Exception {
        CannotListenException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Error pages that give the status and nothing more: Jetty's defaults put the exception, its
     * message and a stack trace on the page of a 500.
     */
    static void hideInternals(Server server, WebAppContext webapp) {
        ErrorPageErrorHandler pages = new ErrorPageErrorHandler() {
            @Override
            protected boolean generateAcceptableResponse(Request request, Response response, Callback callback,
                    String contentType, List<Charset> charsets, int code, String message, Throwable cause)
                    throws IOException {
                return super.generateAcceptableResponse(request, response, callback, contentType, charsets, code,
                        shownMessage(code, message), null);
            }
        };
        ErrorHandler serverPages = new ErrorHandler();
        for (ErrorHandler handler : List.of(pages, serverPages)) {
            handler.setShowStacks(false);
            handler.setShowCauses(false);
            handler.setShowMessageInTitle(false);
            handler.setShowOrigin(false);
        }
        webapp.setErrorHandler(pages);
        server.setErrorHandler(serverPages);
    }

    /** A client error's message says what was wrong with the request; a server error's stays on the server. */
    private static String shownMessage(int code, String message) {
        return code >= 500 ? null : message;
    }

    /** Copies the web application's descriptor out of the class path into a fresh directory. */
    private static Path unpackWebApp() throws IOException {
        Path dir = Files.createTempDirectory("scopekey-demo-webapp");
        Path webInf = Files.createDirectories(dir.resolve("WEB-INF"));
        try (InputStream webXml = DemoLauncher.class.getResourceAsStream("/webapp/WEB-INF/web.xml")) {
            if (webXml == null) {
                throw new IllegalStateException("webapp/WEB-INF/web.xml is missing from the class path");
            }
            Files.copy(webXml, webInf.resolve("web.xml"), StandardCopyOption.REPLACE_EXISTING);
        }
        dir.toFile().deleteOnExit();
        webInf.toFile().deleteOnExit();
        webInf.resolve("web.xml").toFile().deleteOnExit();
        return dir;
    }
}
