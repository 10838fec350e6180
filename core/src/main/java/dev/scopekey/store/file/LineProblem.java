package dev.scopekey.store.file;

/**
 * Why a token-file line was skipped. Each constant names a rule of the file format, never the
 * content of the line, so a warning built from it can be logged safely.
 */
public enum LineProblem {
    NOT_UTF8("the line is not valid UTF-8"),
    LEGACY_NOT_A_TOKEN("a line without tabs must be one token of 1 to 1024 printable ASCII characters "
            + "without spaces"),
    LEGACY_HASHED("a sha256: credential needs a scopes field after a tab"),
    BAD_CREDENTIAL("the credential must be 1 to 1024 printable ASCII characters without spaces"),
    BAD_HASHED_CREDENTIAL("a hashed credential must be sha256:<prefix>:<64 lowercase hex digits>"),
    INVALID_SCOPES("the scopes field must be a non-empty comma-separated list of valid scopes"),
    BAD_NAME("the name must not contain control characters"),
    BAD_CREATED_AT("the creation time must be an ISO-8601 instant or date"),
    BAD_ATTRIBUTE("an attribute must be key=value with a key of letters, digits, '_', '.' or '-'"),
    BAD_TIME_ATTRIBUTE("expires=, revoked= and used= take an ISO-8601 instant or date"),
    BAD_TEXT_ATTRIBUTE("by=, revokedBy= and subject= take a non-empty value without control characters"),
    DUPLICATE_ATTRIBUTE("a known attribute appears more than once"),
    DUPLICATE_TOKEN("the same token (same hash) is on an earlier line");

    private final String rule;

    LineProblem(String rule) {
        this.rule = rule;
    }

    /** The rule the line breaks, in words. */
    public String rule() {
        return rule;
    }
}
