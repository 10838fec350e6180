package dev.scopekey.demo;

import dev.scopekey.audit.Slf4jAuditSink;
import dev.scopekey.domain.ActorLabel;
import dev.scopekey.service.Caller;
import dev.scopekey.service.MintRequest;
import dev.scopekey.service.TokenService;
import dev.scopekey.servlet.ScopeKeyFilter;
import dev.scopekey.store.file.FileTokenStore;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * First start of the demo: when the token file the filter's {@code store} init-param names does
 * not exist yet, creates it with one root token and prints that token once on standard output.
 * Runs before the filter starts, as listeners do. A later start finds the file and prints
 * nothing; delete the file for a fresh root token.
 */
public final class DemoBootstrap implements ServletContextListener {
    private final PrintStream out;

    public DemoBootstrap() {
        this(System.out);
    }

    DemoBootstrap(PrintStream out) {
        this.out = out;
    }

    @Override
    public void contextInitialized(ServletContextEvent event) {
        for (FilterRegistration filter : event.getServletContext().getFilterRegistrations().values()) {
            String store = ScopeKeyFilter.class.getName().equals(filter.getClassName())
                    ? filter.getInitParameter("store") : null;
            if (store != null && store.startsWith("file:")) {
                createIfMissing(Path.of(store.substring("file:".length())).toAbsolutePath());
            }
        }
    }

    private void createIfMissing(Path file) {
        if (Files.exists(file)) {
            return;
        }
        try (FileTokenStore store = FileTokenStore.open(file);
             TokenService service = TokenService.builder(store).audit(new Slf4jAuditSink()).build()) {
            String root = service.mint(Caller.operator(ActorLabel.CLI), MintRequest.of("*").named("demo root"))
                    .value().token().reveal();
            out.println("scopekey demo: created the token file " + file + " with a root token.");
            out.println("scopekey demo: it is shown this once and stored only as a hash; keep it:");
            out.println(root);
            out.flush();
        }
    }
}
