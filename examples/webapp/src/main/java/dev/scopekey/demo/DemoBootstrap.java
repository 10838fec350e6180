package dev.scopekey.demo;

import dev.scopekey.ScopeKey;
import dev.scopekey.domain.ActorLabel;
import dev.scopekey.service.Caller;
import dev.scopekey.service.MintRequest;
import dev.scopekey.service.TokenService;
import dev.scopekey.servlet.ScopeKeyFilter;
import dev.scopekey.store.file.FileTokenStore;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * First start of the demo: when the token file the filter's {@code store} init-param names does
 * not exist yet, creates it with one root token and prints that token once on standard output,
 * as the ready shell line {@code export ROOT=<token>}. Runs before the filter starts, as listeners
 * do. A later start finds the file, prints no token, and prints the operator CLI command that
 * mints a new root token into the same file (also as an {@code export ROOT=…} line).
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
                createIfMissing(store, Path.of(store.substring("file:".length())).toAbsolutePath());
            }
        }
    }

    private void createIfMissing(String spec, Path file) {
        if (Files.exists(file)) {
            out.println("scopekey demo: using the token file " + file + "; its root token was shown when it was created.");
            out.println("scopekey demo: for a new root token, run this from the repository root:");
            out.println("export ROOT=$(java -jar " + coreJar() + " mint --store " + shellWord(spec)
                    + " --root --name demo-root --quiet)");
            out.flush();
            return;
        }
        try (FileTokenStore store = ScopeKey.fileStore(file);
             TokenService service = ScopeKey.tokens(store).audit(ScopeKey.slf4jAudit()).build()) {
            String root = service.mint(Caller.operator(ActorLabel.CLI), MintRequest.of("*").named("demo root"))
                    .value().token().reveal();
            out.println("scopekey demo: created the token file " + file + " with a root token.");
            out.println("scopekey demo: it is shown this once and stored only as a hash; in the shell you run curl from:");
            out.println("export ROOT=" + root);
            out.flush();
        }
    }

    /** The operator CLI's jar in a built checkout, as the build named it. */
    private static String coreJar() {
        Properties demo = new Properties();
        try (InputStream in = DemoBootstrap.class.getResourceAsStream("demo.properties")) {
            if (in != null) {
                demo.load(in);
            }
        } catch (IOException unreadable) {
            // fall back to the name pattern below
        }
        return demo.getProperty("core.jar", "core/target/scopekey-core-<version>.jar");
    }

    /** The value as one shell word: quoted unless it holds only characters no shell treats specially. */
    private static String shellWord(String value) {
        return value.matches("[A-Za-z0-9_./:@%+=,-]+") ? value : "'" + value.replace("'", "'\\''") + "'";
    }
}
