package dev.scopekey.spring.test;

import dev.scopekey.port.TokenStore;
import dev.scopekey.service.TokenService;
import dev.scopekey.testkit.ScopeKeyFixture;
import org.springframework.context.annotation.Bean;

/**
 * The beans {@link ScopeKeyTest} adds: a {@link ScopeKeyFixture}, and its service and store in
 * place of the ones {@code scopekey.store} would make (the auto-configuration backs off).
 */
public class ScopeKeyTestConfiguration {
    /** Creates the configuration. */
    public ScopeKeyTestConfiguration() {
    }

    /**
     * The fixture, closed with the context.
     *
     * @return a fresh fixture
     */
    @Bean(destroyMethod = "close")
    public ScopeKeyFixture scopekeyFixture() {
        return ScopeKeyFixture.create();
    }

    /**
     * The fixture's service.
     *
     * @param fixture the fixture
     * @return its service
     */
    @Bean(destroyMethod = "")
    public TokenService scopekeyTokenService(ScopeKeyFixture fixture) {
        return fixture.service();
    }

    /**
     * The fixture's store.
     *
     * @param fixture the fixture
     * @return its store
     */
    @Bean(destroyMethod = "")
    public TokenStore scopekeyTokenStore(ScopeKeyFixture fixture) {
        return fixture.store();
    }
}
