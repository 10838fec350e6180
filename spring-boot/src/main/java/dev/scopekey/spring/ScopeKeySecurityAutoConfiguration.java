package dev.scopekey.spring;

import dev.scopekey.service.TokenService;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;

/**
 * Spring Security with scopekey tokens, when {@code spring-security-oauth2-resource-server} is on
 * the class path: a {@link ScopeKeyOpaqueTokenIntrospector} over the {@link TokenService} (so
 * {@code http.oauth2ResourceServer(o -> o.opaqueToken(withDefaults()))} and Boot's default resource
 * server chain use it), and {@link ScopeKeyOutageFilter} at order {@value #OUTAGE_FILTER_ORDER},
 * between {@code ScopeKeyFilter} and Spring Security, so a store outage is a 503.
 */
@AutoConfiguration(after = ScopeKeyAutoConfiguration.class, beforeName =
        "org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration")
@ConditionalOnClass(OpaqueTokenIntrospector.class)
public class ScopeKeySecurityAutoConfiguration {
    /** The outage filter's order: after {@code ScopeKeyFilter}, before Spring Security ({@code -100}). */
    public static final int OUTAGE_FILTER_ORDER = -105;

    /** Creates the configuration. */
    public ScopeKeySecurityAutoConfiguration() {
    }

    /**
     * The introspector over the token service.
     *
     * @param service the token service
     * @return the introspector
     */
    @Bean
    @ConditionalOnBean(TokenService.class)
    @ConditionalOnMissingBean(OpaqueTokenIntrospector.class)
    public ScopeKeyOpaqueTokenIntrospector scopekeyOpaqueTokenIntrospector(TokenService service) {
        return new ScopeKeyOpaqueTokenIntrospector(service);
    }

    /**
     * The filter that answers a store outage seen by Spring Security with 503.
     *
     * @return its registration
     */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnMissingBean(name = "scopekeyOutageFilter")
    public FilterRegistrationBean<ScopeKeyOutageFilter> scopekeyOutageFilter() {
        FilterRegistrationBean<ScopeKeyOutageFilter> registration =
                new FilterRegistrationBean<>(new ScopeKeyOutageFilter());
        registration.setName("scopekeyOutageFilter");
        registration.setOrder(OUTAGE_FILTER_ORDER);
        registration.setAsyncSupported(true);
        return registration;
    }
}
