package dev.pipes.wamp.router;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipes.wamp.message.WampMessage;
import dev.pipes.wamp.message.WampUris;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Decides who joins a realm: anonymous, ticket or WAMP-CRA (challenge-response with HMAC-SHA256). */
final class Authenticator {
    /**
     * Only WAMP-CRA challenges need JSON: made on first use, because creating an ObjectMapper loads
     * some 300 classes (about 0.15 s), which a ticket or anonymous session never needs.
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Who a session is once admitted. */
    record Identity(String authid, String authrole, String authmethod, String authprovider) {
    }

    sealed interface Outcome {
    }

    record Accept(Identity identity) implements Outcome {
    }

    record Challenge(WampMessage.Challenge message, Principal principal, String expectedSignature) implements Outcome {
    }

    record Reject(String reason, String message) implements Outcome {
    }

    Outcome hello(RealmConfig realm, Map<String, Object> details, long sessionId) {
        List<?> methods = details.get("authmethods") instanceof List<?> l ? l : List.of();
        Object authid = details.get("authid");
        for (Object method : methods) {
            if (!"ticket".equals(method) && !"wampcra".equals(method)) continue;
            if (!(authid instanceof String id)) {
                return new Reject(WampUris.AUTHENTICATION_FAILED, method + " authentication needs an authid in HELLO");
            }
            Principal p = realm.principals().get(id);
            if (p == null || !p.method().equals(method)) continue;
            return "ticket".equals(method)
                    ? new Challenge(new WampMessage.Challenge("ticket", Map.of()), p, p.credential())
                    : wampcraChallenge(p, sessionId);
        }
        if (realm.anonymousAllowed() && (methods.isEmpty() || methods.contains("anonymous"))) {
            String id = authid instanceof String s ? s : "anonymous-" + sessionId;
            return new Accept(new Identity(id, realm.anonymousRole(), "anonymous", "static"));
        }
        if (methods.isEmpty() || methods.equals(List.of("anonymous"))) {
            return new Reject(WampUris.NO_AUTH_METHOD, "realm " + realm.name() + " requires authentication "
                    + "(ticket or wampcra); HELLO offered none");
        }
        return new Reject(WampUris.AUTHENTICATION_FAILED, "realm " + realm.name() + " knows no principal "
                + authid + " for the offered authentication methods " + methods);
    }

    Outcome authenticate(Challenge pending, WampMessage.Authenticate message) {
        byte[] got = message.signature().getBytes(StandardCharsets.UTF_8);
        byte[] expected = pending.expectedSignature().getBytes(StandardCharsets.UTF_8);
        Principal p = pending.principal();
        if (!MessageDigest.isEqual(got, expected)) {
            return new Reject(WampUris.AUTHENTICATION_FAILED, p.method() + " authentication failed for authid "
                    + p.authid());
        }
        return new Accept(new Identity(p.authid(), p.role(), p.method(), "static"));
    }

    private static Challenge wampcraChallenge(Principal p, long sessionId) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("authid", p.authid());
        c.put("authrole", p.role());
        c.put("authmethod", "wampcra");
        c.put("authprovider", "static");
        c.put("nonce", Base64.getEncoder().encodeToString(nonce));
        c.put("timestamp", Instant.now().toString());
        c.put("session", sessionId);
        String challenge;
        try {
            challenge = Json.MAPPER.writeValueAsString(c);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("challenge", challenge);
        String key = p.credential();
        if (p.salt() != null) {
            extra.put("salt", p.salt());
            extra.put("iterations", (long) p.iterations());
            extra.put("keylen", (long) p.keylen());
            key = deriveKey(p.credential(), p.salt(), p.iterations(), p.keylen());
        }
        return new Challenge(new WampMessage.Challenge("wampcra", extra), p, sign(key, challenge));
    }

    /** The WAMP-CRA signature: base64 of HMAC-SHA256 over the challenge, keyed with the secret's UTF-8. */
    static String sign(String key, String challenge) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(challenge.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Salted WAMP-CRA: the key is base64(PBKDF2-HMAC-SHA256(secret, salt, iterations, keylen)). */
    static String deriveKey(String secret, String salt, int iterations, int keylen) {
        try {
            PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt.getBytes(StandardCharsets.UTF_8),
                    iterations, keylen * 8);
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return Base64.getEncoder().encodeToString(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable", e);
        }
    }
}
