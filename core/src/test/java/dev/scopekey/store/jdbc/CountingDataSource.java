package dev.scopekey.store.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.sql.DataSource;

/**
 * Wraps a real data source in dynamic proxies that count every statement execution by its SQL
 * (each {@code addBatch} counts as one statement) and can inject failures: a refused
 * connection, or a failing execution of chosen SQL.
 */
final class CountingDataSource {
    private final DataSource target;
    private final Map<String, AtomicInteger> executions = new ConcurrentHashMap<>();
    private volatile boolean refuseConnections;
    private volatile Predicate<String> failing = sql -> false;

    CountingDataSource(DataSource target) {
        this.target = target;
    }

    DataSource dataSource() {
        return proxy(DataSource.class, target, (method, args) -> {
            if (method.getName().equals("getConnection")) {
                if (refuseConnections) {
                    throw new SQLException("connection refused (injected)", "08001");
                }
                Connection connection = (Connection) invoke(method, target, args);
                return proxy(Connection.class, connection, (m, a) -> onConnection(connection, m, a));
            }
            return invoke(method, target, args);
        });
    }

    /** How many statements matching {@code sql} were executed (batch entries one each). */
    int executions(Predicate<String> sql) {
        int total = 0;
        for (Map.Entry<String, AtomicInteger> entry : executions.entrySet()) {
            if (sql.test(entry.getKey())) {
                total += entry.getValue().get();
            }
        }
        return total;
    }

    void reset() {
        executions.clear();
    }

    /** From now on getConnection fails as a refused connection would. */
    void refuseConnections(boolean value) {
        refuseConnections = value;
    }

    /** From now on executing SQL that matches fails. */
    void failExecutionsOf(Predicate<String> sql) {
        failing = sql;
    }

    private Object onConnection(Connection connection, Method method, Object[] args) throws Throwable {
        Object result = invoke(method, connection, args);
        if (result instanceof PreparedStatement && args != null && args[0] instanceof String) {
            String sql = (String) args[0];
            PreparedStatement statement = (PreparedStatement) result;
            return proxy(PreparedStatement.class, statement, (m, a) -> onPrepared(statement, sql, m, a));
        }
        if (result instanceof Statement && !(result instanceof PreparedStatement)) {
            Statement statement = (Statement) result;
            return proxy(Statement.class, statement, (m, a) -> onStatement(statement, m, a));
        }
        return result;
    }

    private Object onPrepared(PreparedStatement statement, String sql, Method method, Object[] args)
            throws Throwable {
        String name = method.getName();
        boolean withoutSql = args == null || args.length == 0;
        if (withoutSql && (name.equals("addBatch") || name.startsWith("execute") && !name.equals("executeBatch"))) {
            count(sql);
        }
        if (withoutSql && name.startsWith("execute") && failing.test(sql)) {
            throw new SQLException("statement failed (injected)", "08006");
        }
        return invoke(method, statement, args);
    }

    private Object onStatement(Statement statement, Method method, Object[] args) throws Throwable {
        if (method.getName().startsWith("execute") && args != null && args.length > 0 && args[0] instanceof String) {
            count((String) args[0]);
        }
        return invoke(method, statement, args);
    }

    private void count(String sql) {
        executions.computeIfAbsent(sql, s -> new AtomicInteger()).incrementAndGet();
    }

    @FunctionalInterface
    private interface Handler {
        Object handle(Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, Object target, Handler handler) {
        InvocationHandler invocation = (proxy, method, args) -> {
            if (method.getName().equals("unwrap") || method.getName().equals("isWrapperFor")) {
                return invoke(method, target, args);
            }
            return handler.handle(method, args);
        };
        return type.cast(Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(), new Class<?>[] {type},
                invocation));
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
