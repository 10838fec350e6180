package dev.scopekey.servlet;

import dev.scopekey.service.TokenService;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletContext;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.Map;

/** A servlet's configuration without a container: init-params, and a context holding a service or none. */
final class TestServletConfig {
    private TestServletConfig() {
    }

    static ServletConfig of(TokenService service, Map<String, String> initParams) {
        ServletContext context = (ServletContext) Proxy.newProxyInstance(ServletContext.class.getClassLoader(),
                new Class<?>[] {ServletContext.class}, (p, method, args) -> switch (method.getName()) {
                    case "getAttribute" -> ScopeKeyFilter.SERVICE_ATTRIBUTE.equals(args[0]) ? service : null;
                    case "log" -> null;
                    case "toString" -> "test context";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (ServletConfig) Proxy.newProxyInstance(ServletConfig.class.getClassLoader(),
                new Class<?>[] {ServletConfig.class}, (p, method, args) -> switch (method.getName()) {
                    case "getServletContext" -> context;
                    case "getServletName" -> "under-test";
                    case "getInitParameterNames" -> Collections.enumeration(initParams.keySet());
                    case "getInitParameter" -> initParams.get((String) args[0]);
                    case "toString" -> "test config";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
