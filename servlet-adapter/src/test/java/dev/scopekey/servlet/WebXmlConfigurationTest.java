package dev.scopekey.servlet;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.audit.Slf4jAuditSink;
import dev.scopekey.service.TokenService;
import dev.scopekey.store.memory.InMemoryTokenStore;
import dev.scopekey.testkit.HttpHarness;
import dev.scopekey.testkit.WebApplication;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A web.xml the filter cannot honour stops the application from starting, saying why. */
@Tag("http")
class WebXmlConfigurationTest {
    @TempDir
    Path dir;

    private void assertStartFails(WebXml webXml, Map<String, Object> attributes, String expected) {
        WebApplication application = HttpHarness.webXml(webXml.render());
        attributes.forEach(application::attribute);
        Exception failure = assertThrows(IllegalStateException.class, () -> application.start().close());
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append(" | ");
        }
        assertTrue(messages.toString().contains(expected), messages.toString());
    }

    private void assertStartFails(WebXml webXml, String expected) {
        assertStartFails(webXml, Map.of(), expected);
    }

    @Test
    void unknownInitParam_stopsTheStart() {
        assertStartFails(WebXml.standard().param(FilterSettings.STORE, "file:" + dir.resolve("t"))
                .param("public_paths", "/x"), "unknown init-param 'public_paths'");
    }

    @Test
    void missingStore_stopsTheStart() {
        assertStartFails(WebXml.standard(), "init-param store is required");
    }

    @Test
    void unknownStoreKind_stopsTheStart() {
        assertStartFails(WebXml.standard().param(FilterSettings.STORE, "redis://x"), "store is file:<path> or jndi:");
    }

    @Test
    void jndiStore_withNothingBound_stopsTheStartClearly() {
        assertStartFails(WebXml.standard().param(FilterSettings.STORE, "jndi:jdbc/nothing-here"),
                "store jndi:jdbc/nothing-here: no DataSource is bound under java:comp/env/jdbc/nothing-here or "
                        + "jdbc/nothing-here");
    }

    @Test
    void badRule_stopsTheStart_namingItsLine() {
        assertStartFails(WebXml.standard().param(FilterSettings.STORE, "file:" + dir.resolve("t"))
                .param(FilterSettings.RULES, "GET /a a:read\nGET /b/{id} b:{other}:read"), "rules line 2");
    }

    @Test
    void badFlag_stopsTheStart() {
        assertStartFails(WebXml.standard().param(FilterSettings.STORE, "file:" + dir.resolve("t"))
                .param(FilterSettings.ENABLED, "yes"), "enabled is 'true' or 'false'");
    }

    @Test
    void badMintRate_stopsTheStart() {
        assertStartFails(WebXml.standard().param(FilterSettings.STORE, "file:" + dir.resolve("t"))
                .adminParam(MintRate.PARAM, "lots"), "mint-rate is <permits>/<period>");
    }

    @Test
    void storeBesideASuppliedService_stopsTheStart() {
        TokenService service = TokenService.builder(new InMemoryTokenStore()).audit(new Slf4jAuditSink()).build();
        assertStartFails(WebXml.standard().param(FilterSettings.STORE, "file:" + dir.resolve("t")),
                Map.of(ScopeKeyFilter.SERVICE_ATTRIBUTE, service), "supplies its own TokenService");
    }

    @Test
    void storeThatCannotBeOpened_stopsTheStart() {
        assertStartFails(WebXml.standard().param(FilterSettings.STORE, "file:" + dir.resolve("missing/dir/tokens")),
                "cannot be opened");
    }
}
