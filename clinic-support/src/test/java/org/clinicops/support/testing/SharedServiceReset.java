package org.clinicops.support.testing;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

import javax.sql.DataSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * Hands each {@link SharedServiceTest} class the shared service as a fresh one would be. Before the class: every
 * table of the service emptied (identities restarted; Flyway's history tables kept, so the schema stays migrated),
 * the clock at the class's {@code now}, its topics there. After the class: the service finishes what the class set
 * in motion (every event on its broker consumed, every outbox event relayed), so none of it lands in the next
 * class's tables. Registered in {@code META-INF/spring.factories} of the test-jar.
 */
class SharedServiceReset implements TestExecutionListener, Ordered {

    /** Before any other listener touches the context, so that a paused shared service resumes on its own broker. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void prepareTestInstance(TestContext testContext) {
        sharedService(testContext).ifPresent(shared -> ClinicTestContextCustomizerFactory.publishSharedBrokers());
    }

    @Override
    public void beforeTestClass(TestContext testContext) {
        sharedService(testContext).ifPresent(shared -> {
            ClinicTestContextCustomizerFactory.publishSharedBrokers();
            ApplicationContext service = testContext.getApplicationContext();
            JdbcClient jdbc = JdbcClient.create(service.getBean(DataSource.class));
            String tables = jdbc.sql("""
                    select string_agg(format('%I', tablename), ', ') from pg_tables
                    where schemaname = current_schema() and tablename not like '%schema_history'""")
                    .query(String.class).optional().orElse(null);
            if (tables != null) {
                String truncate = "truncate table " + tables + " restart identity cascade";
                // The service keeps working between classes: one of its transactions may hold a row of a table the
                // truncate has yet to lock while waiting for one it has locked, and PostgreSQL may end the truncate.
                await("emptying the shared service's tables before " + testContext.getTestClass().getSimpleName())
                        .atMost(TopicReader.PATIENCE)
                        .ignoreException(PessimisticLockingFailureException.class)
                        .untilAsserted(() -> jdbc.sql(truncate).update());
            }
            service.getBean(TestClock.class).set(TestClock.at(shared.now()));
            // those the service has created already answer "exists"
            service.getBean(EmbeddedKafkaBroker.class).addTopicsWithResults(shared.topics());
        });
    }

    @Override
    public void afterTestClass(TestContext testContext) {
        sharedService(testContext).ifPresent(shared -> {
            ApplicationContext service = testContext.getApplicationContext();
            String brokers = service.getBean(EmbeddedKafkaBroker.class).getBrokersAsString();
            JdbcClient jdbc = JdbcClient.create(service.getBean(DataSource.class));
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
                await("the shared service consuming every event and relaying its outbox after "
                        + testContext.getTestClass().getSimpleName())
                        .atMost(TopicReader.PATIENCE)
                        .until(() -> everyEventConsumed(admin) && outboxRelayed(jdbc));
            }
        });
    }

    private static Optional<SharedServiceTest> sharedService(TestContext testContext) {
        return MergedAnnotations.from(testContext.getTestClass(), MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
                .get(SharedServiceTest.class).synthesize(a -> a.isPresent());
    }

    /** Whether every consumer group with live members (the service's own) has committed up to the end. */
    private static boolean everyEventConsumed(Admin admin) {
        try {
            var groupIds = admin.listConsumerGroups().all().get().stream().map(ConsumerGroupListing::groupId).toList();
            for (ConsumerGroupDescription group : admin.describeConsumerGroups(groupIds).all().get().values()) {
                var assigned = group.members().stream().map(MemberDescription::assignment)
                        .flatMap(a -> a.topicPartitions().stream()).collect(Collectors.toSet());
                if (assigned.isEmpty()) {
                    continue;
                }
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata().get();
                var ends = admin.listOffsets(assigned.stream()
                        .collect(Collectors.toMap(Function.identity(), tp -> OffsetSpec.latest()))).all().get();
                for (TopicPartition partition : assigned) {
                    OffsetAndMetadata done = committed.get(partition);
                    if ((done == null ? 0 : done.offset()) < ends.get(partition).offset()) {
                        return false;
                    }
                }
            }
            return true;
        } catch (ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean outboxRelayed(JdbcClient jdbc) {
        boolean hasOutbox = jdbc.sql("select to_regclass('outbox_event') is not null").query(Boolean.class).single();
        return !hasOutbox || jdbc.sql("select count(*) from outbox_event where published_at is null")
                .query(Long.class).single() == 0;
    }
}
