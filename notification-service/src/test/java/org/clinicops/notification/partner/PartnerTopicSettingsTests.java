package org.clinicops.notification.partner;

import org.clinicops.support.testing.ServiceSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.BindException;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code notification.partner.kafka.clinics}: no partner topic unless listed, and only well-formed clinic ids. */
class PartnerTopicSettingsTests {

    @Test
    void noClinicHasATopicByDefault() {
        assertThat(settings(Map.of()).kafka().clinics()).isEmpty();
    }

    @Test
    void theDeploymentListsTheClinicsThatGetATopic() {
        assertThat(settings(Map.of("NOTIFICATION_PARTNER_KAFKA_CLINICS", "riverside-psychiatry,lakeside"))
                .kafka().clinics()).containsExactly("riverside-psychiatry", "lakeside");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Riverside", "-riverside", "riverside-", "river_side", "partner.x", "riverside psychiatry"})
    void aMalformedClinicIdRefusesToStartNamingTheSettingAndTheValue(String clinic) {
        assertThatThrownBy(() -> settings(Map.of("NOTIFICATION_PARTNER_KAFKA_CLINICS", "lakeside," + clinic)))
                .isInstanceOf(BindException.class)
                .satisfies(e -> assertThat(refusal(e)).hasMessageContaining("notification.partner.kafka.clinics[1]")
                        .hasMessageContaining("\"" + clinic + "\""));
    }

    @Test
    void aClinicIdOfMoreThan63CharactersIsRefused() {
        assertThatThrownBy(() -> settings(Map.of("NOTIFICATION_PARTNER_KAFKA_CLINICS", "a".repeat(64))))
                .isInstanceOf(BindException.class);
    }

    private static PartnerProperties settings(Map<String, Object> environment) {
        return ServiceSettings.bind("notification-service", "notification.partner", PartnerProperties.class,
                environment);
    }

    /** The reason the settings gave for refusing the value, under the binder's wrapping. */
    private static Throwable refusal(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalArgumentException) {
                return cause;
            }
        }
        throw new AssertionError("No IllegalArgumentException in " + e);
    }
}
