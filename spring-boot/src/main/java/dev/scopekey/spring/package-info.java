/**
 * Spring Boot 3 auto-configuration for scopekey: the {@code scopekey.*} properties, the token
 * store and service, the filter and admin API, Spring Security's opaque-token introspector, the
 * Actuator health indicator and the Micrometer meters.
 */
package dev.scopekey.spring;
