package org.clinicops.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import kafka.server.BrokerServer;
import kafka.server.ControllerServer;
import kafka.server.FaultHandlerFactory;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.server.Server;
import kafka.server.SharedServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.network.ListenerName;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.metadata.bootstrap.BootstrapMetadata;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.raft.QuorumConfig;
import org.apache.kafka.server.ServerSocketFactory;
import org.apache.kafka.server.fault.FaultHandler;
import org.apache.kafka.server.fault.LoggingFaultHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * A real Apache Kafka broker, in KRaft combined mode (broker and controller, node id 1), running inside this JVM
 * from Kafka's own artifacts.
 *
 * <p>Data is kept between runs: the first start formats {@code <dataDirectory>/kraft-logs} with a newly generated
 * cluster id (Kafka stores it in {@code meta.properties}); later starts on the same directory reuse the storage,
 * so topics, messages and committed offsets survive a restart.
 *
 * <p>The server is assembled the same way {@code kafka.server.KafkaRaftServer} (Kafka 4.1) assembles it —
 * {@code SharedServer}, then {@code ControllerServer} and {@code BrokerServer}, started controller first and shut
 * down broker first — with two differences that matter in a JVM that also runs the services:
 * <ul>
 *   <li>the listener sockets are bound before Kafka starts (so port 0 gives a real free port without races, and a
 *       busy port fails fast with a clear message);</li>
 *   <li>a fatal Kafka fault is logged instead of halting the whole JVM ({@code KafkaRaftServer} halts it).</li>
 * </ul>
 * The controller quorum is static ({@code controller.quorum.voters}, {@code kraft.version=0}), so the controller's
 * own port is picked afresh each run and nothing about it is stored in the data directory.
 */
public final class LocalKafka implements AutoCloseable {

    public static final int DEFAULT_PORT = 9092;
    public static final String HOST = "127.0.0.1";

    static final int NODE_ID = 1;
    static final String BROKER_LISTENER = "PLAINTEXT";
    static final String CONTROLLER_LISTENER = "CONTROLLER";
    static final String LOG_DIRECTORY_NAME = "kraft-logs";

    private static final Logger log = LoggerFactory.getLogger(LocalKafka.class);
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

    private final Path dataDirectory;
    private final String clusterId;
    private final String bootstrapServers;
    private final int controllerPort;
    private final Metrics metrics;
    private final ControllerServer controller;
    private final BrokerServer broker;
    private final PreboundSockets sockets;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalKafka(Path dataDirectory, String clusterId, int port, int controllerPort, Metrics metrics,
                       ControllerServer controller, BrokerServer broker, PreboundSockets sockets) {
        this.dataDirectory = dataDirectory;
        this.clusterId = clusterId;
        this.bootstrapServers = HOST + ":" + port;
        this.controllerPort = controllerPort;
        this.metrics = metrics;
        this.controller = controller;
        this.broker = broker;
        this.sockets = sockets;
    }

    /** Starts a broker on 127.0.0.1:9092 with its data in {@code dataDirectory}. */
    public static LocalKafka start(Path dataDirectory) {
        return start(dataDirectory, DEFAULT_PORT);
    }

    /**
     * Starts a broker on 127.0.0.1:{@code port} (0 = any free port, see {@link #port()}) with its data in
     * {@code dataDirectory}, formatting the storage first if this directory has never held a broker.
     */
    public static LocalKafka start(Path dataDirectory, int port) {
        return start(dataDirectory, port, Map.of());
    }

