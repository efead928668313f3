package dev.pipes.wamp.client;

import dev.pipes.wamp.message.WampMessage;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/** Answers to CHALLENGE: the ticket itself, or the WAMP-CRA HMAC-SHA256 signature. */
final class Signatures {
    private Signatures() {
    }

    static String sign(Credentials credentials, WampMessage.Challenge challenge) {
        if (credentials.secret() == null) {
            throw new WampException("wamp.error.authentication_failed",
                    "the router asks for " + challenge.authMethod() + " authentication but no secret was given");
        }
        if ("ticket".equals(challenge.authMethod())) {
            return credentials.secret();
        }
        if (!"wampcra".equals(challenge.authMethod())) {
            throw new IllegalStateException("unsupported authentication method " + challenge.authMethod());
        }
        String key = credentials.secret();
        if (challenge.extra().get("salt") instanceof String salt) {
            int iterations = ((Number) challenge.extra().getOrDefault("iterations", 1000L)).intValue();
            int keylen = ((Number) challenge.extra().getOrDefault("keylen", 32L)).intValue();
            key = deriveKey(key, salt, iterations, keylen);
        }
        return hmac(key, (String) challenge.extra().get("challenge"));
    }

    static String hmac(String key, String challenge) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(challenge.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String deriveKey(String secret, String salt, int iterations, int keylen) {
        try {
            PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt.getBytes(StandardCharsets.UTF_8),
                    iterations, keylen * 8);
            return Base64.getEncoder().encodeToString(
                    SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
