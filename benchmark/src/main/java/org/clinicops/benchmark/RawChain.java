package org.clinicops.benchmark;

import com.zaxxer.hikari.HikariDataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.clinicops.local.LocalInfrastructure;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * The baseline: the clinic's kind of work with nothing of the clinic's code, plain kafka-clients and JDBC on the same
 * broker and PostgreSQL. A chain starts with a row and an outbox row written in one transaction (stage 0), then
 * goes three hops; each hop is a relay sending the outbox rows of one stage to its topic, and an idempotent consumer
 * that in one transaction records the event id (a redelivery changes nothing), writes the next stage's row and, but
 * for the last stage, its outbox row, and commits its offsets only after that transaction. Each stage's row carries
 * the time it was written, so a hop is stage n-1 to stage n, as the services' own timestamps are read.
 */
final class RawChain implements AutoCloseable {

    static final int HOPS = 3;
    private static final String DATABASE = "raw_chain";
    private static final Duration SAFETY_NET_POLL = Duration.ofMillis(100);
    private static final int RELAY_BATCH = 500;
    private static final JsonMapper json = JsonMapper.builder().build();

    /** What a hop carries: the event's own id (the consumer's dedupe key) and the chain it belongs to. */
    record RawEvent(UUID eventId, UUID chainId, int stage) {
    }

    private final String bootstrapServers;
    private final String jdbcUrl;
    private final Clock clock;
    private final HikariDataSource arrivals;
    private final List<Relay> relays = new ArrayList<>();
    private final List<HopConsumer> consumers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    private RawChain(String bootstrapServers, String jdbcUrl, Clock clock) {
        this.bootstrapServers = bootstrapServers;
        this.jdbcUrl = jdbcUrl;
        this.clock = clock;
        this.arrivals = new HikariDataSource();
        arrivals.setJdbcUrl(jdbcUrl);
        arrivals.setMaximumPoolSize(10);
        arrivals.setPoolName("raw-chain-arrivals");
    }

    /** Creates the database, the tables and the topics, and starts the relays and consumers. */
    static RawChain start(LocalInfrastructure infrastructure, Clock clock) throws Exception {
        try (Connection postgres = DriverManager.getConnection(infrastructure.postgres().jdbcUrl("postgres"));
             Statement sql = postgres.createStatement()) {
            sql.execute("create database " + DATABASE);
        }
        String bootstrap = infrastructure.kafka().bootstrapServers();
        RawChain chain = new RawChain(bootstrap, infrastructure.postgres().jdbcUrl(DATABASE), clock);
        try (Connection connection = chain.arrivals.getConnection(); Statement sql = connection.createStatement()) {
            for (int stage = 0; stage <= HOPS; stage++) {
                sql.execute("create table stage_" + stage + " (chain_id uuid not null, created_at timestamptz not null)");
                sql.execute("create index stage_" + stage + "_by_chain on stage_" + stage + " (chain_id)");
                if (stage < HOPS) {
                    sql.execute("create table outbox_" + stage + " (id bigserial primary key, event_id uuid not null,"
                            + " chain_id uuid not null, payload text not null, published_at timestamptz)");
                    sql.execute("create index outbox_" + stage + "_unpublished on outbox_" + stage
                            + " (id) where published_at is null");
                }
                if (stage > 0) {
                    sql.execute("create table processed_" + stage + " (event_id uuid primary key)");
                }
            }
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            // the broker's default partition count and replication, as a topic the binder creates
            admin.createTopics(IntStream.rangeClosed(1, HOPS)
                    .mapToObj(hop -> new NewTopic(topic(hop), Optional.empty(), Optional.empty())).toList())
                    .all().get(30, TimeUnit.SECONDS);
        }
        for (int hop = 1; hop <= HOPS; hop++) {
            chain.relays.add(new Relay(chain, hop));
        }
        for (int hop = 1; hop <= HOPS; hop++) {
            chain.consumers.add(new HopConsumer(chain, hop));
        }
        for (Relay relay : chain.relays) {
            chain.threads.add(Thread.ofPlatform().name("raw-relay-" + relay.hop).start(relay));
        }
        for (HopConsumer consumer : chain.consumers) {
            chain.threads.add(Thread.ofPlatform().name("raw-consumer-" + consumer.hop).start(consumer));
        }
        return chain;
    }

