package org.clinicops.notification.partner;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/** A CIDR block ({@code 10.0.0.0/8}, {@code fc00::/7}): the address ranges webhook targets are judged by. */
record AddressRange(byte[] network, int prefixLength, String text) {

    /** @throws IllegalArgumentException when {@code cidr} is not an IP address, a slash and a prefix length */
    static AddressRange parse(String cidr) {
        String text = cidr.strip();
        int slash = text.indexOf('/');
        if (slash < 0 || !isLiteral(text.substring(0, slash))) {
            throw new IllegalArgumentException("Not a CIDR block: '" + cidr + "'");
        }
        byte[] network;
        int prefixLength;
        try {
            network = InetAddress.getByName(text.substring(0, slash)).getAddress();
            prefixLength = Integer.parseInt(text.substring(slash + 1));
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("Not a CIDR block: '" + cidr + "'", e);
        }
        if (prefixLength < 0 || prefixLength > network.length * 8) {
            throw new IllegalArgumentException("Not a CIDR block: '" + cidr + "'");
        }
        return new AddressRange(network, prefixLength, text);
    }

    boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != network.length) {
            return false;
        }
        for (int bit = 0; bit < prefixLength; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    /** An IPv4 or IPv6 literal, so parsing never asks DNS. */
    static boolean isLiteral(String host) {
        return host.matches("[0-9.]+") && host.chars().filter(c -> c == '.').count() == 3 || host.contains(":");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AddressRange range && range.prefixLength == prefixLength
                && Arrays.equals(range.network, network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefixLength;
    }

    @Override
    public String toString() {
        return text;
    }
}