    /**
     * As {@link #start(Path, int)}, with extra or overriding broker properties (e.g. {@code log.retention.hours}).
     */
    public static LocalKafka start(Path dataDirectory, int port, Map<String, ?> brokerPropertyOverrides) {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        long startNanos = System.nanoTime();
        Path data = dataDirectory.toAbsolutePath();
        Path logDirectory = data.resolve(LOG_DIRECTORY_NAME);
        PreboundSockets sockets = new PreboundSockets();
        SharedServer sharedServer = null;
        ControllerServer controller = null;
        BrokerServer broker = null;
        try {
            Files.createDirectories(logDirectory);
            int brokerPort = sockets.bind(BROKER_LISTENER, port);
            int controllerPort = sockets.bind(CONTROLLER_LISTENER, 0);

            KafkaConfig config = new KafkaConfig(brokerProperties(logDirectory, brokerPort, controllerPort,
                    brokerPropertyOverrides), false);

            formatIfNeeded(config, logDirectory);

            // As KafkaRaftServer: verify and load meta.properties in every log dir, and the bootstrap metadata.
            Tuple2<MetaPropertiesEnsemble, BootstrapMetadata> logDirs =
                    KafkaRaftServer.initializeLogDirs(config, log, "[LocalKafka] ");
            MetaPropertiesEnsemble metaProperties = logDirs._1();
            String clusterId = metaProperties.clusterId().orElseThrow();
            Metrics metrics = Server.initializeMetrics(config, Time.SYSTEM, clusterId);
            sharedServer = new SharedServer(
                    config,
                    metaProperties,
                    Time.SYSTEM,
                    metrics,
                    CompletableFuture.completedFuture(
                            QuorumConfig.parseVoterConnections(config.quorumConfig().voters())),
                    QuorumConfig.parseBootstrapServers(config.quorumConfig().bootstrapServers()),
                    new LoggingOnlyFaultHandlerFactory(),
                    sockets);
            controller = new ControllerServer(sharedServer, KafkaRaftServer.configSchema(), logDirs._2());
            broker = new BrokerServer(sharedServer);

            // The controller starts first so that its endpoint is known to the raft manager (as KafkaRaftServer).
            controller.startup();
            broker.startup(); // returns once the broker is registered, unfenced and accepting requests
            AppInfoParser.registerAppInfo(Server.MetricsPrefix(), Integer.toString(NODE_ID), metrics,
                    Time.SYSTEM.milliseconds());

            int boundPort = broker.boundPort(ListenerName.normalised(BROKER_LISTENER));
            LocalKafka kafka = new LocalKafka(data, clusterId, boundPort, controllerPort, metrics, controller,
                    broker, sockets);
            log.info("Kafka {} broker (KRaft, cluster id {}) is up on {} in {} ms, data in {}",
                    AppInfoParser.getVersion(), clusterId, kafka.bootstrapServers(),
                    Duration.ofNanos(System.nanoTime() - startNanos).toMillis(), logDirectory);
            return kafka;
        } catch (Exception | Error e) {
            if (broker != null) {
                Utils.swallow(log, org.slf4j.event.Level.WARN, "broker shutdown", broker::shutdown);
            }
            if (controller != null) {
                Utils.swallow(log, org.slf4j.event.Level.WARN, "controller shutdown", controller::shutdown);
            } else if (sharedServer != null) {
                Utils.swallow(log, org.slf4j.event.Level.WARN, "shared server stop", sharedServer::stopForController);
            }
            sockets.closeUnused();
            if (e instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("Could not start the local Kafka broker on " + HOST + ":" + port
                    + " with data in " + logDirectory + ": " + e.getMessage(), e);
        }
    }

    static Map<String, Object> brokerProperties(Path logDirectory, int brokerPort, int controllerPort,
                                                Map<String, ?> overrides) {
        Map<String, Object> props = new HashMap<>();
        props.put("process.roles", "broker,controller");
        props.put("node.id", Integer.toString(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("listeners", BROKER_LISTENER + "://" + HOST + ":" + brokerPort + ","
                + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
        props.put("advertised.listeners", BROKER_LISTENER + "://" + HOST + ":" + brokerPort);
        props.put("listener.security.protocol.map",
                BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("inter.broker.listener.name", BROKER_LISTENER);
        props.put("log.dirs", logDirectory.toString());
        props.put("metadata.log.dir", logDirectory.toString());

        // One broker: every internal topic has a single replica.
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "10");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "10");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("default.replication.factor", "1");
        props.put("min.insync.replicas", "1");

        // as many as the services give the topics they create (clinic.messaging.partitions), for any other topic
        props.put("num.partitions", "6");
        props.put("auto.create.topics.enable", "true");
        props.put("group.initial.rebalance.delay.ms", "0");

        // The log cleaner (compacted topics such as __consumer_offsets) reserves 128 MiB of heap by default;
        // this JVM also runs the services.
        props.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
        overrides.forEach((key, value) -> props.put(key, String.valueOf(value)));
        return props;
    }

    /**
     * Formats the storage the way {@code kafka-storage.sh format --cluster-id <new id> --config server.properties}
     * does ({@code kafka.tools.StorageTool#runFormatCommand}), but without StorageTool's {@code Exit.exit}. A
     * directory that already holds {@code meta.properties} is left alone: its cluster id is kept.
     */
    private static void formatIfNeeded(KafkaConfig config, Path logDirectory) throws Exception {
        if (Files.exists(logDirectory.resolve("meta.properties"))) {
            return;
        }
        String clusterId = Uuid.randomUuid().toString();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (PrintStream printStream = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            new Formatter()
                    .setPrintStream(printStream)
                    .setNodeId(config.nodeId())
                    .setClusterId(clusterId)
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .addDirectory(logDirectory.toString())
                    .setHasDynamicQuorum(false) // static controller.quorum.voters
                    .setIgnoreFormatted(false)
                    .run();
        }
        log.info("Formatted new Kafka storage with cluster id {}: {}", clusterId,
                output.toString(StandardCharsets.UTF_8).strip());
    }

    /** The address clients connect to, e.g. {@code 127.0.0.1:9092}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The port the broker listens on (the real one when started with port 0). */
    public int port() {
        return Integer.parseInt(bootstrapServers.substring(bootstrapServers.lastIndexOf(':') + 1));
    }

    /** The KRaft controller's port for this run (not meant for clients). */
    public int controllerPort() {
        return controllerPort;
    }

    /** The cluster id, generated on the first start and kept in the data directory. */
    public String clusterId() {
        return clusterId;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /**
     * Shuts the broker down cleanly (so the next start needs no log recovery) and waits until it has stopped.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long startNanos = System.nanoTime();
        // As KafkaRaftServer: broker first, since the controller may be needed for controlled shutdown.
        Utils.swallow(log, org.slf4j.event.Level.WARN, "broker shutdown", () -> broker.shutdown(SHUTDOWN_TIMEOUT));
        Utils.swallow(log, org.slf4j.event.Level.WARN, "controller shutdown", controller::shutdown);
        Utils.swallow(log, org.slf4j.event.Level.WARN, "unregister app info",
                () -> AppInfoParser.unregisterAppInfo(Server.MetricsPrefix(), Integer.toString(NODE_ID), metrics));
        broker.awaitShutdown();
        controller.awaitShutdown();
        sockets.closeUnused();
        log.info("Kafka broker on {} stopped in {} ms", bootstrapServers,
                Duration.ofNanos(System.nanoTime() - startNanos).toMillis());
    }

    @Override
    public String toString() {
        return "LocalKafka[" + bootstrapServers + ", data " + dataDirectory + "]";
    }

    /**
     * Hands Kafka's socket servers listener sockets that were bound before Kafka started, like Kafka's own
     * {@code PreboundSocketFactoryManager} in its test kit.
     */
    static final class PreboundSockets implements ServerSocketFactory {
        private final Map<String, ServerSocketChannel> bound = new ConcurrentHashMap<>();
        private final Map<String, Boolean> handedOut = new ConcurrentHashMap<>();

        int bind(String listenerName, int port) throws IOException {
            ServerSocketChannel channel = ServerSocketChannel.open();
            try {
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                channel.bind(new InetSocketAddress(HOST, port), 50);
            } catch (IOException e) {
                Utils.closeQuietly(channel, "server socket");
                throw new IOException("port " + HOST + ":" + port + " is not free for the Kafka " + listenerName
                        + " listener (is another Kafka already running?): " + e.getMessage(), e);
            }
            bound.put(listenerName, channel);
            return ((InetSocketAddress) channel.getLocalAddress()).getPort();
        }

        @Override
        public ServerSocketChannel openServerSocket(String listenerName, InetSocketAddress socketAddress,
                                                    int listenBacklogSize, int recvBufferSize) throws IOException {
            ServerSocketChannel channel = bound.get(listenerName);
            if (channel != null && channel.isOpen() && handedOut.putIfAbsent(listenerName, true) == null) {
                return channel;
            }
            return ServerSocketFactory.INSTANCE.openServerSocket(listenerName, socketAddress, listenBacklogSize,
                    recvBufferSize);
        }

        /** Closes the sockets Kafka never took over (the ones it took, it closes itself). */
        void closeUnused() {
            bound.forEach((listener, channel) -> {
                if (!handedOut.containsKey(listener)) {
                    Utils.closeQuietly(channel, "server socket " + listener);
                }
            });
        }
    }

    /**
     * Kafka's production {@code StandardFaultHandlerFactory} halts the JVM on a fatal fault; here that would take
     * every service in the JVM down with it. Fatal faults are logged as errors instead.
     */
    static final class LoggingOnlyFaultHandlerFactory implements FaultHandlerFactory {
        @Override
        public FaultHandler build(String name, boolean fatal, Runnable action) {
            if (!fatal) {
                return new LoggingFaultHandler(name, action);
            }
            LoggingFaultHandler delegate = new LoggingFaultHandler("fatal " + name, action);
            return (message, cause) -> {
                log.error("The local Kafka broker hit a fatal fault ({}); it may no longer work. "
                        + "Restart clinic-local; if it persists, delete the Kafka data directory.", name);
                return delegate.handleFault(message, cause);
            };
        }
    }
}
