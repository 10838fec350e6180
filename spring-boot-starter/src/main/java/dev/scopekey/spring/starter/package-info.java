/**
 * The scopekey Spring Boot starter holds no code: it brings {@code scopekey-spring-boot} (the
 * auto-configuration), {@code scopekey-servlet} and {@code spring-boot-starter}, so that an
 * application adds it beside {@code spring-boot-starter-web} and configures {@code scopekey.*}.
 */
package dev.scopekey.spring.starter;