    private static String topic(int hop) {
        return "raw.hop-" + hop;
    }

    /** Stage 0 of a new chain: its row and the outbox row for hop 1, in one transaction; then the relay is woken. */
    UUID arrive() {
        UUID chainId = UUID.randomUUID();
        try (Connection connection = arrivals.getConnection()) {
            connection.setAutoCommit(false);
            writeStage(connection, 0, chainId);
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("A raw chain could not start", e);
        }
        relays.getFirst().wake();
        return chainId;
    }

    /** The stage's row and, before the last stage, its outbox row for the next hop. */
    private void writeStage(Connection connection, int stage, UUID chainId) throws SQLException {
        try (PreparedStatement row = connection.prepareStatement(
                "insert into stage_" + stage + " (chain_id, created_at) values (?, ?)")) {
            row.setObject(1, chainId);
            row.setTimestamp(2, Timestamp.from(clock.instant()));
            row.executeUpdate();
        }
        if (stage < HOPS) {
            RawEvent event = new RawEvent(UUID.randomUUID(), chainId, stage + 1);
            try (PreparedStatement outbox = connection.prepareStatement(
                    "insert into outbox_" + stage + " (event_id, chain_id, payload) values (?, ?, ?)")) {
                outbox.setObject(1, event.eventId());
                outbox.setObject(2, chainId);
                outbox.setString(3, json.writeValueAsString(event));
                outbox.executeUpdate();
            }
        }
    }

