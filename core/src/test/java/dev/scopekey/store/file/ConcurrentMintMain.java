package dev.scopekey.store.file;

import dev.scopekey.service.MintRequest;
import dev.scopekey.service.TokenService;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A child process for {@link FileTokenStoreConcurrencyTest}: opens the token file, says
 * {@code ready}, waits for the go file, then mints tokens named {@code <label>-<i>}. Prints no
 * token.
 *
 * <p>Arguments: token file, go file, label, count.
 */
public final class ConcurrentMintMain {
    private ConcurrentMintMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path tokens = Path.of(args[0]);
        Path go = Path.of(args[1]);
        String label = args[2];
        int count = Integer.parseInt(args[3]);
        try (FileTokenStore store = FileTokenStore.open(tokens); TokenService service = StoreFixtures.service(store)) {
            System.out.println("ready");
            System.out.flush();
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!Files.exists(go)) {
                if (System.nanoTime() > deadline) {
                    System.err.println("no go signal within 60 s");
                    System.exit(3);
                }
                Thread.sleep(2);
            }
            for (int i = 0; i < count; i++) {
                service.mint(StoreFixtures.OPERATOR, MintRequest.of("kafka:read").named(label + "-" + i)).value();
            }
        }
        System.out.println("minted " + count);
    }
}
