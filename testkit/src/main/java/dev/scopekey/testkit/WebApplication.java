package dev.scopekey.testkit;

import dev.scopekey.service.TokenService;
import jakarta.servlet.Servlet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An application for {@link HttpHarness} to deploy: a web application directory, a web.xml, or a
 * filter with servlets (made by {@code HttpHarness.webApp}, {@code webXml} and {@code filter}),
 * with its context attributes, context path and {@link Container}. Reusable: each {@link #start()}
 * starts a new container. Not thread-safe.
 */
public final class WebApplication {
    final Path webAppDirectory;
    final String webXmlText;
    final Object filter;
    final Map<String, String> filterParams = new LinkedHashMap<>();
    String filterPattern = "/*";
    final List<ServletSpec> servlets = new ArrayList<>();
    final Map<String, Object> attributes = new LinkedHashMap<>();
    String contextPath = "/";
    boolean suppliedService;
    private Container container;

    /** A servlet to add, by class name, class or instance, with its mapping and init-params. */
    record ServletSpec(String urlPattern, Object servlet, Map<String, String> initParams) {
    }

    WebApplication(Path webAppDirectory, String webXmlText, Object filter) {
        this.webAppDirectory = webAppDirectory;
        this.webXmlText = webXmlText;
        this.filter = filter;
    }

    /**
     * An init-param of the filter (filter applications only).
     *
     * @param name the parameter's name
     * @param value its value
     * @return this application
     */
    public WebApplication initParam(String name, String value) {
        requireFilter("initParam");
        filterParams.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /**
     * Maps the filter at this URL pattern instead of {@code /*} (filter applications only).
     *
     * @param urlPattern the pattern
     * @return this application
     */
    public WebApplication filterPattern(String urlPattern) {
        requireFilter("filterPattern");
        filterPattern = Objects.requireNonNull(urlPattern, "urlPattern");
        return this;
    }

    /**
     * Adds a servlet class at this URL pattern (filter applications only).
     *
     * @param urlPattern the pattern
     * @param type the servlet's class
     * @return this application
     */
    public WebApplication servlet(String urlPattern, Class<? extends Servlet> type) {
        return servlet(urlPattern, type, Map.of());
    }

    /**
     * Adds a servlet class with init-params at this URL pattern (filter applications only).
     *
     * @param urlPattern the pattern
     * @param type the servlet's class
     * @param initParams its init parameters
     * @return this application
     */
    public WebApplication servlet(String urlPattern, Class<? extends Servlet> type, Map<String, String> initParams) {
        return addServlet(urlPattern, Objects.requireNonNull(type, "type"), initParams);
    }

    /**
     * Adds a servlet by class name, with init-params, at this URL pattern (filter applications only).
     *
     * @param urlPattern the pattern
     * @param className the servlet's class name
     * @param initParams its init parameters
     * @return this application
     */
    public WebApplication servlet(String urlPattern, String className, Map<String, String> initParams) {
        return addServlet(urlPattern, Objects.requireNonNull(className, "className"), initParams);
    }

    /**
     * Adds a servlet instance at this URL pattern (filter applications only).
     *
     * @param urlPattern the pattern
     * @param instance the servlet
     * @return this application
     */
    public WebApplication servlet(String urlPattern, Servlet instance) {
        return addServlet(urlPattern, Objects.requireNonNull(instance, "instance"), Map.of());
    }

    /**
     * A servlet context attribute, set before any filter or servlet starts.
     *
     * @param name the attribute's name
     * @param value its value
     * @return this application
     */
    public WebApplication attribute(String name, Object value) {
        attributes.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /**
     * Hands {@code service} to the scopekey filter through {@link HttpHarness#TOKEN_SERVICE_ATTRIBUTE}. For
     * a web.xml application, also leaves out the init-params the filter refuses beside a supplied
     * service ({@code store} and {@code admin-token-env} of {@code ScopeKeyFilter}, {@code mint-rate}
     * of {@code TokenAdminServlet}), so the application's own web.xml runs on the test's service.
     *
     * @param service the service the filter uses
     * @return this application
     */
    public WebApplication tokenService(TokenService service) {
        suppliedService = filter == null;
        return attribute(HttpHarness.TOKEN_SERVICE_ATTRIBUTE, service);
    }

    /**
     * The context path, {@code /} (the default) or {@code /name}.
     *
     * @param path the context path, such as {@code /app}
     * @return this application
     */
    public WebApplication contextPath(String path) {
        if (!path.equals("/") && (!path.startsWith("/") || path.endsWith("/"))) {
            throw new IllegalArgumentException("a context path is / or /name, without a trailing slash");
        }
        contextPath = path;
        return this;
    }

    /**
     * Starts a new container with this application.
     *
     * @return the running harness, for the test to close
     * @throws IllegalStateException if the application does not start; the causes say why
     */
    public HttpHarness start() {
        return new HttpHarness(chosenContainer().deploy(this), contextPath);
    }

    /**
     * Runs this application on {@code container} instead of the one the system property
     * {@value Container#PROPERTY} names.
     *
     * @param container the container
     * @return this application
     */
    public WebApplication container(Container container) {
        this.container = Objects.requireNonNull(container, "container");
        return this;
    }

    /** The container this application starts on: the one chosen here, else {@link Container#configured()}. */
    Container chosenContainer() {
        return container == null ? Container.configured() : container;
    }

    /**
     * The web.xml to deploy in place of the application directory's own (rewritten for a supplied
     * service), or null where the directory's own serves as it is or there is none (a filter application).
     */
    String deployedWebXml() throws IOException {
        String xml = webXmlText;
        if (xml == null && webAppDirectory != null && suppliedService) {
            xml = Files.readString(webAppDirectory.resolve("WEB-INF/web.xml"), StandardCharsets.UTF_8);
        }
        return xml != null && suppliedService ? WebXmlRewriter.withoutServiceParams(xml) : xml;
    }

    private WebApplication addServlet(String urlPattern, Object servlet, Map<String, String> initParams) {
        requireFilter("servlet");
        servlets.add(new ServletSpec(Objects.requireNonNull(urlPattern, "urlPattern"), servlet,
                Map.copyOf(initParams)));
        return this;
    }

    private void requireFilter(String method) {
        if (filter == null) {
            throw new IllegalStateException(method + " configures a filter application; a web.xml says it itself");
        }
    }
}
