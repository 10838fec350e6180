package dev.scopekey.servlet;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the filter learns from the {@link TokenAdminServlet} and {@link TokenIntrospectionServlet}
 * declarations of its application: the admin servlets' names, so that a request the container
 * dispatches to one of them passes the filter with any valid token (the token service itself then
 * allows only root), and their {@code mint-rate}; the introspection servlets' names, so that a
 * request dispatched to one of them passes the filter untouched (it authenticates its caller
 * itself, with credentials the filter does not know). Each exemption follows the servlet that
 * runs, not the URL: an application servlet mapped inside their URL space is guarded like any
 * other route. Immutable and thread-safe.
 *
 * @param names the servlet names of the admin servlets
 * @param introspection the servlet names of the introspection servlets
 * @param mintRate the mint rate they ask for, or null when none sets one
 */
record AdminServlets(Set<String> names, Set<String> introspection, MintRate mintRate) {

    AdminServlets {
        names = Set.copyOf(names);
        introspection = Set.copyOf(introspection);
    }

    /**
     * Reads the servlet registrations of {@code context}.
     *
     * @throws IllegalArgumentException if the admin servlets ask for different mint rates
     */
    static AdminServlets of(ServletContext context) {
        Set<String> names = new HashSet<>();
        Set<String> introspection = new HashSet<>();
        String rate = null;
        for (Map.Entry<String, ? extends ServletRegistration> entry : registrations(context).entrySet()) {
            ServletRegistration registration = entry.getValue();
            if (TokenIntrospectionServlet.class.getName().equals(registration.getClassName())) {
                introspection.add(entry.getKey());
            }
            if (!TokenAdminServlet.class.getName().equals(registration.getClassName())) {
                continue;
            }
            names.add(entry.getKey());
            String own = registration.getInitParameter(MintRate.PARAM);
            if (own != null && rate != null && !rate.equals(own.strip())) {
                throw new IllegalArgumentException("the TokenAdminServlet declarations ask for different "
                        + MintRate.PARAM + " values");
            }
            rate = own == null ? rate : own.strip();
        }
        return new AdminServlets(names, introspection, rate == null ? null : MintRate.parse(rate));
    }

    /**
     * Whether the container dispatches {@code request} to one of the admin servlets; without
     * any, the request's mapping is not asked for.
     */
    boolean serve(HttpServletRequest request) {
        return dispatchedToOneOf(names, request);
    }

    /**
     * Whether the container dispatches {@code request} to one of the introspection servlets,
     * which check their callers themselves.
     */
    boolean introspect(HttpServletRequest request) {
        return dispatchedToOneOf(introspection, request);
    }

    /** Without any servlet in {@code servlets}, the request's mapping is not asked for. */
    private static boolean dispatchedToOneOf(Set<String> servlets, HttpServletRequest request) {
        if (servlets.isEmpty()) {
            return false;
        }
        HttpServletMapping mapping = request.getHttpServletMapping();
        String servlet = mapping == null ? null : mapping.getServletName();
        return servlet != null && servlets.contains(servlet);
    }

    private static Map<String, ? extends ServletRegistration> registrations(ServletContext context) {
        try {
            return context.getServletRegistrations();
        } catch (UnsupportedOperationException notOffered) {
            return Map.of();
        }
    }
}
