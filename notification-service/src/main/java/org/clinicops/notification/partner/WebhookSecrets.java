package org.clinicops.notification.partner;

import org.springframework.stereotype.Component;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Webhook signing secrets: made from 32 {@link SecureRandom} bytes ({@code whsec_} and their base64, as Standard
 * Webhooks writes them), and kept only encrypted (AES-256-GCM with {@code notification.partner.secret-key}, bound to
 * the subscription's id so a stored secret cannot be moved to another subscription).
 */
@Component
public class WebhookSecrets {

    public static final String PREFIX = "whsec_";
    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec key;

    WebhookSecrets(PartnerProperties properties) {
        this.key = new SecretKeySpec(properties.secretKeyBytes(), "AES");
    }

    /** A new secret, {@code whsec_} and 44 base64 characters. */
    public String generate() {
        byte[] bytes = new byte[KEY_BYTES];
        random.nextBytes(bytes);
        return PREFIX + Base64.getEncoder().encodeToString(bytes);
    }

    /** The HMAC key a secret stands for. */
    public static byte[] signingKey(String secret) {
        return Base64.getDecoder().decode(secret.substring(PREFIX.length()));
    }

    /**
     * The {@code webhook-signature} header: {@code v1,} and the base64 HMAC-SHA256 of {@code id.timestamp.body} per
     * secret, in the order given, separated by spaces.
     */
    public static String signature(List<String> secrets, String webhookId, long timestamp, String body) {
        byte[] content = (webhookId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8);
        List<String> signatures = new ArrayList<>(secrets.size());
        for (String secret : secrets) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(signingKey(secret), "HmacSHA256"));
                signatures.add("v1," + Base64.getEncoder().encodeToString(mac.doFinal(content)));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Cannot sign a webhook", e);
            }
        }
        return String.join(" ", signatures);
    }

    byte[] seal(UUID subscriptionId, String secret) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, iv, subscriptionId);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.US_ASCII));
            return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt a webhook secret", e);
        }
    }

    String open(UUID subscriptionId, byte[] stored) {
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(stored, IV_BYTES), subscriptionId);
            return new String(cipher.doFinal(stored, IV_BYTES, stored.length - IV_BYTES), StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot decrypt the webhook secret of subscription " + subscriptionId
                    + ": was notification.partner.secret-key changed?", e);
        }
    }

    private Cipher cipher(int mode, byte[] iv, UUID subscriptionId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(subscriptionId.toString().getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }
}
