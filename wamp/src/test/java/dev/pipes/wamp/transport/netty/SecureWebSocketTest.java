package dev.pipes.wamp.transport.netty;

import dev.pipes.wamp.client.CallResult;
import dev.pipes.wamp.client.InvocationHandler;
import dev.pipes.wamp.client.WampClient;
import dev.pipes.wamp.router.RealmConfig;
import dev.pipes.wamp.router.Router;
import dev.pipes.wamp.serialization.Serializers;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** wss://: the router serves TLS and our client connects with a certificate it trusts. */
class SecureWebSocketTest {

    @Test
    void callOverWss(@TempDir Path dir) throws Exception {
        Path keystore = dir.resolve("router.p12");
        char[] password = "changeit".toCharArray();
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "router", "-keyalg", "EC",
                "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", "changeit",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2")
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0,
                () -> "keytool failed: " + new String(readAll(p.getInputStream())));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, password);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, password);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SslContext serverSsl = SslContextBuilder.forServer(kmf).build();
        SslContext clientSsl = SslContextBuilder.forClient().trustManager(tmf).build();

        try (Router router = new Router(List.of(RealmConfig.open("realm1")));
             WebSocketServer server = WebSocketServer.start(router, "127.0.0.1", 0,
                     WebSocketSettings.defaults().withSsl(serverSsl))) {
            URI uri = URI.create("wss://127.0.0.1:" + server.port() + "/ws");
            WebSocketSettings clientSettings = WebSocketSettings.defaults().withSsl(clientSsl);
            try (WampClient callee = WampClient.create(new WebSocketTransport(uri, List.of(Serializers.MSGPACK),
                         clientSettings, WebSocketTransport.shared()), "realm1");
                 WampClient caller = WampClient.create(new WebSocketTransport(uri, List.of(Serializers.JSON),
                         clientSettings, WebSocketTransport.shared()), "realm1")) {
                callee.connect().get(10, TimeUnit.SECONDS);
                caller.connect().get(10, TimeUnit.SECONDS);
                callee.register("com.secure", InvocationHandler.sync(inv -> CallResult.of("over tls")))
                        .get(5, TimeUnit.SECONDS);
                assertEquals("over tls", caller.call("com.secure").get(5, TimeUnit.SECONDS).arg(0));
            }
            // a plain ws:// client cannot talk to the wss:// router
            WampClient plain = WampClient.create(new WebSocketTransport(URI.create("ws://127.0.0.1:" + server.port() + "/"),
                    List.of(Serializers.JSON)), "realm1");
            assertThrows(Exception.class, () -> plain.connect().get(10, TimeUnit.SECONDS));
        }
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            return new byte[0];
        }
    }
}
