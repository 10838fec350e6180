package dev.scopekey.testkit;

import java.util.List;

/**
 * Field values that have tripped up stores before: separators of common text formats, non-ASCII
 * and non-BMP characters, padding, values at their length limit, values that look like other
 * syntax. Shared by the contract's samples and the jqwik arbitraries.
 */
final class SampleValues {
    /** Brands of every allowed length, including the shortest and the longest. */
    static final List<String> BRANDS = List.of("sk", "ak", "ghx", "acme2", "z9", "abcdefghijklmnop");

    /** Token names a mint request accepts: 1 to 100 characters, no control characters. */
    static final List<String> NAMES = List.of(
            "ci deploy key",
            "x",
            "Ünïcødé ✓ 名前",
            "key 🔑 with a non-BMP character",
            "a,b;c=d:e#f|g",
            "\"quoted\" and \\backslash\\",
            " padded on both sides ",
            "sha256:looks-like-a-credential",
            "# looks like a comment",
            "2030-01-01T00:00:00Z",
            "expires=never",
            "n".repeat(100));

    /** Subjects: opaque strings of 1 to 200 characters without control characters. */
    static final List<String> SUBJECTS = List.of(
            "user:42",
            "org/acme",
            "agent@example.test",
            "Ünïcødé subject",
            "with space",
            " padded subject ",
            "a=b,c",
            "s".repeat(200));

    /** Actor labels as the service writes them in createdBy and revokedBy. */
    static final List<String> ACTORS = List.of(
            "cli", "config", "session", "token:sk_AbCdEf123456", "token:legacy#1");

    /** Granted scopes, concrete and wildcard. */
    static final List<String> SCOPES = List.of(
            "kafka:endpoint:read", "workspaces:w42:write", "workspaces:*", "a", "a.b-c_d:0", "reports:2024.q1:read",
            "*");

    /** Characters names and subjects are drawn from beyond the lists above. */
    static final String TEXT_CHARACTERS =
            "abcXYZ019 _-.,;:=#/@\"'\\!?%&*()[]{}<>~äöüßéèçñøåłžщжя中文字日本語한국어αβγ✓€";
    /** Characters outside the Basic Multilingual Plane, written as surrogate pairs. */
    static final List<String> SUPPLEMENTARY = List.of("🔑", "😀", "𝔘", "𠀋");

    private SampleValues() {
    }
}
