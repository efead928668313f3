package dev.pipes.wamp.interop;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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

    @ParameterizedTest
    @ValueSource(strings = {"json", "msgpack"})
    void weCallPythonCallees(String serializer) throws Exception {
        try (InteropScenarios s = new InteropScenarios()) {
            s.externalCallee(AutobahnPythonIT::start, serializer, "py", true);
        }
    }
}
