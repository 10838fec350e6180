package dev.scopekey.servlet;

import java.lang.reflect.Proxy;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.OperationNotSupportedException;
import javax.naming.spi.InitialContextFactory;

/**
 * A minimal JNDI provider for tests: names bound in {@link #BOUND} are what {@code lookup}
 * finds. Installed with the system property {@code java.naming.factory.initial}.
 */
public final class TestNaming implements InitialContextFactory {
    static final Map<String, Object> BOUND = new ConcurrentHashMap<>();

    @Override
    public Context getInitialContext(Hashtable<?, ?> environment) {
        return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "lookup":
                            Object found = BOUND.get(String.valueOf(args[0]));
                            if (found == null) {
                                throw new NameNotFoundException(String.valueOf(args[0]));
                            }
                            return found;
                        case "close":
                            return null;
                        case "toString":
                            return "TestNaming";
                        default:
                            throw new OperationNotSupportedException(method.getName());
                    }
                });
    }
}