    /** Each chain's stage times, one list per stage (0..3), the rows in the order written. */
    Map<UUID, List<List<Instant>>> stages(List<UUID> chainIds) throws SQLException {
        Map<UUID, List<List<Instant>>> stages = new HashMap<>();
        for (UUID id : chainIds) {
            List<List<Instant>> perStage = new ArrayList<>();
            for (int stage = 0; stage <= HOPS; stage++) {
                perStage.add(new ArrayList<>());
            }
            stages.put(id, perStage);
        }
        try (Connection connection = arrivals.getConnection()) {
            for (int stage = 0; stage <= HOPS; stage++) {
                try (PreparedStatement select = connection.prepareStatement("select chain_id, created_at from stage_"
                        + stage + " where chain_id = any (?) order by created_at")) {
                    select.setArray(1, connection.createArrayOf("uuid", chainIds.toArray()));
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            stages.get(rows.getObject(1, UUID.class)).get(stage)
                                    .add(rows.getTimestamp(2).toInstant());
                        }
                    }
                }
            }
        }
        return stages;
    }

    /** How many of the chains have reached the last stage. */
    long completed(List<UUID> chainIds) throws SQLException {
        try (Connection connection = arrivals.getConnection();
             PreparedStatement count = connection.prepareStatement(
                     "select count(distinct chain_id) from stage_" + HOPS + " where chain_id = any (?)")) {
            count.setArray(1, connection.createArrayOf("uuid", chainIds.toArray()));
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /**
     * Sends one stage's outbox rows to its hop's topic: woken right after a commit that wrote one, and every 100 ms
     * as a safety net; a batch is sent without waiting for each message, then marked published in the transaction
     * that locked it, so a row is sent again (never lost) if the marking fails.
     */
    private static final class Relay implements Runnable {

        private final RawChain chain;
        private final int hop;
        private final Semaphore wakeUps = new Semaphore(0);
        private volatile boolean running = true;

        Relay(RawChain chain, int hop) {
            this.chain = chain;
            this.hop = hop;
        }

        void wake() {
            wakeUps.release();
        }

        void stop() {
            running = false;
            wake();
        }

        @Override
        public void run() {
            Properties settings = new Properties();
            settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, chain.bootstrapServers);
            settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(settings);
                 Connection connection = DriverManager.getConnection(chain.jdbcUrl)) {
                connection.setAutoCommit(false);
                while (running) {
                    wakeUps.tryAcquire(SAFETY_NET_POLL.toMillis(), TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
                    while (running && relayBatch(producer, connection) == RELAY_BATCH) {
                        // a full batch: there may be more waiting
                    }
                }
            } catch (Exception e) {
                if (running) {
                    throw new IllegalStateException("The raw relay of hop " + hop + " stopped", e);
                }
            }
        }

        private int relayBatch(KafkaProducer<String, String> producer, Connection connection) throws Exception {
            int stage = hop - 1;
            List<Long> ids = new ArrayList<>();
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("select id, chain_id, payload from outbox_"
                    + stage + " where published_at is null order by id limit " + RELAY_BATCH
                    + " for update skip locked");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                    // keyed by chain, as the services key by patient: one chain's events stay in order
                    sends.add(producer.send(new ProducerRecord<>(topic(hop), rows.getString(2), rows.getString(3))));
                }
            }
            for (Future<RecordMetadata> send : sends) {
                send.get();
            }
            if (!ids.isEmpty()) {
                try (PreparedStatement mark = connection.prepareStatement(
                        "update outbox_" + stage + " set published_at = now() where id = any (?)")) {
                    mark.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
                    mark.executeUpdate();
                }
            }
            connection.commit();
            return ids.size();
        }
    }

    /** One hop's idempotent consumer: dedupe by event id, next stage and its outbox row, then the offsets. */
    private static final class HopConsumer implements Runnable {

        private final RawChain chain;
        private final int hop;
        private volatile KafkaConsumer<String, String> consumer;
        private volatile boolean running = true;

        HopConsumer(RawChain chain, int hop) {
            this.chain = chain;
            this.hop = hop;
        }

        void stop() {
            running = false;
            KafkaConsumer<String, String> current = consumer;
            if (current != null) {
                current.wakeup();
            }
        }

        @Override
        public void run() {
            Properties settings = new Properties();
            settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, chain.bootstrapServers);
            settings.put(ConsumerConfig.GROUP_ID_CONFIG, "raw-hop-" + hop);
            settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(settings);
                 Connection connection = DriverManager.getConnection(chain.jdbcUrl)) {
                consumer = kafka;
                connection.setAutoCommit(false);
                kafka.subscribe(List.of(topic(hop)));
                while (running) {
                    boolean wroteOutbox = false;
                    var records = kafka.poll(Duration.ofMillis(100));
                    for (ConsumerRecord<String, String> record : records) {
                        wroteOutbox |= consume(connection, json.readValue(record.value(), RawEvent.class));
                    }
                    if (!records.isEmpty()) {
                        kafka.commitSync();
                    }
                    if (wroteOutbox) {
                        chain.relays.get(hop).wake();
                    }
                }
            } catch (WakeupException e) {
                // stopped
            } catch (Exception e) {
                if (running) {
                    throw new IllegalStateException("The raw consumer of hop " + hop + " stopped", e);
                }
            }
        }

        /** One transaction per event; true when it wrote an outbox row for the next hop. */
        private boolean consume(Connection connection, RawEvent event) throws SQLException {
            try (PreparedStatement processed = connection.prepareStatement(
                    "insert into processed_" + hop + " (event_id) values (?) on conflict do nothing")) {
                processed.setObject(1, event.eventId());
                if (processed.executeUpdate() == 0) {
                    connection.commit();
                    return false; // a redelivery: done already
                }
            }
            chain.writeStage(connection, hop, event.chainId());
            connection.commit();
            return hop < HOPS;
        }
    }

    @Override
    public void close() throws InterruptedException {
        consumers.forEach(HopConsumer::stop);
        relays.forEach(Relay::stop);
        for (Thread thread : threads) {
            thread.join(10_000);
        }
        arrivals.close();
    }
}
