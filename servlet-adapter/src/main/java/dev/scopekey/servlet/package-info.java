/**
 * The servlet adapter: {@link dev.scopekey.servlet.ScopeKeyFilter} guards a web application
 * configured from {@code web.xml}, {@link dev.scopekey.servlet.TokenAdminServlet} serves the
 * token admin API, and {@link dev.scopekey.servlet.CallerCredentials} picks the credential for
 * calls made on a caller's behalf; {@link dev.scopekey.servlet.TokenIntrospectionServlet} answers RFC 7662
 * token introspection. Reference: {@code docs/servlet.md} and {@code docs/http-api.md}.
 */
package dev.scopekey.servlet;
