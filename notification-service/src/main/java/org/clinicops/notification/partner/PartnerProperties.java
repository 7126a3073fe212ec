package org.clinicops.notification.partner;

import org.clinicops.support.security.PartnerClinic;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * Partner clinic settings ({@code notification.partner.*}), checked at startup.
 *
 * @param webhooks                  how subscriptions are checked and their webhooks sent
 * @param retention                 how long partner events, deliveries and attempts are kept
 * @param maxSubscriptionsPerClinic subscriptions one clinic may hold, active and disabled together
 * @param kafka                     the clinics that get a Kafka topic of their own
 * @param opsEmail                  the clinic's ops address for notices about failing subscriptions; none when null
 * @param secretKey                 base64 of the 32-byte AES key that webhook secrets are stored encrypted with
 */
@ConfigurationProperties("notification.partner")
public record PartnerProperties(
        @DefaultValue Webhooks webhooks,
        @DefaultValue("30d") Duration retention,
        @DefaultValue("10") int maxSubscriptionsPerClinic,
        @DefaultValue Kafka kafka,
        String opsEmail,
        String secretKey) {

    public PartnerProperties {
        if (maxSubscriptionsPerClinic < 1) {
            throw new IllegalArgumentException("notification.partner.max-subscriptions-per-clinic must be at least 1");
        }
        if (secretKey == null || secretKey.isBlank()) {
            throw new IllegalArgumentException("notification.partner.secret-key is required: base64 of 32 random "
                    + "bytes, the key webhook secrets are stored encrypted with");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(secretKey.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("notification.partner.secret-key is not base64", e);
        }
        if (key.length != 32) {
            throw new IllegalArgumentException("notification.partner.secret-key must be 32 bytes, not " + key.length);
        }
    }

    /** The AES-256 key of {@link #secretKey()}. */
    public byte[] secretKeyBytes() {
        return Base64.getDecoder().decode(secretKey.strip());
    }

    /**
     * @param allowedPrivateTargets CIDRs admitted as webhook targets despite being private or reserved (local testing
     *                              only: {@code 127.0.0.0/8,::1/128}); {@code http} is accepted for loopback ones
     * @param retryDelays           the waits before automatic attempts 2, 3, ... (the first is at once)
     * @param jitter                each wait is multiplied by a random factor in [1 - jitter, 1 + jitter]
     * @param connectTimeout        connecting to a partner's endpoint
     * @param requestTimeout        from the request's start until the response status
     * @param maxInFlight           requests in flight per subscription, all instances together
     * @param concurrency           requests in flight from one instance, all subscriptions together
     * @param disableAfter          continuous failure after which a subscription is disabled
     * @param defaultOverlap        how long a rotated-out secret still signs when the rotation names no overlap
     * @param proxy                 an HTTP proxy for webhooks; none when null
     * @param pollInterval          how often due deliveries are looked for
     */
    public record Webhooks(
            @DefaultValue List<String> allowedPrivateTargets,
            @DefaultValue("5s,5m,30m,2h,5h,10h,14h,20h,24h") List<Duration> retryDelays,
            @DefaultValue("0.2") double jitter,
            @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue("15s") Duration requestTimeout,
            @DefaultValue("4") int maxInFlight,
            @DefaultValue("32") int concurrency,
            @DefaultValue("5d") Duration disableAfter,
            @DefaultValue("24h") Duration defaultOverlap,
            URI proxy,
            @DefaultValue("1s") Duration pollInterval) {

        public Webhooks {
            allowedPrivateTargets.forEach(AddressRange::parse);
            if (jitter < 0 || jitter >= 1) {
                throw new IllegalArgumentException("notification.partner.webhooks.jitter must be in [0, 1)");
            }
            if (retryDelays.isEmpty() || retryDelays.stream().anyMatch(d -> d.isNegative() || d.isZero())) {
                throw new IllegalArgumentException("notification.partner.webhooks.retry-delays must be positive waits");
            }
            if (maxInFlight < 1) {
                throw new IllegalArgumentException("notification.partner.webhooks.max-in-flight must be at least 1");
            }
            if (concurrency < 1) {
                throw new IllegalArgumentException("notification.partner.webhooks.concurrency must be at least 1");
            }
            if (defaultOverlap.isNegative() || defaultOverlap.compareTo(Duration.ofSeconds(259_200)) > 0) {
                throw new IllegalArgumentException("notification.partner.webhooks.default-overlap must be 0 to 72h");
            }
        }
    }

    /** @param clinics partner clinic ids whose events also go to their topic {@code partner.<id>.events} */
    public record Kafka(@DefaultValue List<String> clinics) {

        public Kafka {
            for (int i = 0; i < clinics.size(); i++) {
                String clinic = clinics.get(i);
                if (!PartnerClinic.isWellFormedId(clinic)) {
                    throw new IllegalArgumentException("notification.partner.kafka.clinics[" + i + "] \"" + clinic
                            + "\" is not a partner clinic id: a lowercase slug of letters, digits and inner hyphens, "
                            + "1 to 63 characters (riverside-psychiatry)");
                }
            }
            clinics = List.copyOf(clinics);
        }
    }
}
