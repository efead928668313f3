package dev.pipes.wamp.interop;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** autobahn-js 22.11.1 (npm, installed into .tools/) on node against our router. */
class AutobahnJsIT {
    static final String VERSION = "22.11.1";

    @BeforeEach
    void needsAutobahnJs() throws Exception {
        Prerequisites.require(Prerequisites.runs("node", "--version"), "node (Debian package nodejs)");
        Path pkg = Prerequisites.autobahnJsModules().resolve("autobahn/package.json");
        Prerequisites.require(Files.isRegularFile(pkg) && Files.readString(pkg).contains("\"version\": \"" + VERSION + "\""),
                "autobahn-js " + VERSION + " in " + pkg.getParent().getParent()
                        + " (npm install --prefix .tools/autobahn-js autobahn@" + VERSION + ")");
    }

    static ExternalClient start(String url, String serializer, String role, String name) throws Exception {
        Path script = Path.of(AutobahnJsIT.class.getResource("/interop/autobahn_js_client.js").toURI());
        return new ExternalClient(List.of("node", script.toString(), url, "realm1", serializer, role, name),
                Map.of("NODE_PATH", Prerequisites.autobahnJsModules().toString()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "msgpack"})
    void jsCallsOurCallees(String serializer) throws Exception {
        try (InteropScenarios s = new InteropScenarios()) {
            s.externalCaller(AutobahnJsIT::start, serializer, false);
        }
    }

    @Test
    void jsAuthenticatesWithTicketAndWampCra() throws Exception {
        InteropScenarios.logins(AutobahnJsIT::start);
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "msgpack"})
    void weCallJsCallees(String serializer) throws Exception {
        try (InteropScenarios s = new InteropScenarios()) {
            s.externalCallee(AutobahnJsIT::start, serializer, "js", false);
        }
    }
}
