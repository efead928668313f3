package dev.pipes.wamp.interop;

import dev.pipes.wamp.router.Principal;
import dev.pipes.wamp.router.RealmConfig;
import dev.pipes.wamp.router.Role;
import dev.pipes.wamp.router.Router;
import dev.pipes.wamp.transport.netty.WebSocketServer;
import dev.pipes.wamp.transport.netty.WebSocketSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** autobahn-python (Debian's python3-autobahn, run with /usr/bin/python3) against our router. */
class AutobahnPythonIT {
    static final String PYTHON = "/usr/bin/python3";

    @BeforeEach
    void needsAutobahnPython() {
        Prerequisites.require(Prerequisites.runs(PYTHON, "-c", "import autobahn.asyncio.wamp, msgpack"),
                "autobahn-python with msgpack for " + PYTHON + " (Debian package python3-autobahn)");
    }

    static ExternalClient start(String url, String serializer, String role, String name) throws Exception {
        Path script = Path.of(AutobahnPythonIT.class.getResource("/interop/autobahn_python_client.py").toURI());
        return new ExternalClient(List.of(PYTHON, script.toString(), url, "realm1", serializer, role, name), Map.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "msgpack"})
    void pythonCallsOurCallees(String serializer) throws Exception {
        try (InteropScenarios s = new InteropScenarios()) {
            s.externalCaller(AutobahnPythonIT::start, serializer);
        }
    }

    /** Our ticket, WAMP-CRA and salted WAMP-CRA as autobahn-python computes them; roles per principal. */
    @Test
    void pythonAuthenticatesWithTicketAndWampCra() throws Exception {
        RealmConfig secure = new RealmConfig("secure", false, "anonymous",
                Map.of(), Map.of())
                .withPrincipal(Principal.ticket("alice", "t1", "admin"))
                .withPrincipal(Principal.wampcra("bob", "b0b", "user"))
                .withPrincipal(Principal.wampcraSalted("carol", "c4rol", "user", "pepper", 100, 32))
                .withRole(Role.unrestricted("admin"))
                .withRole(Role.unrestricted("user"));
        try (Router router = new Router(List.of(secure));
             WebSocketServer server = WebSocketServer.start(
                     router, "127.0.0.1", 0, WebSocketSettings.defaults())) {
            Path script = Path.of(AutobahnPythonIT.class.getResource("/interop/autobahn_python_client.py").toURI());
            String url = "ws://127.0.0.1:" + server.port() + "/ws";
            record Login(String method, String credentials, Object expected) {
            }
            for (Login login : List.of(
                    new Login("ticket", "alice:t1", Map.of("authid", "alice", "authrole", "admin", "authmethod", "ticket")),
                    new Login("wampcra", "bob:b0b", Map.of("authid", "bob", "authrole", "user", "authmethod", "wampcra")),
                    new Login("wampcra", "carol:c4rol", Map.of("authid", "carol", "authrole", "user", "authmethod", "wampcra")))) {
                try (ExternalClient c = new ExternalClient(List.of(PYTHON, script.toString(), url, "secure", "json",
                        login.method(), login.credentials()), Map.of())) {
                    assertEquals(login.expected(), c.expect("WELCOME"));
                }
            }
            try (ExternalClient wrong = new ExternalClient(List.of(PYTHON, script.toString(), url, "secure", "msgpack",
                    "wampcra", "bob:wrong"), Map.of())) {
                assertEquals("wamp.error.authentication_failed", wrong.expect("ABORT"));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "msgpack"})
    void weCallPythonCallees(String serializer) throws Exception {
        try (InteropScenarios s = new InteropScenarios()) {
            s.externalCallee(AutobahnPythonIT::start, serializer, "py", true);
        }
    }
}
