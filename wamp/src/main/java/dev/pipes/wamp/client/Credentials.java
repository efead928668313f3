package dev.pipes.wamp.client;

/** How a client authenticates: anonymous, ticket, or WAMP-CRA with a secret. */
public record Credentials(String authid, String method, String secret) {
    public static final Credentials ANONYMOUS = new Credentials(null, "anonymous", null);

    public static Credentials ticket(String authid, String ticket) {
        return new Credentials(authid, "ticket", ticket);
    }

    public static Credentials wampcra(String authid, String secret) {
        return new Credentials(authid, "wampcra", secret);
    }
}
