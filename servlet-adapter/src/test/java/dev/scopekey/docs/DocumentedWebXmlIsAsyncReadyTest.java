package dev.scopekey.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Every {@code web.xml} the project ships ({@code examples/*}) and every {@code ```xml} block of
 * {@code docs/*.md} and the README declares {@code <async-supported>true</async-supported>} on
 * each {@code <filter>} and {@code <servlet>}, where the schema puts it (before a filter's
 * init-params, after a servlet's init-params and load-on-startup): without it on the scopekey
 * filter an asynchronous servlet behind it fails.
 */
class DocumentedWebXmlIsAsyncReadyTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern XML_BLOCK = Pattern.compile("```xml\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyShippedAndDocumentedFilterAndServlet_isAsyncSupported() throws Exception {
        List<String> problems = new ArrayList<>();
        int declarations = 0;
        for (Path file : List.of(ROOT.resolve("examples/webapp/src/main/webapp/WEB-INF/web.xml"),
                ROOT.resolve("examples/downstream/src/main/webapp/WEB-INF/web.xml"))) {
            declarations += check(file.toString(), Files.readString(file), problems);
        }
        for (Path page : pages()) {
            Matcher block = XML_BLOCK.matcher(Files.readString(page));
            while (block.find()) {
                declarations += check(page.getFileName() + " at offset " + block.start(), block.group(1), problems);
            }
        }
        assertTrue(declarations >= 12, "found the declarations: " + declarations);
        assertEquals(List.of(), problems);
    }

    /** Checks each filter and servlet of {@code xml} (a document or a fragment); the number checked. */
    private static int check(String where, String xml, List<String> problems) throws Exception {
        Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader("<fragment>" + xml.replaceFirst("^\\s*<\\?xml[^>]*\\?>", "")
                        + "</fragment>"))).getDocumentElement();
        int checked = 0;
        for (String kind : List.of("filter", "servlet")) {
            NodeList all = root.getElementsByTagName(kind);
            for (int i = 0; i < all.getLength(); i++) {
                checked++;
                String problem = problem((Element) all.item(i));
                if (problem != null) {
                    problems.add(where + ": " + kind + " " + name((Element) all.item(i), kind) + " " + problem);
                }
            }
        }
        return checked;
    }

    /**
     * What is wrong with the declaration's async-supported, or null. The schema puts it before a
     * filter's init-params and after a servlet's init-params and load-on-startup.
     */
    private static String problem(Element declaration) {
        boolean filter = declaration.getNodeName().equals("filter");
        boolean seen = false;
        for (Node child = declaration.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() != Node.ELEMENT_NODE) {
                continue;
            }
            String tag = child.getNodeName();
            if (tag.equals("async-supported")) {
                if (!child.getTextContent().strip().equals("true")) {
                    return "has async-supported " + child.getTextContent().strip();
                }
                seen = true;
            } else if (filter && !seen && tag.equals("init-param")) {
                return "has init-param before async-supported, where the schema does not allow it";
            } else if (!filter && seen && (tag.equals("init-param") || tag.equals("load-on-startup"))) {
                return "has " + tag + " after async-supported, where the schema does not allow it";
            }
        }
        return seen ? null : "lacks <async-supported>true</async-supported>";
    }

    private static String name(Element declaration, String kind) {
        NodeList names = declaration.getElementsByTagName(kind + "-name");
        return names.getLength() == 0 ? "(unnamed)" : names.item(0).getTextContent().strip();
    }

    private static List<Path> pages() throws IOException {
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            List<Path> pages = docs.filter(p -> p.toString().endsWith(".md")).sorted().collect(Collectors.toList());
            pages.add(ROOT.resolve("README.md"));
            return pages;
        }
    }
}
