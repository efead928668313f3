package dev.pipes.wamp.router;

/**
 * A client identity a realm knows: its authid, the role it gets, and its credential for one
 * authentication method ({@code ticket} or {@code wampcra}). For salted WAMP-CRA, {@code salt} is
 * non-null and the secret is stretched with PBKDF2 as autobahn's {@code derive_key} does.
 */
public record Principal(String authid, String role, String method, String credential,
                        String salt, int iterations, int keylen) {

    public static Principal ticket(String authid, String ticket, String role) {
        return new Principal(authid, role, "ticket", ticket, null, 0, 0);
    }

    public static Principal wampcra(String authid, String secret, String role) {
        return new Principal(authid, role, "wampcra", secret, null, 0, 0);
    }

    public static Principal wampcraSalted(String authid, String secret, String role, String salt,
                                          int iterations, int keylen) {
        return new Principal(authid, role, "wampcra", secret, salt, iterations, keylen);
    }
}
