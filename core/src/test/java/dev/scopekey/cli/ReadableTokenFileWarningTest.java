package dev.scopekey.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A token file that group or others may read is reported on the CLI's stderr even with no logging
 * backend on the class path (as with the plain jar), with the fix.
 */
class ReadableTokenFileWarningTest {
    @TempDir
    Path dir;

    @Test
    void aGroupReadableTokenFile_isReportedOnStderr_withTheFix() throws Exception {
        Path file = dir.resolve("tokens");
        Files.writeString(file, "");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

        ChildCli.Run run = new ChildCli(dir).withoutLoggingBackend().run("", "list", "--store=file:tokens");

        assertEquals(0, run.exit(), run::toString);
        assertTrue(run.err().contains("warning: the token file " + file.toRealPath()
                + " is readable by group or others"), run::toString);
        assertTrue(run.err().contains("chmod 600"), run::toString);
    }

    @Test
    void anOwnerOnlyTokenFile_isNotReported() throws Exception {
        Path file = dir.resolve("tokens");
        Files.writeString(file, "");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        ChildCli.Run run = new ChildCli(dir).withoutLoggingBackend().run("", "list", "--store=file:tokens");

        assertEquals(0, run.exit(), run::toString);
        assertFalse(run.err().contains("readable"), run::toString);
    }
}
