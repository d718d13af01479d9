package com.sundispatch.support;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Test-only guard against pool starvation by design: a thread that already holds a pooled connection and
 * asks for a second one can deadlock the whole pool under load (every request holding one and waiting for
 * another). The application's DataSource is wrapped; every such request is recorded, and
 * {@link IntegrationTest} fails the test in which it happened. Armed once the application is ready, so start-up
 * work (Flyway) is not judged.
 */
public class ConnectionGuard implements BeanPostProcessor, ApplicationListener<ApplicationReadyEvent> {

    private static final ThreadLocal<int[]> HELD = ThreadLocal.withInitial(() -> new int[1]);
    private static final List<String> VIOLATIONS = new CopyOnWriteArrayList<>();
    private volatile boolean armed;

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource ds && !(bean instanceof Guarded)) {
            return new Guarded(ds, this);
        }
        return bean;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        armed = true;
    }

    /** The violations recorded since the last call, emptied. */
    public static List<String> takeViolations() {
        List<String> copy = new ArrayList<>(VIOLATIONS);
        VIOLATIONS.removeAll(copy);
        return copy;
    }

    static final class Guarded extends DelegatingDataSource {

        /** Each application context's own guard: another context starting up (Flyway) is not judged. */
        private final ConnectionGuard guard;

        Guarded(DataSource target, ConnectionGuard guard) {
            super(target);
            this.guard = guard;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return track(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return track(super.getConnection(username, password));
        }

        private Connection track(Connection connection) {
            int[] held = HELD.get();
            if (held[0] > 0 && guard.armed) {
                StringWriter trace = new StringWriter();
                new Throwable("second connection on thread " + Thread.currentThread().getName()
                        + " while holding " + held[0]).printStackTrace(new PrintWriter(trace));
                VIOLATIONS.add(trace.toString());
            }
            held[0]++;
            boolean[] closed = new boolean[1];
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] { Connection.class }, (proxy, method, args) -> {
                        if (method.getName().equals("close") && !closed[0]) {
                            closed[0] = true;
                            HELD.get()[0] = Math.max(0, HELD.get()[0] - 1);
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
