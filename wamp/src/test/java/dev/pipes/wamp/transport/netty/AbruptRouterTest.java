package dev.pipes.wamp.transport.netty;

import dev.pipes.wamp.client.Options;
import dev.pipes.wamp.client.WampClient;
import dev.pipes.wamp.serialization.Serializers;
import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The client against routers that drop the connection while the client is still sending a large
 * message (other routers may, where ours drains): with a Close frame first, the client still
 * reports the router's reason; without one, its call fails at once as a lost connection.
 */
class AbruptRouterTest {
    private static final byte[] BIG = new byte[4 << 20]; // far more than the socket buffers hold

    @Test
    void aCloseFrameFollowedByAResetStillGivesTheRoutersReason() throws Exception {
        String reason = callAgainstRouterThatDrops(true);
        assertTrue(reason.contains("closed by the router: 1009 too big for this router"), reason);
    }

    @Test
    void aResetWithoutACloseFailsTheCallAsALostConnection() throws Exception {
        String reason = callAgainstRouterThatDrops(false);
        assertTrue(reason.startsWith("pipes.error.connection_lost") || reason.contains("connection failed"), reason);
    }

    /** Calls with a large argument a router that, once the call starts arriving, drops the connection. */
    private static String callAgainstRouterThatDrops(boolean sendCloseFirst) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> routerDone = CompletableFuture.runAsync(() -> {
                try (Socket s = server.accept()) {
                    InputStream in = s.getInputStream();
                    OutputStream out = s.getOutputStream();
                    handshake(in, out);
                    readFrame(in); // HELLO
                    sendText(out, "[2,1,{\"roles\":{\"dealer\":{}}}]"); // WELCOME
                    readFrameHeader(in); // the large CALL begins to arrive: read no further
                    if (sendCloseFirst) {
                        byte[] text = "too big for this router".getBytes(StandardCharsets.UTF_8);
                        out.write(new byte[]{(byte) 0x88, (byte) (2 + text.length), 1009 >> 8, (byte) (1009 & 0xff)});
                        out.write(text);
                        out.flush();
                    } else {
                        s.setSoLinger(true, 0); // a reset, no Close: the connection dies without a word
                    }
                    // closing with unread bytes: the kernel resets the connection
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            try (WampClient client = WampClient.create(new WebSocketTransport(
                    URI.create("ws://127.0.0.1:" + server.getLocalPort() + "/"), List.of(Serializers.JSON)), "realm1")) {
                client.connect().get(10, TimeUnit.SECONDS);
                var call = client.call("com.big", Options.Call.DEFAULT, List.of(BIG), Map.of()).result();
                var e = assertThrows(ExecutionException.class, () -> call.get(10, TimeUnit.SECONDS));
                routerDone.get(10, TimeUnit.SECONDS);
                return e.getCause().getMessage();
            }
        }
    }

    private static void handshake(InputStream in, OutputStream out) throws IOException {
        String key = null;
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("sec-websocket-key:")) {
                key = line.substring(line.indexOf(':') + 1).trim();
            }
        }
        assertNotNull(key, "no Sec-WebSocket-Key in the client's request");
        String accept;
        try {
            accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1").digest(
                    (key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept + "\r\nSec-WebSocket-Protocol: wamp.2.json\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) throw new IOException("the client closed during the handshake");
            if (c != '\r') line.append((char) c);
        }
        return line.toString();
    }

    /** Reads a client frame's header (masking key included) and returns its payload length. */
    private static long readFrameHeader(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        data.readUnsignedByte();
        int second = data.readUnsignedByte();
        long length = second & 0x7f;
        if (length == 126) length = data.readUnsignedShort();
        else if (length == 127) length = data.readLong();
        if ((second & 0x80) != 0) data.readInt();
        return length;
    }

    private static void readFrame(InputStream in) throws IOException {
        in.readNBytes((int) readFrameHeader(in));
    }

    private static void sendText(OutputStream out, String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        out.write(new byte[]{(byte) 0x81, (byte) payload.length}); // below 126 bytes
        out.write(payload);
        out.flush();
    }
}
