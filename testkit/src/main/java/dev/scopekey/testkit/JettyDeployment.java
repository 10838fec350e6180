package dev.scopekey.testkit;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A Jetty 12 (ee10) server on 127.0.0.1 and a free port, serving one application deployed as
 * a {@link WebApplication} describes it, with a scratch directory of its own that is
 * deleted on {@link #stop()}. The only class of the testkit that knows Jetty.
 */
final class JettyDeployment implements Deployment {
    private final Server server;
    private final ServletContextHandler context;
    private final Path scratch;

    static {
        JettyLogLevel.info();
    }

    private JettyDeployment(Server server, ServletContextHandler context, Path scratch) {
        this.server = server;
        this.context = context;
        this.scratch = scratch;
    }

    /**
     * Deploys and starts.
     *
     * @throws IllegalStateException if the application does not start (the cause says why)
     */
    static JettyDeployment start(WebApplication spec) {
        Path scratch = ScratchDirectory.create();
        Server server = new Server();
        try {
            HttpConfiguration http = new HttpConfiguration();
            http.setHeaderCacheCaseSensitive(true); // the default cache hands a case variant over as an earlier header
            ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
            connector.setHost("127.0.0.1");
            connector.setPort(0);
            server.addConnector(connector);
            ServletContextHandler context = spec.filter == null ? webApp(spec, scratch) : programmatic(spec);
            context.setContextPath(spec.contextPath);
            spec.attributes.forEach(context::setAttribute);
            server.setHandler(context);
            server.start();
            return new JettyDeployment(server, context, scratch);
        } catch (Exception e) {
            stopQuietly(server);
            ScratchDirectory.delete(scratch);
            throw new IllegalStateException("the web application did not start: " + e.getMessage(), e);
        }
    }

    @Override
    public int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    @Override
    public ServletContext servletContext() {
        return context.getServletContext();
    }

    @Override
    public void stop() throws Exception {
        try {
            server.stop();
        } finally {
            ScratchDirectory.delete(scratch);
        }
    }

    private static WebAppContext webApp(WebApplication spec, Path scratch) throws IOException {
        Path war = spec.webAppDirectory == null ? Files.createDirectories(scratch.resolve("webapp"))
                : spec.webAppDirectory;
        String webXml = spec.deployedWebXml();
        WebAppContext webapp = new WebAppContext();
        if (webXml != null) {
            Path descriptor = Files.createDirectories(scratch.resolve("descriptor")).resolve("web.xml");
            Files.writeString(descriptor, webXml, StandardCharsets.UTF_8);
            webapp.setDescriptor(descriptor.toString());
        }
        webapp.setWar(war.toString());
        webapp.setTempDirectory(Files.createDirectories(scratch.resolve("work")).toFile());
        webapp.setParentLoaderPriority(true);
        webapp.setThrowUnavailableOnStartupException(true);
        return webapp;
    }

    private static ServletContextHandler programmatic(WebApplication spec) {
        ServletContextHandler context = new ServletContextHandler();
        FilterHolder filter = new FilterHolder();
        if (spec.filter instanceof Filter) {
            filter.setFilter((Filter) spec.filter);
        } else if (spec.filter instanceof Class) {
            filter.setHeldClass(((Class<?>) spec.filter).asSubclass(Filter.class));
        } else {
            filter.setClassName((String) spec.filter);
        }
        filter.setInitParameters(spec.filterParams);
        context.addFilter(filter, spec.filterPattern, EnumSet.of(DispatcherType.REQUEST));
        for (WebApplication.ServletSpec declared : spec.servlets) {
            ServletHolder servlet = new ServletHolder();
            if (declared.servlet() instanceof Servlet) {
                servlet.setServlet((Servlet) declared.servlet());
            } else if (declared.servlet() instanceof Class) {
                servlet.setHeldClass(((Class<?>) declared.servlet()).asSubclass(Servlet.class));
            } else {
                servlet.setClassName((String) declared.servlet());
            }
            servlet.setInitParameters(declared.initParams());
            context.addServlet(servlet, declared.urlPattern());
        }
        return context;
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception ignored) {
            // the start failure is what the caller needs to see
        }
    }
}
