package dev.scopekey.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.testkit.Container;
import dev.scopekey.testkit.HttpReply;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A protected route stays protected however its path is spelled: {@code //}, {@code /./},
 * {@code ;jsessionid=…} and {@code %2F} never give a token more than the plain path does.
 * Containers differ in how they get there (docs/servlet.md, Containers): Jetty 12 refuses an
 * empty segment or an encoded slash with 400 before any filter runs, Tomcat 10.1 hands
 * {@code //} on to the filter, which matches it as the path without the empty segment.
 */
class PathNormalisationHttpTest extends HttpTestSupport {
    private static final List<String> SPELLINGS = List.of("/api//kafka/endpoint", "/api/./kafka/endpoint",
            "/api/kafka/endpoint;jsessionid=0123456789", "/api/kafka%2Fendpoint", "/api/kafka/x/../endpoint");

    @Test
    void everySpelling_ofAWriteRoute_refusesAReadToken_andATokenlessCall() {
        start(WebXml.standard());
        String read = token("kafka:endpoint:read");

        for (String path : SPELLINGS) {
            HttpReply withRead = http.call("POST", path, read);
            assertTrue(withRead.status() == 400 || withRead.status() == 403, path + " -> " + withRead);
            assertFalse(withRead.body().contains("\"method\""), path + " reached the resource: " + withRead);
            HttpReply without = http.call("POST", path, null);
            assertTrue(without.status() == 400 || without.status() == 401, path + " -> " + without);
        }
    }

    @Test
    void doubleSlash_isRefusedByJetty_andMatchedAsThePlainPathOnTomcat() {
        start(WebXml.standard());
        String read = token("kafka:endpoint:read");
        String write = token("kafka:endpoint:write");

        HttpReply withRead = http.call("POST", "/api//kafka/endpoint", read);
        HttpReply withWrite = http.call("POST", "/api//kafka/endpoint", write);

        if (Container.configured() == Container.JETTY) {
            assertEquals(400, withRead.status(), withRead.toString());
            assertEquals(400, withWrite.status(), withWrite.toString());
        } else {
            assertEquals(403, withRead.status(), withRead.toString());
            assertEquals(200, withWrite.status(), withWrite.toString());
        }
    }
}
