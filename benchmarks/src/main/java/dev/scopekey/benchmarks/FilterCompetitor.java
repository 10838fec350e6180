package dev.scopekey.benchmarks;

import jakarta.servlet.Filter;

/** The servlet filters {@link FilterBenchmark} compares, each knowing {@link FilterTokens#valid}. */
enum FilterCompetitor {
    /** {@link NoopFilter}: the harness alone. */
    NOOP {
        @Override
        Filter create(FilterTokens tokens) {
            return new NoopFilter();
        }
    },
    /** {@link MinimalFilter}: a hand-written bearer check. */
    MINIMAL {
        @Override
        Filter create(FilterTokens tokens) {
            return new MinimalFilter(tokens.valid());
        }
    },
    /** scopekey's {@code ScopeKeyFilter} over the in-memory store. */
    SCOPEKEY {
        @Override
        Filter create(FilterTokens tokens) {
            return ScopeKeyFilters.guard(tokens.service(), "GET /kafka/** " + TokenCheck.SCOPE);
        }
    },
    /** {@link SpringSecurityFilter}: Spring Security's bearer and authorization filters. */
    SPRING {
        @Override
        Filter create(FilterTokens tokens) {
            return new SpringSecurityFilter(tokens.valid());
        }
    };

    /** The filter, initialised and ready for requests. */
    abstract Filter create(FilterTokens tokens);
}
