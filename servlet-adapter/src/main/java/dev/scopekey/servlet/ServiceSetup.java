package dev.scopekey.servlet;

import dev.scopekey.audit.Slf4jAuditSink;
import dev.scopekey.port.TokenStore;
import dev.scopekey.service.TokenService;
import dev.scopekey.service.TokenServiceBuilder;
import jakarta.servlet.ServletContext;
import java.util.function.UnaryOperator;

/**
 * Where the filter's {@link TokenService} comes from: the servlet context attribute
 * {@value ScopeKeyFilter#SERVICE_ATTRIBUTE} when the application put one there, else a service
 * the filter builds over the {@code store} init-param, with the SLF4J audit sink, the
 * break-glass token from {@code admin-token-env} and the admin servlet's {@code mint-rate}. The
 * one class of the adapter that knows concrete stores.
 */
final class ServiceSetup {
    private final TokenService service;
    private final TokenStore builtStore;

    private ServiceSetup(TokenService service, TokenStore builtStore) {
        this.service = service;
        this.builtStore = builtStore;
    }

    /**
     * Finds or builds the service.
     *
     * @param environment reads environment variables
     * @throws IllegalArgumentException if the configuration is incomplete or contradictory
     */
    static ServiceSetup resolve(ServletContext context, FilterSettings settings, PolicySettings policies,
                                MintRate mintRate, UnaryOperator<String> environment) {
        Object given = context.getAttribute(ScopeKeyFilter.SERVICE_ATTRIBUTE);
        if (given != null) {
            if (!(given instanceof TokenService)) {
                throw new IllegalArgumentException("the context attribute " + ScopeKeyFilter.SERVICE_ATTRIBUTE
                        + " holds a " + given.getClass().getName() + ", not a TokenService");
            }
            if (policies.any()) {
                throw new IllegalArgumentException("the application supplies its own TokenService in "
                        + ScopeKeyFilter.SERVICE_ATTRIBUTE + "; configure its policies on its builder, not with "
                        + "init-params such as " + String.join(", ", new java.util.TreeSet<>(PolicySettings.NAMES)));
            }
            if (settings.store() != null || settings.adminTokenEnv() != null || mintRate != null) {
                throw new IllegalArgumentException("the application supplies its own TokenService in "
                        + ScopeKeyFilter.SERVICE_ATTRIBUTE + "; configure its store, admin token and mint rate "
                        + "on its builder (ScopeKey.tokens(store)), not with store, admin-token-env or mint-rate");
            }
            return new ServiceSetup((TokenService) given, null);
        }
        if (settings.store() == null) {
            throw new IllegalArgumentException("init-param store is required (file:<path> or jndi:<name>) unless "
                    + "the application puts a TokenService in the context attribute "
                    + ScopeKeyFilter.SERVICE_ATTRIBUTE);
        }
        TokenStore store = StoreLocation.open(settings.store());
        TokenServiceBuilder builder;
        try {
            builder = builder(store, mintRate, settings.adminTokenEnv(), environment);
        } catch (IllegalArgumentException badToken) {
            closeQuietly(store);
            throw badToken;
        }
        try {
            return new ServiceSetup(policies.applyTo(builder).build(), store);
        } catch (IllegalArgumentException | IllegalStateException badPolicy) {
            closeQuietly(store);
            throw badPolicy;
        }
    }

    /**
     * A builder of the service over {@code store} as the filter configures it: the SLF4J audit
     * sink, {@code mintRate} (or the default) and the break-glass token from the variable
     * {@code adminTokenEnv} names.
     *
     * @throws IllegalArgumentException if that variable holds no valid token
     */
    static TokenServiceBuilder builder(TokenStore store, MintRate mintRate, String adminTokenEnv,
                                       UnaryOperator<String> environment) {
        MintRate rate = mintRate == null ? MintRate.DEFAULT : mintRate;
        String adminToken = adminTokenEnv == null ? null : environment.apply(adminTokenEnv);
        try {
            return TokenService.builder(store)
                    .audit(new Slf4jAuditSink())
                    .mintRate(rate.permits(), rate.period())
                    .adminToken(adminToken);
        } catch (IllegalArgumentException badToken) {
            throw new IllegalArgumentException("the variable named by admin-token-env must hold printable ASCII "
                    + "without spaces");
        }
    }

    TokenService service() {
        return service;
    }

    /** Whether the filter built the service (and so publishes and closes it). */
    boolean built() {
        return builtStore != null;
    }

    /** Closes what the filter built: the service (flushing last-use times), then its store. */
    void close() {
        if (builtStore != null) {
            service.close();
            closeQuietly(builtStore);
        }
    }

    private static void closeQuietly(TokenStore store) {
        if (store instanceof AutoCloseable) {
            try {
                ((AutoCloseable) store).close();
            } catch (Exception ignored) {
                // closing on shutdown; nothing left to save
            }
        }
    }
}
