/**
 * The JDBC token store: {@link dev.scopekey.store.jdbc.JdbcTokenStore} over an integrator's
 * {@code DataSource} on PostgreSQL, MariaDB/MySQL or H2, its schema migrations
 * ({@link dev.scopekey.store.jdbc.JdbcMigrations}, scripts under {@code META-INF/scopekey/sql/}),
 * and the short lookup cache that keeps verification off the database. Uses only
 * {@code java.sql}, {@code javax.sql} and SLF4J; drivers are reached through JDBC interfaces.
 */
package dev.scopekey.store.jdbc;
