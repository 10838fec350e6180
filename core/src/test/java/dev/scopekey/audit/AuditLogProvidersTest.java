package dev.scopekey.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #9 (the audit log people will read): the audit events of one scenario ({@link AuditLogProbe})
 * as three real logging set-ups write them, read back as bytes from a child JVM per set-up. Under a
 * Logback pattern of {@code %msg} alone (what Spring Boot's console pattern and most others show of
 * an event) each line carries the event, actor, target and the event's facts; under
 * logstash-logback-encoder without Jackson's JSR-310 module every event is written, with the same
 * message and every fact as a string field; under slf4j-simple the line ends with the same message.
 * No secret reaches any of them.
 */
class AuditLogProvidersTest {
    private static final String SIMPLE = System.getProperty("scopekey.test.slf4j-simple");
    private static final String LOGBACK = System.getProperty("scopekey.test.logback");
    private static final String LOGSTASH = System.getProperty("scopekey.test.logstash");
    private static final String AT = "at=2026-03-01T10:00:00Z";

    @TempDir
    Path directory;

    @Test
    void logbackMsgPattern_writesEachEventWithItsFacts_oneLineEach() throws Exception {
        Path log = directory.resolve("audit.log");
        Probe probe = run(logbackClassPath(false), logbackConfig(log,
                "<encoder><pattern>%msg%n</pattern></encoder>"));

        assertEquals(expectedMessages(probe), Files.readAllLines(log, StandardCharsets.UTF_8));
        assertNoSecret(probe, log);
    }

    @Test
    void logstashEncoderWithoutJsr310_writesEveryEvent_withTheMessageAndStringFields() throws Exception {
        Path log = directory.resolve("audit.json");
        Probe probe = run(logbackClassPath(true), logbackConfig(log,
                "<encoder class=\"net.logstash.logback.encoder.LogstashEncoder\"/>"));

        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains("\"logger_name\":\"" + Slf4jAuditSink.LOGGER_NAME + "\""))
                .collect(Collectors.toList());
        List<String> messages = expectedMessages(probe);
        assertEquals(messages.size(), lines.size(), "one JSON object per audit event: " + lines);
        for (int i = 0; i < messages.size(); i++) {
            String line = lines.get(i);
            String message = messages.get(i);
            assertTrue(line.contains("\"message\":\"" + message.replace("\\", "\\\\") + "\""), line);
            assertTrue(line.contains("\"event\":\"" + message.substring(0, message.indexOf(' ')) + "\""), line);
            assertTrue(line.contains("\"at\":\"2026-03-01T10:00:00Z\""), "the time is an ISO-8601 string: " + line);
        }
        assertTrue(lines.get(1).contains("\"expires\":\"2026-03-31T10:00:00Z\""), lines.get(1));
        assertNoSecret(probe, log);
    }

    @Test
    void slf4jSimple_endsEachAuditLineWithTheSameMessage() throws Exception {
        Probe probe = run(testClassPath(), List.of());

        List<String> audit = Arrays.stream(probe.output.split("\n"))
                .filter(line -> line.contains(" " + Slf4jAuditSink.LOGGER_NAME + " - ")).collect(Collectors.toList());
        List<String> messages = expectedMessages(probe);
        assertEquals(messages.size(), audit.size(), "one line per audit event: " + audit);
        for (int i = 0; i < messages.size(); i++) {
            assertTrue(audit.get(i).endsWith(" " + messages.get(i)), audit.get(i) + "\n ends with " + messages.get(i));
        }
        assertNoSecret(probe, null);
    }

    /** What each event of the scenario says, in order, with the prefixes this run minted. */
    private static List<String> expectedMessages(Probe probe) {
        String root = probe.facts.get("root");
        String scoped = probe.facts.get("scoped");
        String successor = probe.facts.get("successor");
        String client = "client=" + AuditLogProbe.CLIENT;
        String actor = "actor=token:" + root;
        return List.of(
                "token_minted actor=cli target=" + root + " " + AT + " scopes=*",
                "token_minted " + actor + " target=" + scoped + " " + AT + " " + client
                        + " scopes=reports:read,reports:write name=nightly\\x20export subject=" + AuditLogProbe.SUBJECT
                        + " expires=2026-03-31T10:00:00Z",
                "token_rotated " + actor + " target=" + scoped + " " + AT + " " + client + " successor=" + successor
                        + " expires=2026-03-31T10:00:00Z retires=2026-03-01T10:00:00Z",
                "authentication_denied actor=anonymous target=" + probe.facts.get("unknown") + " " + AT + " " + client
                        + " detail=UNKNOWN",
                "authorization_denied actor=token:" + successor + " target=" + successor + " " + AT + " " + client
                        + " detail=INSUFFICIENT_SCOPE scope=reports:delete",
                "token_revoked " + actor + " target=" + successor + " " + AT + " " + client);
    }

    private void assertNoSecret(Probe probe, Path log) throws IOException {
        String written = probe.output + (log == null ? "" : Files.readString(log, StandardCharsets.UTF_8));
        assertEquals(4, probe.secrets.size(), "the probe names its tokens' secrets");
        for (String secret : probe.secrets) {
            assertFalse(written.contains(secret), "a token's secret was logged");
        }
    }

    private String logbackClassPath(boolean withLogstash) {
        assertTrue(LOGBACK != null && LOGSTASH != null, "the build passes Logback's jars to the tests");
        return without(testClassPath(), SIMPLE) + File.pathSeparator + LOGBACK
                + (withLogstash ? File.pathSeparator + LOGSTASH : "");
    }

    /** A Logback configuration with one file appender for everything at INFO, written with {@code encoder}. */
    private List<String> logbackConfig(Path log, String encoder) throws IOException {
        Path config = directory.resolve("logback.xml");
        Files.writeString(config, "<configuration>\n"
                + "  <appender name=\"FILE\" class=\"ch.qos.logback.core.FileAppender\">\n"
                + "    <file>" + log + "</file>\n    " + encoder + "\n  </appender>\n"
                + "  <root level=\"INFO\"><appender-ref ref=\"FILE\"/></root>\n"
                + "</configuration>\n", StandardCharsets.UTF_8);
        return List.of("-Dlogback.configurationFile=" + config);
    }

    /** Runs {@link AuditLogProbe} on {@code classPath}; its facts, secrets and console output. */
    private Probe run(String classPath, List<String> options) throws IOException, InterruptedException {
        Path results = directory.resolve("results");
        Path output = directory.resolve("output");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", classPath));
        command.addAll(options);
        command.add(AuditLogProbe.class.getName());
        command.add(results.toString());
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertTrue(child.waitFor(2, TimeUnit.MINUTES), "the probe finished");
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        assertEquals(0, child.exitValue(), "the probe's exit status; it printed:\n" + printed);
        Map<String, String> facts = new LinkedHashMap<>();
        List<String> secrets = new ArrayList<>();
        for (String line : Files.readAllLines(results, StandardCharsets.UTF_8)) {
            String[] parts = line.split(" ", 2);
            if (parts[0].equals("secret")) {
                secrets.add(parts[1]);
            } else {
                facts.put(parts[0], parts[1]);
            }
        }
        return new Probe(facts, secrets, printed);
    }

    private static String testClassPath() {
        assertTrue(SIMPLE != null, "the build passes slf4j-simple's jar to the tests");
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private static String without(String classPath, String jar) {
        return Arrays.stream(classPath.split(File.pathSeparator)).filter(entry -> !entry.equals(jar))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private record Probe(Map<String, String> facts, List<String> secrets, String output) {
    }
}
