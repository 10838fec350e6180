package dev.scopekey.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code ```java} block of {@code docs/*.md} and the README compiles against the test class
 * path (all three published modules, JUnit, jqwik, Jetty, the Servlet API). The blocks of one page
 * are compiled together, so a later block may use a class an earlier one declares.
 *
 * <p>How a block is wrapped: its {@code import} lines go to the top, after a standard set of
 * on-demand imports ({@link #IMPORTS}); a block that declares a top-level type (a line starting
 * {@code class}, {@code public final class} …) is a compilation unit; a block that starts with an
 * annotation or a method is the body of a class; anything else is the body of a method that may
 * throw. A line that is only {@code ...} is left out, and {@code ...} where a value belongs
 * ({@code = ...;}, {@code f(a, ...)}) stands for a value of the right type.
 *
 * <p>A page declares what a fragment takes for granted in an HTML comment on the line just before
 * the block, invisible when rendered: {@code <!-- compile with: HttpHarness http; String token; -->}
 * (fields and classes for a fragment; top-level classes for a compilation unit).
 * {@code <!-- quoted from: path/File.java -->} says the block is a verbatim excerpt of that
 * source file, which this test checks too.
 */
class DocsCodeBlocksCompileTest {
    static final List<String> IMPORTS = List.of("java.util", "java.util.concurrent", "java.util.function",
            "java.time", "java.nio.file", "java.nio.charset", "javax.sql", "dev.scopekey.domain", "dev.scopekey.port",
            "dev.scopekey.service", "dev.scopekey.audit", "dev.scopekey.store.memory", "dev.scopekey.store.file",
            "dev.scopekey.store.jdbc", "dev.scopekey.servlet", "dev.scopekey.testkit", "jakarta.servlet",
            "jakarta.servlet.http", "org.junit.jupiter.api", "org.junit.jupiter.api.extension",
            "org.junit.jupiter.api.io", "net.jqwik.api");
    static final List<String> STATIC_IMPORTS = List.of("org.junit.jupiter.api.Assertions",
            "dev.scopekey.testkit.AuthDecisionAssert", "dev.scopekey.testkit.HttpAuthAssert");
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern BLOCK = Pattern.compile("(?:<!-- (compile with|quoted from): (.*?) -->\\n)?```java\\n(.*?)```",
            Pattern.DOTALL);
    private static final Pattern TOP_LEVEL_TYPE = Pattern.compile(
            "(?m)^(?:(?:public|final|abstract|sealed) )*(?:class|interface|record|enum) (\\w+)");
    private static final Pattern PUBLIC_TYPE = Pattern.compile("(?m)^public (?:final |abstract )*(?:class|interface|record|enum) (\\w+)");
    private static final Pattern ELIDED_VALUE = Pattern.compile("(?<=[=(,])\\s*\\.\\.\\.");

    @TempDir
    Path classes;

    @Test
    void everyJavaBlockInTheDocs_compiles() throws IOException {
        List<Path> pages = pages();
        assertTrue(pages.size() > 5, "found the docs: " + pages);
        List<String> problems = new ArrayList<>();
        int blocks = 0;
        for (Path page : pages) {
            List<JavaFileObject> sources = sourcesOf(page, problems);
            blocks += sources.size();
            if (!sources.isEmpty()) {
                problems.addAll(compile(sources));
            }
        }
        assertTrue(blocks > 20, "found the blocks: " + blocks);
        assertEquals("", String.join("\n", problems));
    }

    private static List<Path> pages() throws IOException {
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            List<Path> pages = docs.filter(p -> p.toString().endsWith(".md")).sorted().collect(Collectors.toList());
            pages.add(ROOT.resolve("README.md"));
            return pages;
        }
    }

    private static List<JavaFileObject> sourcesOf(Path page, List<String> problems) throws IOException {
        String text = Files.readString(page, StandardCharsets.UTF_8).replace("\r\n", "\n");
        String name = ROOT.relativize(page).toString().replace('\\', '/');
        List<JavaFileObject> sources = new ArrayList<>();
        Matcher block = BLOCK.matcher(text);
        while (block.find()) {
            int line = (int) text.substring(0, block.start(3)).chars().filter(c -> c == '\n').count() + 1;
            String where = name + " line " + line;
            String code = block.group(3);
            String given = "compile with".equals(block.group(1)) ? block.group(2) : "";
            if ("quoted from".equals(block.group(1))) {
                String source = Files.readString(ROOT.resolve(block.group(2).strip()), StandardCharsets.UTF_8);
                if (!source.replace("\r\n", "\n").contains(code)) {
                    problems.add(where + ": the block is not a verbatim excerpt of " + block.group(2).strip());
                }
            }
            sources.add(source(where, line, wrap(code, given, "DocBlock" + line)));
        }
        return sources;
    }

    /** The block as a compilation unit, by the rules in the class comment. */
    static String wrap(String block, String given, String wrapperName) {
        StringBuilder imports = new StringBuilder();
        IMPORTS.forEach(p -> imports.append("import ").append(p).append(".*;\n"));
        STATIC_IMPORTS.forEach(c -> imports.append("import static ").append(c).append(".*;\n"));
        List<String> body = new ArrayList<>();
        for (String line : block.split("\n", -1)) {
            if (line.startsWith("import ")) {
                imports.append(line).append('\n');
            } else if (!line.strip().equals("...")) {
                body.add(ELIDED_VALUE.matcher(line).replaceAll(" given()"));
            }
        }
        String code = String.join("\n", body);
        String firstLine = body.stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("//"))
                .findFirst().orElse("");
        String placeholder = "static <T> T given() { return null; }\n";
        if (TOP_LEVEL_TYPE.matcher(code).find()) {
            return imports + code + "\n" + given + "\nclass " + wrapperName + " { " + placeholder + "}\n";
        }
        boolean members = firstLine.startsWith("@") || firstLine.matches("[\\w<>\\[\\], ]+ \\w+\\(.*");
        return imports + "class " + wrapperName + " {\n" + given + "\n" + placeholder
                + (members ? code : "void run() throws Exception {\n" + code + "\n}") + "\n}\n";
    }

    private static JavaFileObject source(String where, int line, String code) {
        Matcher publicType = PUBLIC_TYPE.matcher(code);
        String file = publicType.find() ? publicType.group(1) : "DocBlock" + line;
        URI uri = URI.create("string:///" + where.replaceAll("[^A-Za-z0-9]+", "_") + "/" + file + ".java");
        return new SimpleJavaFileObject(uri, JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return code;
            }

            @Override
            public String toString() {
                return where;
            }
        };
    }

    private List<String> compile(List<JavaFileObject> sources) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path out = Files.createTempDirectory(classes, "page");
        List<String> options = List.of("-proc:none", "-classpath", classPath, "-d", out.toString());
        compiler.getTask(null, null, diagnostics, options, null, sources).call();
        return diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> d.getSource() + " (wrapped line " + d.getLineNumber() + "): " + d.getMessage(Locale.ROOT))
                .collect(Collectors.toList());
    }
}
