package dev.scopekey.servlet;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the filter learns from the {@link TokenAdminServlet} declarations of its application:
 * the paths they serve (which the filter lets through for any authenticated caller, since the
 * token service itself allows only root) and their {@code mint-rate}. Immutable.
 *
 * @param paths the admin paths
 * @param mintRate the mint rate they ask for, or null when none sets one
 */
record AdminMappings(PathSet paths, MintRate mintRate) {

    /**
     * Reads the servlet registrations of {@code context}.
     *
     * @throws IllegalArgumentException if a mapping is not a path mapping, or the servlets ask
     *     for different mint rates
     */
    static AdminMappings of(ServletContext context) {
        List<String> patterns = new ArrayList<>();
        String rate = null;
        for (ServletRegistration registration : registrations(context)) {
            if (!TokenAdminServlet.class.getName().equals(registration.getClassName())) {
                continue;
            }
            for (String mapping : registration.getMappings()) {
                patterns.add(pattern(mapping));
            }
            String own = registration.getInitParameter(MintRate.PARAM);
            if (own != null && rate != null && !rate.equals(own.strip())) {
                throw new IllegalArgumentException("the TokenAdminServlet declarations ask for different "
                        + MintRate.PARAM + " values");
            }
            rate = own == null ? rate : own.strip();
        }
        return new AdminMappings(PathSet.of(patterns), rate == null ? null : MintRate.parse(rate));
    }

    /** The path pattern a servlet mapping stands for. */
    static String pattern(String mapping) {
        if (mapping.isEmpty()) {
            return "/";
        }
        if (mapping.equals("/") || mapping.equals("/*")) {
            return "/**";
        }
        if (mapping.endsWith("/*")) {
            return mapping + "*";
        }
        if (mapping.startsWith("/") && mapping.indexOf('*') < 0) {
            return mapping;
        }
        throw new IllegalArgumentException("map TokenAdminServlet with a path mapping such as /api/auth/tokens/*, not "
                + mapping);
    }

    private static Iterable<? extends ServletRegistration> registrations(ServletContext context) {
        try {
            return context.getServletRegistrations().values();
        } catch (UnsupportedOperationException notOffered) {
            return List.of();
        }
    }
}
