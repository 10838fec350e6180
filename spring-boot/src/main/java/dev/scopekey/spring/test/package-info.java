/**
 * Test support for Spring Boot applications: {@link dev.scopekey.spring.test.ScopeKeyTest} puts
 * the testkit's fixture and {@code @TestToken} parameters into a {@code @SpringBootTest}.
 */
package dev.scopekey.spring.test;
