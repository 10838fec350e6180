package dev.scopekey.cli;

import dev.scopekey.port.TokenStore;
import dev.scopekey.store.jdbc.JdbcTokenStore;
import java.util.List;

/** {@code migrate}: creates or updates the token tables of a database store. */
final class MigrateCommand implements Command {

    @Override
    public String name() {
        return "migrate";
    }

    @Override
    public String summary() {
        return "create or update the tables of a jdbc: store";
    }

    @Override
    public String usage() {
        return "--store jdbc:URL";
    }

    @Override
    public String description() {
        return "Applies the schema migrations the database lacks (PostgreSQL, MariaDB/MySQL or H2) and\n"
                + "prints each one applied, or that the schema is up to date. Safe to run again.\n"
                + "Integrators who run Flyway or Liquibase use the same scripts instead:\n"
                + "META-INF/scopekey/sql/<dialect>/V<n>__<name>.sql in scopekey-core.jar.";
    }

    @Override
    public List<Option> options() {
        return List.of();
    }

    @Override
    public int run(Arguments args, CliContext context) throws UsageException {
        args.noPositionals();
        if (context.spec().kind() != StoreSpec.Kind.JDBC) {
            throw new UsageException("migrate is for jdbc: stores; a token file needs no migration");
        }
        TokenStore store = context.store();
        if (!(store instanceof JdbcTokenStore)) {
            context.err.println("this store takes no migrations");
            return ScopeKeyCli.EXIT_REFUSED;
        }
        List<String> applied = ((JdbcTokenStore) store).migrate();
        if (applied.isEmpty()) {
            context.out.println("the schema is up to date");
        }
        for (String migration : applied) {
            context.out.println("applied " + migration);
        }
        return ScopeKeyCli.EXIT_OK;
    }
}
