package dev.pipes.wamp.message;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class PayloadsTest {

    @Test
    void wireValuesAreReturnedAsTheyAre() {
        byte[] big = new byte[1 << 20];
        List<Object> args = List.of("s", 1L, 2.5, true, big, List.of(Map.of("k", 3L)));
        assertSame(args, Payloads.args(args));
        Map<String, Object> kw = Map.of("a", List.of(1L));
        assertSame(kw, Payloads.kwargs(kw));
    }

    @Test
    void javaNumbersAndCollectionsBecomeWireForms() {
        Map<String, Object> kw = new LinkedHashMap<>();
        kw.put("first", "x");
        kw.put("n", 7);
        kw.put("last", List.of((short) 1, 2.5f, Set.of("only")));
        assertEquals(List.of(1L, List.of(2L, 3L)), Payloads.args(List.of(1, List.of(2, (byte) 3))));
        Map<String, Object> out = Payloads.kwargs(kw);
        assertEquals(List.of("first", "n", "last"), List.copyOf(out.keySet()), "order kept");
        assertEquals(7L, out.get("n"));
        assertEquals(List.of(1L, 2.5d, List.of("only")), out.get("last"));
    }

    @Test
    void unsupportedValuesAreRefusedWithThePath() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Payloads.args(List.of(1L, Map.of("when", new Object()))));
        assertEquals("cannot send args[1].when: a value of type java.lang.Object is not a WAMP value "
                + "(use String, Long, Double, Boolean, byte[], List, Map or null)", e.getMessage());
        Map<Object, Object> badKey = Map.of(1, "x");
        @SuppressWarnings("unchecked")
        Map<String, Object> cast = (Map<String, Object>) (Map<?, ?>) Map.of("m", badKey);
        assertEquals("cannot send kwargs.m: WAMP dict keys must be strings, got Integer",
                assertThrows(IllegalArgumentException.class, () -> Payloads.kwargs(cast)).getMessage());
    }
}
