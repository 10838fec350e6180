package dev.scopekey.spring;

import dev.scopekey.micrometer.ScopeKeyMetrics;
import dev.scopekey.port.ServiceMetrics;
import dev.scopekey.port.TokenStore;
import dev.scopekey.servlet.ScopeKeyFilter;
import dev.scopekey.servlet.TokenAdminServlet;
import dev.scopekey.service.TokenService;
import dev.scopekey.service.TokenServiceBuilder;
import jakarta.servlet.ServletRegistration;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring Boot's scopekey: a {@link TokenStore} as {@code scopekey.store} names it (the
 * application's {@code DataSource}, a token file or memory), the {@link TokenService} over it,
 * and in a servlet web application {@link ScopeKeyFilter} (order {@value #FILTER_ORDER}, before
 * Spring Security) and {@link TokenAdminServlet} at {@code scopekey.admin-api-path}. Each bean
 * backs off when the application defines its own. With Spring Boot Actuator a
 * {@link ScopeKeyHealthIndicator}; with {@code scopekey-micrometer} the service's meters.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
        "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration",
        "org.springframework.boot.autoconfigure.liquibase.LiquibaseAutoConfiguration"})
@EnableConfigurationProperties(ScopeKeyProperties.class)
public class ScopeKeyAutoConfiguration {
    /** The filter's order: before Spring Security's filter chain ({@code -100}). */
    public static final int FILTER_ORDER = -110;
    /** The servlet name of the admin API, which the filter recognises as the admin servlet. */
    public static final String ADMIN_SERVLET_NAME = "scopekeyTokenAdmin";

    /** Creates the configuration. */
    public ScopeKeyAutoConfiguration() {
    }

    /**
     * The store {@code scopekey.store} names.
     *
     * @param properties the {@code scopekey.*} properties
     * @param dataSource the application's data source, for {@code jdbc}
     * @return the store
     */
    @Bean
    @ConditionalOnMissingBean(TokenStore.class)
    @DependsOnDatabaseInitialization
    public TokenStore scopekeyTokenStore(ScopeKeyProperties properties, ObjectProvider<DataSource> dataSource) {
        properties.validate();
        return StoreFactory.open(properties, dataSource::getIfAvailable);
    }

    /**
     * The token service over the store, configured as the filter would configure it.
     *
     * @param properties the {@code scopekey.*} properties
     * @param store the store
     * @param metrics a metrics listener, when there is one
     * @return the service
     */
    @Bean
    @ConditionalOnMissingBean(TokenService.class)
    public TokenService scopekeyTokenService(ScopeKeyProperties properties, TokenStore store,
                                             ObjectProvider<ServiceMetrics> metrics) {
        properties.validate();
        TokenServiceBuilder builder = ScopeKeyFilter.serviceBuilder(store, properties.getAdminTokenEnv(),
                properties.getMintRate());
        metrics.ifAvailable(builder::metrics);
        return builder.build();
    }

    /** The filter and the admin API in a servlet web application. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(ScopeKeyFilter.class)
    public static class Web {
        /** Creates the configuration. */
        public Web() {
        }

        /**
         * The filter, with the {@code scopekey.*} properties as its init-params.
         *
         * @param properties the {@code scopekey.*} properties
         * @return its registration
         */
        @Bean
        @ConditionalOnMissingBean(name = "scopekeyFilter")
        public FilterRegistrationBean<ScopeKeyFilter> scopekeyFilter(ScopeKeyProperties properties) {
            properties.validate();
            FilterRegistrationBean<ScopeKeyFilter> registration = new FilterRegistrationBean<>(new ScopeKeyFilter());
            registration.setName("scopekeyFilter");
            registration.setInitParameters(properties.filterInitParameters());
            registration.setOrder(FILTER_ORDER);
            registration.setAsyncSupported(true);
            return registration;
        }

        /**
         * Puts the service where the filter and the admin servlet find it, and maps the admin servlet.
         *
         * @param properties the {@code scopekey.*} properties
         * @param service the token service
         * @return the initializer
         */
        @Bean
        public ServletContextInitializer scopekeyServletContext(ScopeKeyProperties properties, TokenService service) {
            String path = properties.getAdminApiPath() == null ? "" : properties.getAdminApiPath().strip();
            return context -> {
                context.setAttribute(ScopeKeyFilter.SERVICE_ATTRIBUTE, service);
                if (!path.isEmpty()) {
                    ServletRegistration.Dynamic admin = context.addServlet(ADMIN_SERVLET_NAME, new TokenAdminServlet());
                    admin.addMapping(path + "/*");
                    admin.setAsyncSupported(true);
                }
            };
        }
    }

    /** The health indicator, when Spring Boot Actuator is on the class path. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
    public static class Health {
        /** Creates the configuration. */
        public Health() {
        }

        /**
         * The indicator, named {@code scopekey} in {@code /actuator/health}.
         *
         * @param service the token service
         * @return the indicator
         */
        @Bean
        @ConditionalOnMissingBean(name = "scopekeyHealthIndicator")
        public ScopeKeyHealthIndicator scopekeyHealthIndicator(TokenService service) {
            return new ScopeKeyHealthIndicator(service);
        }
    }

    /**
     * The service's meters, when {@code scopekey-micrometer} and Micrometer are on the class path:
     * {@link ScopeKeyMetrics} is the service's listener and a {@code MeterBinder}, which Boot binds
     * to its registry.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"dev.scopekey.micrometer.ScopeKeyMetrics", "io.micrometer.core.instrument.MeterRegistry"})
    public static class Metrics {
        /** Creates the configuration. */
        public Metrics() {
        }

        /**
         * The meters, the listener of the service this configuration builds.
         *
         * @return the meters
         */
        @Bean
        @ConditionalOnMissingBean(ScopeKeyMetrics.class)
        public ScopeKeyMetrics scopekeyMetrics() {
            return new ScopeKeyMetrics();
        }

        /**
         * Lets the meters poll the service (store cache, parts' health) once both exist.
         *
         * @param metrics the meters
         * @param service the token service
         * @return the hook
         */
        @Bean
        public SmartInitializingSingleton scopekeyMetricsWatch(ScopeKeyMetrics metrics, TokenService service) {
            return () -> metrics.watch(service);
        }
    }
}
