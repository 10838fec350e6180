package dev.scopekey.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/** A scopekey.* property the filter would refuse, or one that does not exist, stops the start with a clear message. */
class PropertiesStopTheStartTest {
    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ScopeKeyAutoConfiguration.class));

    private String failureOf(String... properties) {
        String[] message = new String[1];
        runner.withPropertyValues(properties).run(context -> {
            assertThat(context).hasFailed();
            StringBuilder text = new StringBuilder();
            for (Throwable t = context.getStartupFailure(); t != null; t = t.getCause()) {
                text.append(t.getMessage()).append('\n');
            }
            message[0] = text.toString();
        });
        return message[0];
    }

    @Test
    void unknownProperty_failsTheContext_namingIt() {
        assertThat(failureOf("scopekey.store=memory", "scopekey.rulez=GET /a a:read")).contains("scopekey.rulez");
    }

    @Test
    void badRule_failsTheContext_withTheFiltersMessage() {
        assertThat(failureOf("scopekey.store=memory", "scopekey.rules=GET")).contains("scopekey.* properties");
    }

    @Test
    void badUnmatched_failsTheContext_sayingWhatItAccepts() {
        assertThat(failureOf("scopekey.store=memory", "scopekey.unmatched=maybe"))
                .contains("unmatched is 'authenticated' or 'deny'");
    }

    @Test
    void badMintRate_failsTheContext_sayingWhatItAccepts() {
        assertThat(failureOf("scopekey.store=memory", "scopekey.mint-rate=lots")).contains("mint-rate is <permits>/<period>");
    }

    @Test
    void missingStore_failsTheContext_namingTheChoices() {
        assertThat(failureOf("scopekey.realm=x")).contains("scopekey.store is required");
    }

    @Test
    void unknownStore_failsTheContext() {
        assertThat(failureOf("scopekey.store=redis")).contains("scopekey.store is jdbc");
    }

    @Test
    void jdbcStore_withoutADataSource_failsTheContext() {
        assertThat(failureOf("scopekey.store=jdbc")).contains("needs a DataSource bean");
    }

    @Test
    void badAdminApiPath_failsTheContext() {
        assertThat(failureOf("scopekey.store=memory", "scopekey.admin-api-path=tokens/")).contains("admin-api-path");
    }

    @Test
    void goodProperties_startTheContext_withTheFilterAndTheService() {
        runner.withPropertyValues("scopekey.store=memory", "scopekey.rules=GET /a/** a:read").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(dev.scopekey.service.TokenService.class);
            assertThat(context).hasBean("scopekeyFilter");
        });
    }
}
