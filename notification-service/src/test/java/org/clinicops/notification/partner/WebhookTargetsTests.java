package org.clinicops.notification.partner;

import org.clinicops.notification.partner.WebhookTargets.TargetRefused;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A subscription can never point this service into the clinic's own network: every address a webhook's host resolves
 * to must be public unicast, unless the operator allow-listed its range for local testing.
 */
class WebhookTargetsTests {

    /** Names resolve by this table; literals resolve to themselves, as DNS would answer them. */
    static final Map<String, String[]> DNS = Map.of(
            "hooks.riverside.example", new String[] {"93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"},
            "split.riverside.example", new String[] {"93.184.216.34", "10.1.2.3"},
            "localhost", new String[] {"127.0.0.1", "::1"},
            "app.localhost", new String[] {"127.0.0.1"},
            "sneaky.riverside.example", new String[] {"93.184.216.34"});

    static final WebhookTargets.Resolver RESOLVER = host -> {
        if (DNS.containsKey(host)) {
            InetAddress[] addresses = new InetAddress[DNS.get(host).length];
            for (int i = 0; i < addresses.length; i++) {
                addresses[i] = InetAddress.getByName(DNS.get(host)[i]);
            }
            return addresses;
        }
        if (AddressRange.isLiteral(host)) {
            return new InetAddress[] {InetAddress.getByName(host)};
        }
        throw new UnknownHostException(host);
    };

    final WebhookTargets strict = targets(Map.of());
    final WebhookTargets local = targets(Map.of("notification.partner.webhooks.allowed-private-targets",
            "127.0.0.0/8,::1/128"));

    @ParameterizedTest
    @ValueSource(strings = {
            "0.1.2.3", "10.0.0.1", "10.255.255.255", "100.64.0.1", "100.127.255.255", "127.0.0.1", "127.9.9.9",
            "169.254.169.254", "172.16.0.1", "172.31.255.255", "192.0.0.8", "192.0.2.10", "192.168.1.1",
            "198.18.0.1", "198.19.255.255", "198.51.100.7", "203.0.113.9", "224.0.0.1", "239.255.255.250",
            "240.0.0.1", "255.255.255.255",
            "[::]", "[::1]", "[fc00::1]", "[fdff:ffff::1]", "[fe80::1]", "[febf::1]", "[ff02::1]", "[2001:db8::1]",
            "[::ffff:10.0.0.1]", "[::ffff:169.254.169.254]", "[64:ff9b::a00:1]", "[64:ff9b::7f00:1]"})
    void everyPrivateReservedOrMappedPrivateAddressIsRefused(String host) {
        assertThatThrownBy(() -> strict.admit(URI.create("https://" + host + "/hooks")))
                .isInstanceOfSatisfying(TargetRefused.class,
                        e -> assertThat(e.reason()).isEqualTo(TargetRefused.Reason.NOT_ALLOWED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "100.63.255.255", "100.128.0.1", "172.15.255.255",
            "172.32.0.1", "198.17.255.255", "198.20.0.1", "[2606:4700::1111]", "[::ffff:93.184.216.34]",
            "[64:ff9b::5db8:d822]", "hooks.riverside.example"})
    void publicUnicastAddressesAreAdmittedOverHttps(String host) {
        assertThat(strict.admit(URI.create("https://" + host + ":8443/hooks"))).isNotEmpty();
    }

    @Test
    void aNameResolvingToOnePublicAndOnePrivateAddressIsRefused() {
        assertThatThrownBy(() -> strict.admit(URI.create("https://split.riverside.example/hooks")))
                .isInstanceOf(TargetRefused.class).hasMessageContaining("10.1.2.3");
    }

    @Test
    void aHostThatDoesNotResolveIsRefusedAsDns() {
        assertThatThrownBy(() -> strict.admit(URI.create("https://nowhere.riverside.example/hooks")))
                .isInstanceOfSatisfying(TargetRefused.class,
                        e -> assertThat(e.reason()).isEqualTo(TargetRefused.Reason.DNS));
    }

    @Test
    void localhostNamesAreRefusedUnlessEveryAddressIsAllowListed() {
        assertThatThrownBy(() -> strict.admit(URI.create("https://localhost/hooks"))).isInstanceOf(TargetRefused.class);
        assertThatThrownBy(() -> strict.admit(URI.create("https://app.localhost/hooks")))
                .isInstanceOf(TargetRefused.class);
        assertThat(local.admit(URI.create("http://localhost:9999/hooks"))).hasSize(2);
    }

    @Test
    void theAllowListAdmitsItsRangesAndHttpOnlyForItsLoopbackAddresses() {
        assertThat(local.admit(URI.create("http://127.0.0.1:9999/hooks"))).hasSize(1);
        assertThat(local.admit(URI.create("http://[::1]:9999/hooks"))).hasSize(1);
        assertThatThrownBy(() -> local.admit(URI.create("https://10.0.0.1/hooks"))).isInstanceOf(TargetRefused.class);

        WebhookTargets lan = targets(Map.of("notification.partner.webhooks.allowed-private-targets", "10.0.0.0/8"));
        assertThat(lan.admit(URI.create("https://10.0.0.1/hooks"))).hasSize(1);
        assertThatThrownBy(() -> lan.admit(URI.create("http://10.0.0.1/hooks")))
                .isInstanceOf(TargetRefused.class).hasMessageContaining("https");
    }

    @Test
    void httpToAPublicAddressIsRefused() {
        assertThatThrownBy(() -> strict.admit(URI.create("http://hooks.riverside.example/hooks")))
                .isInstanceOf(TargetRefused.class).hasMessageContaining("https");
    }

    @Test
    void aMalformedAllowListStopsTheStart() {
        assertThatThrownBy(() -> targets(Map.of("notification.partner.webhooks.allowed-private-targets", "10.0.0.0")))
                .hasRootCauseMessage("Not a CIDR block: '10.0.0.0'");
    }

    static WebhookTargets targets(Map<String, String> settings) {
        return new WebhookTargets(properties(settings), RESOLVER);
    }

    static PartnerProperties properties(Map<String, String> settings) {
        Map<String, String> all = new java.util.HashMap<>(settings);
        all.put("notification.partner.secret-key", "xPLfaZFLVAHJsWaF4/pj1pxbOACTKQFy66uDARO4D9E=");
        return new Binder(new MapConfigurationPropertySource(all))
                .bindOrCreate("notification.partner", PartnerProperties.class);
    }
}
