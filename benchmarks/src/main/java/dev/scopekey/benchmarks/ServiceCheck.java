package dev.scopekey.benchmarks;

import dev.scopekey.domain.Scope;
import dev.scopekey.port.TokenStore;
import dev.scopekey.service.TokenService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * scopekey's token service over one kind of store: authenticate, then authorize the principal
 * for a scope parsed once, as the servlet filter does per request.
 */
final class ServiceCheck implements TokenCheck {
    private final Path workDir = StoreKind.workDir();
    private final TokenStore store;
    private final TokenService service;
    private final Scope required = ScopeKeyApi.scope(SCOPE);
    private final String[] tokens;

    /** Opens an empty {@code kind} store and mints {@code count} tokens holding {@link #SCOPE} into it. */
    ServiceCheck(StoreKind kind, int count) {
        store = kind.open(workDir);
        service = ScopeKeyApi.service(store);
        tokens = ScopeKeyApi.mint(service, SCOPE, count);
    }

    @Override
    public boolean grants(String token) {
        return ScopeKeyApi.authorize(service, token, required);
    }

    @Override
    public String[] knownTokens() {
        return tokens.clone();
    }

    @Override
    public void close() {
        service.close();
        try {
            if (store instanceof AutoCloseable closeable) {
                closeable.close();
            }
            try (Stream<Path> files = Files.walk(workDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(ServiceCheck::delete);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("closing the store failed", e);
        }
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
