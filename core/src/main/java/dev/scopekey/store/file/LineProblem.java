package dev.scopekey.store.file;

/**
 * Why a token-file line was skipped. Each constant names a rule of the file format, never the
 * content of the line, so a warning built from it can be logged safely.
 */
public enum LineProblem {
    /** The line's bytes are not UTF-8. */
    NOT_UTF8("the line is not valid UTF-8"),
    /** A legacy line (no tab) that is not one token. */
    LEGACY_NOT_A_TOKEN("a line without tabs must be one token of 1 to 1024 printable ASCII characters "
            + "without spaces"),
    /** A hashed credential without scopes. */
    LEGACY_HASHED("a sha256: credential needs a scopes field after a tab"),
    /** The credential has bad characters or length. */
    BAD_CREDENTIAL("the credential must be 1 to 1024 printable ASCII characters without spaces"),
    /** A {@code sha256:} credential of the wrong shape. */
    BAD_HASHED_CREDENTIAL("a hashed credential must be sha256:<prefix>:<64 lowercase hex digits>"),
    /** The scopes field is empty or holds an invalid scope. */
    INVALID_SCOPES("the scopes field must be a non-empty comma-separated list of valid scopes"),
    /** The name holds control characters. */
    BAD_NAME("the name must not contain control characters"),
    /** The creation time is not an instant or a date. */
    BAD_CREATED_AT("the creation time must be an ISO-8601 instant or date"),
    /** An attribute is not {@code key=value}. */
    BAD_ATTRIBUTE("an attribute must be key=value with a key of letters, digits, '_', '.' or '-'"),
    /** A time attribute is not an instant or a date. */
    BAD_TIME_ATTRIBUTE("expires=, revoked= and used= take an ISO-8601 instant or date"),
    /** A text attribute is empty or holds control characters. */
    BAD_TEXT_ATTRIBUTE("by=, revokedBy= and subject= take a non-empty value without control characters"),
    /** A known attribute appears twice. */
    DUPLICATE_ATTRIBUTE("a known attribute appears more than once"),
    /** {@code addresses=} is not a list of IP addresses and CIDR ranges. */
    BAD_ADDRESSES_ATTRIBUTE("addresses= takes comma-separated IPv4 or IPv6 addresses and CIDR ranges"),
    /** {@code rate=} is not a rate. */
    BAD_RATE_ATTRIBUTE("rate= takes <permits>/<period>, such as 100/minute"),
    /** {@code disabled=} is neither true nor false. */
    BAD_FLAG_ATTRIBUTE("disabled= takes true or false"),
    /** The token is on an earlier line already. */
    DUPLICATE_TOKEN("the same token (same hash) is on an earlier line");

    private final String rule;

    LineProblem(String rule) {
        this.rule = rule;
    }

    /**
     * The rule the line breaks, in words.
     *
     * @return the rule
     */
    public String rule() {
        return rule;
    }
}
