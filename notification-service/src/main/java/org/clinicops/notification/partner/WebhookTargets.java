package org.clinicops.notification.partner;

import org.springframework.stereotype.Component;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Where a webhook may go: a URL whose host resolves only to public unicast addresses, so that a subscription can never
 * make this service call into the clinic's own network (SSRF). Private and reserved ranges pass only when listed in
 * {@code notification.partner.webhooks.allowed-private-targets}, and {@code http} only for an allow-listed loopback.
 * Checked when a subscription is created and again before every attempt (DNS may have changed since).
 */
@Component
public class WebhookTargets {

    /** Resolves a host to all its A and AAAA addresses; DNS in the service, a table in tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    static final List<AddressRange> REFUSED = Stream.of(
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
            "192.0.0.0/24", "192.0.2.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24",
            "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
            "::/128", "::1/128", "fc00::/7", "fe80::/10", "ff00::/8", "2001:db8::/32").map(AddressRange::parse).toList();
    /** IPv4 addresses written as IPv6 are judged as the IPv4 address they carry (Java unwraps ::ffff:0:0/96 itself). */
    private static final AddressRange NAT64 = AddressRange.parse("64:ff9b::/96");

    private final List<AddressRange> allowed;
    private final Resolver resolver;

    public WebhookTargets(PartnerProperties properties, Resolver resolver) {
        this.allowed = properties.webhooks().allowedPrivateTargets().stream().map(AddressRange::parse).toList();
        this.resolver = resolver;
    }

    /** The host part of a URL as a resolver takes it: an IPv6 literal without its brackets. */
    public static String host(URI url) {
        String host = url.getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /**
     * The addresses a request to {@code url} may connect to: every address its host resolves to, each of them
     * admitted. The URL's form (absolute, http or https, no user info or fragment) is checked before.
     *
     * @throws TargetRefused naming why, without echoing anything secret
     */
    public List<InetAddress> admit(URI url) {
        String host = host(url);
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new TargetRefused(TargetRefused.Reason.DNS, "host does not resolve");
        }
        if (addresses == null || addresses.length == 0) {
            throw new TargetRefused(TargetRefused.Reason.DNS, "host does not resolve");
        }
        String name = host.toLowerCase(Locale.ROOT);
        boolean localName = name.equals("localhost") || name.endsWith(".localhost");
        for (InetAddress address : addresses) {
            boolean allowListed = allowed.stream().anyMatch(range -> range.contains(address));
            if (!allowListed && (localName || isRefused(address))) {
                throw new TargetRefused(TargetRefused.Reason.NOT_ALLOWED,
                        "resolves to " + address.getHostAddress() + ", which is not a public address");
            }
            if (url.getScheme().equalsIgnoreCase("http") && !(allowListed && address.isLoopbackAddress())) {
                throw new TargetRefused(TargetRefused.Reason.NOT_ALLOWED,
                        "must use https (http only for an allow-listed loopback address)");
            }
        }
        return List.of(addresses);
    }

    static boolean isRefused(InetAddress address) {
        InetAddress judged = carriedIpv4(address);
        return REFUSED.stream().anyMatch(range -> range.contains(judged));
    }

    private static InetAddress carriedIpv4(InetAddress address) {
        if (address instanceof Inet6Address && NAT64.contains(address)) {
            byte[] bytes = address.getAddress();
            try {
                return Inet4Address.getByAddress(Arrays.copyOfRange(bytes, 12, 16));
            } catch (UnknownHostException e) {
                throw new IllegalStateException("Four bytes are an IPv4 address", e);
            }
        }
        return address;
    }

    /** A webhook target refused: it does not resolve, or resolves to an address not admitted. */
    public static class TargetRefused extends RuntimeException {

        public enum Reason { DNS, NOT_ALLOWED }

        private final Reason reason;

        TargetRefused(Reason reason, String message) {
            super(message);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }
}
