package dev.scopekey.testkit;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.apache.catalina.Context;
import org.apache.catalina.Host;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.loader.WebappLoader;
import org.apache.catalina.startup.ContextConfig;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/**
 * An embedded Tomcat 10.1 on 127.0.0.1 and a free port, serving one application deployed as a
 * {@link WebApplication} describes it, set up as a careful operator sets up a Tomcat and as
 * {@link JettyDeployment} sets up Jetty: error pages without report or server information, no
 * directory listings, no JSP, request bodies decoded as UTF-8 unless the web.xml says otherwise, request headers never copied into log lines
 * ({@value #USER_DATA_LOGGING} is {@code NONE} unless the suite chose otherwise), the test class
 * path first for the application, and a base directory of its own that is deleted on
 * {@link #stop()}. A filter or servlet that fails to start fails the start. The only class of the
 * testkit that knows Tomcat.
 */
final class TomcatDeployment implements Deployment {
    /** Tomcat's switch for logging request data (a header with a NUL byte, the bearer token in it) on errors. */
    static final String USER_DATA_LOGGING = "org.apache.juli.logging.UserDataHelper.CONFIG";
    private static final String CATALINA_LOGGER = "org.apache.catalina";

    private final Tomcat tomcat;
    private final Context context;
    private final Path scratch;

    static {
        if (System.getProperty(USER_DATA_LOGGING) == null) {
            System.setProperty(USER_DATA_LOGGING, "NONE");
        }
    }

    private TomcatDeployment(Tomcat tomcat, Context context, Path scratch) {
        this.tomcat = tomcat;
        this.context = context;
        this.scratch = scratch;
    }

