package dev.scopekey.domain;

/** Where a token comes from; decides who may administer tokens. */
public enum TokenSource {
    /** Kept in a token store (file or database). */
    STORE,
    /** Provided by the operator, for example the break-glass admin token from an environment variable. */
    CONFIG,
    /** Registered in process memory at run time; a wildcard here never administers tokens. */
    RUNTIME
}
