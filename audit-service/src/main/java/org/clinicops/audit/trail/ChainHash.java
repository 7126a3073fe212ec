package org.clinicops.audit.trail;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A chained record's hash: lowercase hex SHA-256 of its {@code prevHash} followed by the JCS form of the record
 * without its {@code hash} (UTF-8), so anyone holding the records can recompute every link.
 */
public final class ChainHash {

    /** The {@code prevHash} of a chain's first record. */
    public static final String GENESIS = "0".repeat(64);

    private ChainHash() {
    }

    /** The hash the record must carry; {@code record} may hold a {@code hash} member, which is left out. */
    public static String of(JsonNode record) {
        ObjectNode withoutHash = ((ObjectNode) record).deepCopy();
        withoutHash.remove("hash");
        String prevHash = withoutHash.path("prevHash").asString("");
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(prevHash.getBytes(StandardCharsets.UTF_8));
            sha256.update(CanonicalJson.of(withoutHash).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
