package dev.scopekey.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The public API of the published jars as sorted text lines: every type a user can name (public,
 * or protected inside an extensible public type, all the way out) and its public and protected
 * constructors, methods and fields, with generic signatures. One line per type or member, so a
 * change shows as added and removed lines.
 */
final class PublicApi {
    /** The test-report module: build support on the test class path, not published. */
    static final String BUILD_SUPPORT = "dev.scopekey.testkit.report";

    private PublicApi() {
    }

    /**
     * The API lines of the main (not test) classes under {@code rootPackage}.
     *
     * @param rootPackage e.g. {@code dev.scopekey}
     * @return sorted lines
     */
    static List<String> of(String rootPackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage).stream()
                .filter(type -> !type.getPackageName().equals(BUILD_SUPPORT))
                .map(JavaClass::reflect)
                .filter(PublicApi::isApi)
                .flatMap(PublicApi::lines)
                .sorted()
                .distinct()
                .collect(Collectors.toList());
    }

    /** Whether code outside the package can name the type. */
    static boolean isApi(Class<?> type) {
        if (type.isSynthetic() || type.isAnonymousClass() || type.isLocalClass()) {
            return false;
        }
        Class<?> outer = type.getDeclaringClass();
        if (outer == null) {
            return Modifier.isPublic(type.getModifiers());
        }
        return isApi(outer) && isVisible(type.getModifiers(), outer);
    }

    private static Stream<String> lines(Class<?> type) {
        List<String> lines = new ArrayList<>();
        lines.add(type.getName() + " : " + describe(type));
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            add(lines, type, c, c.toGenericString());
        }
        for (Method m : type.getDeclaredMethods()) {
            if (!m.isBridge()) {
                add(lines, type, m, m.toGenericString());
            }
        }
        for (Field f : type.getDeclaredFields()) {
            add(lines, type, f, f.toGenericString());
        }
        return lines.stream();
    }

    private static void add(List<String> lines, Class<?> type, Member member, String signature) {
        if (!member.isSynthetic() && isVisible(member.getModifiers(), type)) {
            String kind = member instanceof Executable ? (member instanceof Constructor ? "new" : "method") : "field";
            String unqualified = signature.replace(" " + type.getTypeName() + ".", " ");
            lines.add(type.getName() + " " + kind + " " + unqualified);
        }
    }

    /** Public, or protected where a user may extend the declaring type. */
    private static boolean isVisible(int modifiers, Class<?> declaring) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers)
                && !Modifier.isFinal(declaring.getModifiers()) && !declaring.isEnum() && !declaring.isRecord();
    }

    private static String describe(Class<?> type) {
        StringBuilder text = new StringBuilder(type.toGenericString());
        Type superclass = type.getGenericSuperclass();
        if (superclass != null && superclass != Object.class && !type.isEnum() && !type.isRecord()) {
            text.append(" extends ").append(superclass.getTypeName());
        }
        Type[] interfaces = type.getGenericInterfaces();
        if (interfaces.length > 0) {
            text.append(type.isInterface() ? " extends " : " implements ").append(Arrays.stream(interfaces)
                    .map(Type::getTypeName).collect(Collectors.joining(", ")));
        }
        if (type.isSealed()) {
            text.append(" permits ").append(Arrays.stream(type.getPermittedSubclasses())
                    .map(Class::getName).sorted().collect(Collectors.joining(", ")));
        }
        return text.toString();
    }
}
