package org.clinicops.local;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalPostgresTests {

    @TempDir
    Path dataDirectory;

    @Test
    void theServicesDatabasesExistAndARowWrittenIsStillThereAfterARestartOnTheSameDirectory() throws Exception {
        try (LocalPostgres postgres = LocalPostgres.start(dataDirectory, 0)) {
            assertThat(postgres.port()).isPositive();
            assertThat(postgres.jdbcUrl("intake"))
                    .isEqualTo("jdbc:postgresql://localhost:" + postgres.port() + "/intake?user=postgres");
            assertThat(databaseNames(postgres)).contains("intake", "session", "notification");
            try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("intake"));
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE referral (id int PRIMARY KEY, note text)");
                statement.execute("INSERT INTO referral VALUES (1, 'kept between runs')");
            }
        }

        try (LocalPostgres restarted = LocalPostgres.start(dataDirectory, 0)) {
            assertThat(databaseNames(restarted)).contains("intake", "session", "notification");
            assertThat(notes(restarted)).containsExactly("kept between runs");
        }
    }

    @Test
    void startsAgainWhenAnEarlierJvmWasKilledAndLeftItsPostgresRunning() throws Exception {
        Process child = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                LocalPostgresInAnotherJvm.class.getName(), dataDirectory.toString())
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("READY")) {
                // skip the child's log lines
            }
            assertThat(line).as("the other JVM started PostgreSQL").startsWith("READY");
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook stops its PostgreSQL
            child.waitFor(10, TimeUnit.SECONDS);
        }

        try (LocalPostgres postgres = LocalPostgres.start(dataDirectory, 0)) {
            assertThat(notes(postgres)).containsExactly("written by the killed JVM");
        }
    }

    @Test
    void aSecondStartOnADirectoryInUseIsRefusedAndTheFirstKeepsRunning() throws Exception {
        try (LocalPostgres first = LocalPostgres.start(dataDirectory, 0)) {
            assertThatThrownBy(() -> LocalPostgres.start(dataDirectory, 0))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in use");
            assertThat(databaseNames(first)).contains("intake");
        }
    }

    /** Run in a separate JVM by the test above. */
    static final class LocalPostgresInAnotherJvm {
        public static void main(String[] args) throws Exception {
            LocalPostgres postgres = LocalPostgres.start(Path.of(args[0]), 0);
            try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("intake"));
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE referral (id int PRIMARY KEY, note text)");
                statement.execute("INSERT INTO referral VALUES (1, 'written by the killed JVM')");
            }
            System.out.println("READY " + postgres.port());
            System.out.flush();
            // Stands in for a running launcher until the test kills this JVM with SIGKILL; nothing is awaited here.
            Thread.sleep(TimeUnit.MINUTES.toMillis(2));
        }
    }

    private static List<String> databaseNames(LocalPostgres postgres) throws SQLException {
        return column(postgres.jdbcUrl("postgres"), "SELECT datname FROM pg_database");
    }

    private static List<String> notes(LocalPostgres postgres) throws SQLException {
        return column(postgres.jdbcUrl("intake"), "SELECT note FROM referral ORDER BY id");
    }

    private static List<String> column(String jdbcUrl, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(query)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
