package dev.pipes.wamp.cli;

import dev.pipes.wamp.router.Principal;
import dev.pipes.wamp.router.RealmConfig;
import dev.pipes.wamp.router.Role;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The command line of {@code pipes-router}, parsed into a value; errors name the offending option. */
record RouterOptions(String host, int port, List<RealmConfig> realms, int maxMessageSize, Path tlsCert,
                     Path tlsKey, int idlePingSeconds, boolean help) {

    static final String USAGE = """
            usage: pipes-router [options]
              --port N                 TCP port to listen on (default 8080; 0 picks a free one)
              --host ADDRESS           address to bind (default 0.0.0.0)
              --realm NAME             serve this realm, open to anonymous clients (repeatable;
                                       default: realm1)
              --ticket REALM:AUTHID:TICKET:ROLE
                                       a principal that joins REALM with ticket authentication;
                                       the realm then requires authentication (repeatable)
              --wampcra REALM:AUTHID:SECRET:ROLE
                                       the same with WAMP-CRA (repeatable)
              --max-message-size BYTES largest WAMP message accepted (default 16777216)
              --idle-ping SECONDS      ping a connection silent this long, close it after twice
                                       as long without an answer (default 0: off)
              --tls-cert FILE --tls-key FILE
                                       serve wss:// with this PEM certificate chain and key
              --help                   this text
            Environment: PIPES_ROUTER_PORT and PIPES_ROUTER_REALM give defaults for --port and --realm.
            """;

    static RouterOptions parse(String[] args, Map<String, String> env) {
        String host = "0.0.0.0";
        int port = intValue("PIPES_ROUTER_PORT", env.getOrDefault("PIPES_ROUTER_PORT", "8080"));
        int maxMessageSize = 16 * 1024 * 1024;
        Path cert = null;
        Path key = null;
        int idlePing = 0;
        Map<String, RealmConfig> realms = new LinkedHashMap<>();
        List<String[]> principals = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                return new RouterOptions(host, port, List.of(), maxMessageSize, null, null, 0, true);
            }
            if (!a.startsWith("--")) throw new IllegalArgumentException("unexpected argument " + a + " (see --help)");
            // every option takes a value; which options exist is said once, by the switch
            String next = i + 1 < args.length ? args[++i] : null;
            switch (a) {
                case "--port" -> port = intValue(a, value(a, next));
                case "--host" -> host = value(a, next);
                case "--realm" -> realms.put(value(a, next), RealmConfig.open(next));
                case "--max-message-size" -> maxMessageSize = intValue(a, value(a, next));
                case "--tls-cert" -> cert = Path.of(value(a, next));
                case "--tls-key" -> key = Path.of(value(a, next));
                case "--idle-ping" -> idlePing = intValue(a, value(a, next));
                case "--ticket", "--wampcra" -> {
                    String v = value(a, next);
                    String[] parts = v.split(":", 4);
                    if (parts.length != 4 || List.of(parts).contains("")) {
                        throw new IllegalArgumentException(a + " wants REALM:AUTHID:SECRET:ROLE, got " + v);
                    }
                    principals.add(new String[]{a, parts[0], parts[1], parts[2], parts[3]});
                }
                default -> throw new IllegalArgumentException("unknown option " + a + " (see --help)");
            }
        }
        if (port < 0 || port > 65535) throw new IllegalArgumentException("--port must be in 0..65535, got " + port);
        if (idlePing < 0) throw new IllegalArgumentException("--idle-ping must not be negative");
        if (maxMessageSize < 1024) throw new IllegalArgumentException("--max-message-size must be at least 1024");
        if ((cert == null) != (key == null)) throw new IllegalArgumentException("--tls-cert and --tls-key go together");
        if (realms.isEmpty() && principals.isEmpty()) {
            String r = env.getOrDefault("PIPES_ROUTER_REALM", "realm1");
            realms.put(r, RealmConfig.open(r));
        }
        for (String[] p : principals) {
            RealmConfig realm = realms.getOrDefault(p[1], RealmConfig.open(p[1])).requireAuthentication();
            Principal principal = p[0].equals("--ticket") ? Principal.ticket(p[2], p[3], p[4])
                    : Principal.wampcra(p[2], p[3], p[4]);
            realm = realm.withPrincipal(principal);
            if (!realm.roles().containsKey(p[4])) realm = realm.withRole(Role.unrestricted(p[4]));
            realms.put(p[1], realm);
        }
        return new RouterOptions(host, port, List.copyOf(realms.values()), maxMessageSize, cert, key, idlePing, false);
    }

    private static String value(String option, String v) {
        if (v == null) throw new IllegalArgumentException(option + " needs a value");
        return v;
    }

    private static int intValue(String option, String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " wants a number, got " + v);
        }
    }
}
