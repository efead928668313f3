package dev.pipes.grammar.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ShellBytesTest {
    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) out[i] = (byte) values[i];
        return out;
    }

    @Test
    void validUtf8BecomesItsCharacters() {
        String text = "café ∑ 😀 plain";
        assertEquals(text, ShellBytes.decode(text.getBytes(StandardCharsets.UTF_8)));
        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), ShellBytes.encode(text));
        assertFalse(ShellBytes.hasRawBytes(text));
    }

    @Test
    void aLatin1ByteBecomesItsEscapeAndComesBack() {
        byte[] latin1 = bytes('c', 'a', 'f', 0xe9);
        String text = ShellBytes.decode(latin1);
        assertEquals("caf\udce9", text);
        assertTrue(ShellBytes.hasRawBytes(text));
        assertArrayEquals(latin1, ShellBytes.encode(text));
    }

    @Test
    void everyMalformedFormIsEscapedByteByByte() {
        // overlong '/', an encoded surrogate, above U+10FFFF, a lone continuation, a cut sequence, 0xff
        int[][] malformed = {{0xc0, 0xaf}, {0xed, 0xa0, 0x80}, {0xf4, 0x90, 0x80, 0x80}, {0x80}, {0xe2, 0x82}, {0xff},
            {0xe0, 0x80, 0x80}, {0xf0, 0x80, 0x80, 0x80}, {0xf5, 0x80}};
        for (int[] form : malformed) {
            byte[] raw = bytes(form);
            String text = ShellBytes.decode(raw);
            assertEquals(raw.length, text.length(), "one escape per byte of " + java.util.Arrays.toString(form));
            for (char c : text.toCharArray()) assertTrue(ShellBytes.isEscape(c));
            assertArrayEquals(raw, ShellBytes.encode(text));
        }
    }

    @Test
    void aValidSequenceAfterAnInvalidByteIsStillACharacter() {
        assertEquals("\udcff€", ShellBytes.decode(bytes(0xff, 0xe2, 0x82, 0xac)));
    }

    @Test
    void randomBytesRoundTrip() {
        Random random = new Random(20240614);
        for (int round = 0; round < 5000; round++) {
            byte[] raw = new byte[random.nextInt(40)];
            for (int i = 0; i < raw.length; i++) {
                // favour the bytes of multi-byte sequences, so that valid and broken ones both occur
                raw[i] = (byte) (random.nextInt(4) == 0 ? random.nextInt(128) : 0x80 + random.nextInt(128));
            }
            String text = ShellBytes.decode(raw);
            assertArrayEquals(raw, ShellBytes.encode(text));
            assertEquals(text, ShellBytes.decode(ShellBytes.encode(text)));
        }
    }

    @Test
    void escapesSideBySideThatSpellUtf8NormaliseToTheCharacter() {
        String spelled = "" + ShellBytes.ofByte(0xc3) + ShellBytes.ofByte(0xa9);
        assertArrayEquals(bytes(0xc3, 0xa9), ShellBytes.encode(spelled));
        assertEquals("é", ShellBytes.normalize(spelled));
    }

    @Test
    void theLocaleDecidesWhatACharacterIs() {
        String text = ShellBytes.decode(bytes('a', 0xc3, 0xa9, 0xff));
        assertEquals(3, ShellBytes.length(text, true));
        assertEquals(4, ShellBytes.length(text, false));
        assertEquals("a\udcc3\udca9\udcff", ShellBytes.bytewise(text));
        assertEquals(text, ShellBytes.normalize(ShellBytes.bytewise(text)));
    }

    @Test
    void theLocaleComesFromLcAllThenLcCtypeThenLang() {
        assertTrue(ShellBytes.utf8Locale(Map.of("LANG", "en_US.UTF-8")::get));
        assertFalse(ShellBytes.utf8Locale(Map.of("LC_ALL", "C", "LANG", "en_US.UTF-8")::get));
        assertTrue(ShellBytes.utf8Locale(Map.of("LC_ALL", "", "LC_CTYPE", "C.utf8")::get));
        assertFalse(ShellBytes.utf8Locale(Map.<String, String>of()::get));
    }
}
