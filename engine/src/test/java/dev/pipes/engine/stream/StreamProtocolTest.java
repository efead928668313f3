package dev.pipes.engine.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pipes.wamp.client.CallResult;
import dev.pipes.wamp.client.Options;
import dev.pipes.wamp.client.WampClient;
import dev.pipes.wamp.client.WampException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The stream protocol between a writer and a reader, over the embedded router (WebSocket and in-memory). */
@Timeout(60)
class StreamProtocolTest {
    static PipesRouter router;
    static WampClient writerClient;
    static WampClient readerClient;
    static final AtomicInteger names = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        router = PipesRouter.start();
        writerClient = router.client(router.webSocketTransport());
        writerClient.connect().get(10, TimeUnit.SECONDS);
        readerClient = router.client(router.inMemoryTransport());
        readerClient.connect().get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() {
        writerClient.close();
        readerClient.close();
        router.close();
    }

    /** Registers {@code uri} and passes what it receives to {@code sink} on a thread of its own. */
    static StreamReader read(String uri, StreamSink sink) throws Exception {
        StreamReader reader = StreamReader.register(uri, List.of(readerClient)).get(10, TimeUnit.SECONDS);
        Thread.ofPlatform().daemon().start(() -> JointInput.plain(reader).copyTo(sink));
        return reader;
    }

    static String uri() {
        return "test.stream" + names.incrementAndGet();
    }

    @Test
    void anyBytesArriveUnchangedAndInOrder() throws Exception {
        byte[] data = new byte[5 * 1024 * 1024 + 11];
        new Random(1).nextBytes(data);
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        String uri = uri();
        StreamReader reader = read(uri, new OutputStreamSink(received, true));
        assertEquals(StreamPump.Outcome.COMPLETE, StreamPump.run(new ByteArrayInputStream(data), new StreamWriter(writerClient, uri)));
        assertArrayEquals(data, received.toByteArray());
        reader.close();
    }

    @Test
    void aSlowReaderHoldsTheWriterToTheWindow() throws Exception {
        AtomicInteger inSink = new AtomicInteger();
        String uri = uri();
        StreamSink slow = new StreamSink() {
            @Override public void write(byte[] data) throws IOException {
                inSink.incrementAndGet();
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
            }

            @Override public void end() {}
        };
        StreamReader reader = read(uri, slow);
        StreamWriter writer = new StreamWriter(writerClient, uri);
        int maxInFlight = 0;
        for (int i = 0; i < 200; i++) {
            writer.write(new byte[1024]);
            maxInFlight = Math.max(maxInFlight, i + 1 - inSink.get());
        }
        writer.finish();
        assertEquals(200, inSink.get());
        assertTrue(maxInFlight <= StreamProtocol.WINDOW + 1, "in flight: " + maxInFlight);
        reader.close();
    }

    @Test
    void aClosedReaderStopsTheWriterAsSigpipeWould() throws Exception {
        String uri = uri();
        AtomicInteger taken = new AtomicInteger();
        StreamSink oneChunkOnly = new StreamSink() {
            @Override public void write(byte[] data) throws IOException {
                if (taken.incrementAndGet() > 1) throw new IOException("Broken pipe");
            }

            @Override public void end() {}
        };
        StreamReader reader = read(uri, oneChunkOnly);
        StreamWriter writer = new StreamWriter(writerClient, uri);
        IOException e = assertThrows(IOException.class, () -> {
            for (int i = 0; i < 1000; i++) writer.write(new byte[100]);
        });
        assertInstanceOf(StreamClosedException.class, e);
        assertTrue(taken.get() <= 2 + StreamProtocol.WINDOW);
        reader.close();
    }

    @Test
    void readersFollowTheSpecificationForAHandWrittenWriter() throws Exception {
        String uri = uri();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        StreamReader reader = read(uri, new OutputStreamSink(received, false));
        call(uri, List.of(0, "ab".getBytes()), Map.of());
        WampException wrongSeq = callFails(uri, List.of(5, new byte[1]), Map.of());
        assertEquals(StreamProtocol.ERROR_OUT_OF_ORDER, wrongSeq.error());
        assertEquals(1L, ((Number) wrongSeq.kwargs().get("expected")).longValue());
        assertEquals(StreamProtocol.ERROR_INVALID, callFails(uri, List.of("one", "text"), Map.of()).error());
        assertEquals(StreamProtocol.ERROR_LIMIT, callFails(uri, List.of(1, new byte[StreamProtocol.MAX_CHUNK + 1]), Map.of()).error());
        call(uri, List.of(1, new byte[] {0, (byte) 0xff}), Map.of());
        call(uri, List.of(2, new byte[0]), Map.of("eof", true));
        assertArrayEquals(new byte[] {'a', 'b', 0, (byte) 0xff}, received.toByteArray());
        reader.close();
    }

    @Test
    void onlyPartiesWithTheRoutersTicketMayJoin() {
        WampClient stranger = WampClient.create(router.webSocketTransport(), StreamProtocol.REALM);
        ExecutionException e = assertThrows(ExecutionException.class, () -> stranger.connect().get(10, TimeUnit.SECONDS));
        assertTrue(String.valueOf(e.getCause().getMessage()).contains("wamp.error"), e.getCause().getMessage());
    }

    private static CallResult call(String uri, List<Object> args, Map<String, Object> kwargs) throws Exception {
        return writerClient.call(uri, Options.Call.DEFAULT, args, kwargs).result().get(10, TimeUnit.SECONDS);
    }

    private static WampException callFails(String uri, List<Object> args, Map<String, Object> kwargs) throws Exception {
        try {
            call(uri, args, kwargs);
        } catch (ExecutionException | CompletionException e) {
            return assertInstanceOf(WampException.class, e.getCause());
        }
        throw new AssertionError("the call succeeded");
    }
}
