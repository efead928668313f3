package dev.pipes.wamp.interop;

import dev.pipes.wamp.router.RealmConfig;
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

    @Test
    void pythonAuthenticatesWithTicketAndWampCra() throws Exception {
        InteropScenarios.logins(AutobahnPythonIT::start);
    }

    /** The router's reason reaches a client that is still sending the rest of a message too large. */
    @ParameterizedTest
    @ValueSource(strings = {"json", "msgpack"})
    void pythonLearnsWhyItsCallAboveTheMaximumIsRefused(String serializer) throws Exception {
        int max = 1 << 20;
        try (Router router = new Router(List.of(RealmConfig.open("realm1")));
             WebSocketServer server = WebSocketServer.start(router, "127.0.0.1", 0,
                     WebSocketSettings.defaults().withMaxMessageSize(max));
             ExternalClient ext = start("ws://127.0.0.1:" + server.port() + "/ws", serializer, "toobig",
                     String.valueOf(8 * max))) {
            assertEquals(Map.of("code", 1009, "reason", "WAMP message larger than the maximum of 1048576 bytes"),
                    ext.expect("CLOSED"));
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