    /**
     * Deploys and starts.
     *
     * @throws IllegalStateException if the application does not start (the cause says why)
     */
    static TomcatDeployment start(WebApplication spec) {
        Path scratch = ScratchDirectory.create();
        Tomcat tomcat = new Tomcat();
        StartFailures failures = new StartFailures();
        Logger catalina = Logger.getLogger(CATALINA_LOGGER);
        catalina.addHandler(failures);
        try {
            tomcat.setBaseDir(Files.createDirectories(scratch.resolve("base")).toString());
            Connector connector = new Connector();
            connector.setPort(0);
            connector.setProperty("address", "127.0.0.1");
            tomcat.setConnector(connector);
            Host host = tomcat.getHost();
            host.setAutoDeploy(false);
            ErrorReportValve errors = new ErrorReportValve();
            errors.setShowReport(false);
            errors.setShowServerInfo(false);
            host.getPipeline().addValve(errors);
            String path = spec.contextPath.equals("/") ? "" : spec.contextPath;
            Context context = spec.filter == null ? webApp(tomcat, spec, path, scratch) : programmatic(tomcat, spec,
                    path, scratch);
            WebappLoader loader = new WebappLoader();
            loader.setDelegate(true); // the test's classes, as Jetty's parent loader priority gives them
            context.setLoader(loader);
            context.setParentClassLoader(Thread.currentThread().getContextClassLoader());
            ((StandardContext) context).setFailCtxIfServletStartFails(true);
            context.addLifecycleListener(event -> {
                if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                    spec.attributes.forEach(context.getServletContext()::setAttribute);
                } else if (Lifecycle.CONFIGURE_START_EVENT.equals(event.getType())
                        && context.getRequestCharacterEncoding() == null) {
                    context.setRequestCharacterEncoding("UTF-8"); // Jetty's default for forms; Tomcat's is ISO-8859-1
                }
            });
            tomcat.start();
            if (context.getState() != LifecycleState.STARTED) {
                throw failures.asException();
            }
            return new TomcatDeployment(tomcat, context, scratch);
        } catch (Exception e) {
            stopQuietly(tomcat);
            ScratchDirectory.delete(scratch);
            throw new IllegalStateException("the web application did not start: " + e.getMessage(), e);
        } finally {
            catalina.removeHandler(failures);
        }
    }

    @Override
    public int port() {
        return tomcat.getConnector().getLocalPort();
    }

    @Override
    public ServletContext servletContext() {
        return context.getServletContext();
    }

    @Override
    public void stop() throws Exception {
        try {
            tomcat.stop();
            tomcat.destroy();
        } finally {
            ScratchDirectory.delete(scratch);
        }
    }

    private static Context webApp(Tomcat tomcat, WebApplication spec, String path, Path scratch) throws IOException {
        Path war = spec.webAppDirectory == null ? Files.createDirectories(scratch.resolve("webapp"))
                : spec.webAppDirectory;
        tomcat.setAddDefaultWebXmlToWebapp(false); // its defaults map JSP, which the test class path lacks
        Context context = tomcat.addWebapp(tomcat.getHost(), path, war.toAbsolutePath().toString(),
                new ContextConfig());
        String webXml = spec.deployedWebXml();
        if (webXml != null) {
            Path descriptor = Files.createDirectories(scratch.resolve("descriptor")).resolve("web.xml");
            Files.writeString(descriptor, webXml, StandardCharsets.UTF_8);
            context.setAltDDName(descriptor.toString());
        }
        context.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                defaults(context);
            }
        });
        return context;
    }

    /** What Tomcat's own defaults give every application, less JSP: static files, MIME types, welcome files. */
    private static void defaults(Context context) {
        Wrapper files = Tomcat.addServlet(context, "default", "org.apache.catalina.servlets.DefaultServlet");
        files.addInitParameter("listings", "false");
        files.setLoadOnStartup(1);
        files.setOverridable(true);
        context.addServletMappingDecoded("/", "default");
        Tomcat.addDefaultMimeTypeMappings(context);
        context.addWelcomeFile("index.html");
        context.addWelcomeFile("index.htm");
    }

    private static Context programmatic(Tomcat tomcat, WebApplication spec, String path, Path scratch)
            throws IOException {
        Context context = tomcat.addContext(path, Files.createDirectories(scratch.resolve("webapp")).toString());
        FilterDef filter = new FilterDef();
        filter.setFilterName("filter");
        if (spec.filter instanceof Filter) {
            filter.setFilter((Filter) spec.filter);
            filter.setFilterClass(spec.filter.getClass().getName());
        } else if (spec.filter instanceof Class) {
            filter.setFilterClass(((Class<?>) spec.filter).asSubclass(Filter.class).getName());
        } else {
            filter.setFilterClass((String) spec.filter);
        }
        spec.filterParams.forEach(filter::addInitParameter);
        context.addFilterDef(filter);
        FilterMap mapping = new FilterMap();
        mapping.setFilterName("filter");
        mapping.addURLPatternDecoded(spec.filterPattern);
        mapping.setDispatcher(DispatcherType.REQUEST.name());
        context.addFilterMap(mapping);
        defaults(context); // as on Jetty, the filter also sees requests no servlet of the test maps
        int index = 0;
        for (WebApplication.ServletSpec declared : spec.servlets) {
            String name = "servlet-" + index++;
            Wrapper servlet = declared.servlet() instanceof Servlet
                    ? Tomcat.addServlet(context, name, (Servlet) declared.servlet())
                    : Tomcat.addServlet(context, name, declared.servlet() instanceof Class
                            ? ((Class<?>) declared.servlet()).asSubclass(Servlet.class).getName()
                            : (String) declared.servlet());
            declared.initParams().forEach(servlet::addInitParameter);
            context.addServletMappingDecoded(declared.urlPattern(), name);
        }
        return context;
    }

    private static void stopQuietly(Tomcat tomcat) {
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (Exception ignored) {
            // the start failure is what the caller needs to see
        }
    }

    /**
     * Tomcat logs why a filter, servlet or descriptor failed and carries on with a context that
     * did not start; this keeps what it logged, so the start fails with the reason as its cause.
     */
    private static final class StartFailures extends Handler {
        private final List<LogRecord> records = new ArrayList<>();

        @Override
        public synchronized void publish(LogRecord record) {
            if (record.getThrown() != null || record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                records.add(record);
            }
        }

        synchronized Exception asException() {
            for (LogRecord record : records) {
                if (record.getThrown() != null) {
                    return new IllegalStateException(record.getMessage(), record.getThrown());
                }
            }
            StringBuilder messages = new StringBuilder("the context did not start");
            records.forEach(record -> messages.append("; ").append(record.getMessage()));
            return new IllegalStateException(messages.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
