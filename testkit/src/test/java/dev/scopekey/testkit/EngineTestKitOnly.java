package dev.scopekey.testkit;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a class only when a test launches it through JUnit's EngineTestKit with
 * {@value #PARAMETER}{@code =true}: for sample test classes that are meant to fail.
 */
final class EngineTestKitOnly implements ExecutionCondition {
    static final String PARAMETER = "scopekey.testkit.samples";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return context.getConfigurationParameter(PARAMETER).filter("true"::equals).isPresent()
                ? ConditionEvaluationResult.enabled("launched as a sample")
                : ConditionEvaluationResult.disabled("a sample class, run only through EngineTestKit");
    }
}
