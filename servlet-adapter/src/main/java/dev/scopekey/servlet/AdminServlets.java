package dev.scopekey.servlet;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the filter learns from the {@link TokenAdminServlet} declarations of its application:
 * their servlet names, so that a request the container dispatches to one of them passes the
 * filter with any valid token (the token service itself then allows only root), and their
 * {@code mint-rate}. The exemption follows the servlet that runs, not the URL: an application
 * servlet mapped inside the admin servlet's URL space is guarded like any other route.
 * Immutable and thread-safe.
 *
 * @param names the servlet names of the admin servlets
 * @param mintRate the mint rate they ask for, or null when none sets one
 */
record AdminServlets(Set<String> names, MintRate mintRate) {

    AdminServlets {
        names = Set.copyOf(names);
    }

    /**
     * Reads the servlet registrations of {@code context}.
     *
     * @throws IllegalArgumentException if the admin servlets ask for different mint rates
     */
    static AdminServlets of(ServletContext context) {
        Set<String> names = new HashSet<>();
        String rate = null;
        for (Map.Entry<String, ? extends ServletRegistration> entry : registrations(context).entrySet()) {
            ServletRegistration registration = entry.getValue();
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
        return new AdminServlets(names, rate == null ? null : MintRate.parse(rate));
    }

    /**
     * Whether the container dispatches {@code request} to one of the admin servlets; without
     * any, the request's mapping is not asked for.
     */
    boolean serve(HttpServletRequest request) {
        if (names.isEmpty()) {
            return false;
        }
        HttpServletMapping mapping = request.getHttpServletMapping();
        String servlet = mapping == null ? null : mapping.getServletName();
        return servlet != null && names.contains(servlet);
    }

    private static Map<String, ? extends ServletRegistration> registrations(ServletContext context) {
        try {
            return context.getServletRegistrations();
        } catch (UnsupportedOperationException notOffered) {
            return Map.of();
        }
    }
}
