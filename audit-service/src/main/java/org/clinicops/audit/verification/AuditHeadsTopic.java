package org.clinicops.audit.verification;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.clinicops.events.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * {@code clinic.audit-heads} keeps the latest head of each chain however long ago it was published: compacted, keyed
 * by the chain, created so at start-up (Spring Kafka's admin leaves an existing topic as it is). One partition is
 * enough for one message a minute.
 */
@Configuration(proxyBeanMethods = false)
class AuditHeadsTopic {

    @Bean
    NewTopic compactedAuditHeads() {
        return TopicBuilder.name(Topics.AUDIT_HEADS).partitions(1)
                .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT).build();
    }
}
