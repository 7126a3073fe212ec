package org.clinicops.local;

import java.nio.file.Path;


/**
 * The local infrastructure the services need — Kafka, PostgreSQL, an SMTP catcher and an SMS catcher — started together on their
 * fixed local ports with their data under one directory ({@code kafka/} and {@code postgres/}), and stopped in
 * reverse order.
 */
public final class LocalInfrastructure implements AutoCloseable {

    /** Where the data lives unless {@code clinic.local.data} says otherwise (relative to the working directory). */
    public static final String DEFAULT_DATA_DIRECTORY = ".clinic-local";

    private final LocalKafka kafka;
    private final LocalPostgres postgres;
    private final LocalMail mail;
    private final LocalSms sms;

    private LocalInfrastructure(LocalKafka kafka, LocalPostgres postgres, LocalMail mail, LocalSms sms) {
        this.kafka = kafka;
        this.postgres = postgres;
        this.mail = mail;
        this.sms = sms;
    }

    /** Starts everything on the default ports: Kafka 9092, PostgreSQL 5433, SMTP 3025, SMS 3026. */
    public static LocalInfrastructure start(Path dataDirectory) {
        return start(dataDirectory, LocalKafka.DEFAULT_PORT, LocalPostgres.DEFAULT_PORT, LocalMail.DEFAULT_PORT,
                LocalSms.DEFAULT_PORT);
    }

    /** Starts everything on the given ports (0 = any free port). If one part fails, the started ones are stopped. */
    public static LocalInfrastructure start(Path dataDirectory, int kafkaPort, int postgresPort, int smtpPort,
                                            int smsPort) {
        LocalPostgres postgres = null;
        LocalKafka kafka = null;
        LocalMail mail = null;
        try {
            postgres = LocalPostgres.start(dataDirectory.resolve("postgres"), postgresPort);
            kafka = LocalKafka.start(dataDirectory.resolve("kafka"), kafkaPort);
            mail = LocalMail.start(smtpPort);
            LocalSms sms = LocalSms.start(smsPort);
            return new LocalInfrastructure(kafka, postgres, mail, sms);
        } catch (RuntimeException e) {
            if (mail != null) {
                mail.close();
            }
            if (kafka != null) {
                kafka.close();
            }
            if (postgres != null) {
                postgres.close();
            }
            throw e;
        }
    }

    public LocalKafka kafka() {
        return kafka;
    }

    public LocalPostgres postgres() {
        return postgres;
    }

    public LocalMail mail() {
        return mail;
    }

    public LocalSms sms() {
        return sms;
    }

    /** One line per part: where it is. */
    public String describe() {
        return String.join(System.lineSeparator(),
                "  Kafka       " + kafka.bootstrapServers() + "   (data " + kafka.dataDirectory() + ")",
                "  PostgreSQL  " + postgres.jdbcUrl("<database>") + "   databases " + postgres.databases()
                        + "   (data " + postgres.dataDirectory() + ")",
                "  SMTP        " + mail.host() + ":" + mail.port() + "   (catches all mail, logs recipient and subject)",
                "  SMS         " + sms.baseUrl() + "   (catches all texts, logs recipient and text)");
    }

    @Override
    public void close() {
        sms.close();
        mail.close();
        kafka.close();
        postgres.close();
    }
}
