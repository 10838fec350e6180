package dev.scopekey.demo;

import java.io.IOException;
import java.io.InputStream;
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
 * {@code java -jar scopekey-demo.jar [--port 8080] [--host 127.0.0.1]}. The application is the
 * {@code WEB-INF/web.xml} packed in this jar, deployed as any container would deploy it.
 */
public final class DemoLauncher {
    static final int DEFAULT_PORT = 8080;
    static final String DEFAULT_HOST = "127.0.0.1";

    private DemoLauncher() {
    }

    public static void main(String[] args) throws Exception {
        String host = DEFAULT_HOST;
        int port = DEFAULT_PORT;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--port") && i + 1 < args.length) {
                port = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--host") && i + 1 < args.length) {
                host = args[++i];
            } else {
                System.err.println("usage: java -jar scopekey-demo.jar [--port 8080] [--host 127.0.0.1]");
                System.exit(2);
            }
        }
        Server server = start(host, port);
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
