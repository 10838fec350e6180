package dev.scopekey.store.file;

import dev.scopekey.service.MintRequest;
import dev.scopekey.service.TokenService;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A child process for {@link InterruptedWriteTest}: opens the token file and mints one token
 * named {@code child}, but stops inside the write, holding the lock with its temporary file
 * created, prints {@code writing <temp file name>} and waits there for the release file (the
 * test kills it instead, or creates the file to let it finish). Prints no token.
 *
 * <p>Arguments: token file, release file.
 */
public final class InterruptedWriteMain {
    private InterruptedWriteMain() {
    }

    public static void main(String[] args) {
        Path tokens = Path.of(args[0]);
        Path release = Path.of(args[1]);
        AtomicFileWriter stopping = new AtomicFileWriter(temp -> {
            System.out.println("writing " + temp.getFileName());
            System.out.flush();
            waitFor(release);
        });
        try (FileTokenStore store = FileTokenStore.open(tokens, FileTokenStoreOptions.defaults(), stopping);
             TokenService service = StoreFixtures.service(store)) {
            service.mint(StoreFixtures.OPERATOR, MintRequest.of("kafka:read").named("child")).value();
        }
        System.out.println("minted");
    }

    private static void waitFor(Path release) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!Files.exists(release)) {
            if (System.nanoTime() > deadline) {
                System.err.println("no release within 60 s");
                System.exit(3);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                System.exit(4);
            }
        }
    }
}
