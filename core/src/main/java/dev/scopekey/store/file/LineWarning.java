package dev.scopekey.store.file;

/**
 * A token-file line that was skipped: its 1-based number and the rule it breaks. It carries no
 * content of the line, so it is safe to log.
 *
 * @param lineNumber 1-based line number
 * @param problem the rule broken
 */
public record LineWarning(int lineNumber, LineProblem problem) {
    @Override
    public String toString() {
        return "line " + lineNumber + ": " + problem.rule();
    }
}
