package dev.pipes.grammar.text;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * How pipesh keeps bytes in Java strings: every text that enters the shell (a script, {@code -c}
 * text, an argument, the environment, what {@code read} and {@code $( )} take in, a file name)
 * is {@link #decode decoded} here, and every text that leaves it (output, the argv and environment
 * of a process, a file name handed to the system) is {@link #encode encoded} here, so that any
 * byte string comes out exactly as it came in, in any locale.
 *
 * <p>Valid UTF-8 becomes the characters it encodes. A byte that does not belong to a valid UTF-8
 * sequence becomes one <em>escape</em>: the lone low surrogate {@code U+DC80 + (byte - 0x80)}
 * (bytes below 0x80 are always valid). A lone surrogate is never the decoding of valid UTF-8, so
 * the encoder knows every escape for what it is and writes its byte back. This is the
 * "surrogateescape" scheme of Python's {@code os.fsdecode}. Strings made only of characters and
 * escapes round-trip: {@code decode(encode(s))} is {@code s} whenever {@code s} is the decoding
 * of some bytes; a string that puts escapes side by side that spell valid UTF-8 encodes to those
 * bytes and decodes to the characters ({@link #normalize} makes it canonical).
 *
 * <p>The locale decides only what a character is, never which bytes are kept: under a UTF-8
 * locale a character is a code point (an escape counts as one, as bash counts an invalid byte);
 * under C/POSIX each byte is one ({@link #bytewise} and {@link #length}).
 *
 * <p>It lives in the grammar module so that the parser (ANSI-C quoting), the engine (builtins,
 * expansions, processes, services) and the shell (arguments, environment) share one codec.
 */
public final class ShellBytes {
    private static final char ESCAPE_BASE = 0xDC00;

    private ShellBytes() {}

    /** The text of {@code bytes}: valid UTF-8 as characters, every other byte as its escape. */
    public static String decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length);
    }

    public static String decode(byte[] bytes, int offset, int length) {
        if (isAscii(bytes, offset, length)) return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        StringBuilder out = new StringBuilder(length);
        int i = offset;
        int end = offset + length;
        while (i < end) {
            int b = bytes[i] & 0xff;
            if (b < 0x80) {
                out.append((char) b);
                i++;
                continue;
            }
            int size = sequenceLength(bytes, i, end);
            if (size == 0) {
                out.append(escape(b));
                i++;
                continue;
            }
            int codePoint = switch (size) {
                case 2 -> (b & 0x1f) << 6 | (bytes[i + 1] & 0x3f);
                case 3 -> (b & 0x0f) << 12 | (bytes[i + 1] & 0x3f) << 6 | (bytes[i + 2] & 0x3f);
                default -> (b & 0x07) << 18 | (bytes[i + 1] & 0x3f) << 12 | (bytes[i + 2] & 0x3f) << 6 | (bytes[i + 3] & 0x3f);
            };
            out.appendCodePoint(codePoint);
            i += size;
        }
        return out.toString();
    }

    /**
     * The length of the valid UTF-8 sequence that starts at {@code i} (2, 3 or 4), or 0 when the
     * byte there does not start one: no overlong forms, no encoded surrogates, nothing above U+10FFFF.
     */
    private static int sequenceLength(byte[] bytes, int i, int end) {
        int b = bytes[i] & 0xff;
        int size;
        int low = 0x80;
        int high = 0xbf;
        if (b >= 0xc2 && b <= 0xdf) {
            size = 2;
        } else if (b >= 0xe0 && b <= 0xef) {
            size = 3;
            if (b == 0xe0) low = 0xa0;
            if (b == 0xed) high = 0x9f;
        } else if (b >= 0xf0 && b <= 0xf4) {
            size = 4;
            if (b == 0xf0) low = 0x90;
            if (b == 0xf4) high = 0x8f;
        } else {
            return 0;
        }
        if (i + size > end) return 0;
        int second = bytes[i + 1] & 0xff;
        if (second < low || second > high) return 0;
        for (int k = 2; k < size; k++) {
            int next = bytes[i + k] & 0xff;
            if (next < 0x80 || next > 0xbf) return 0;
        }
        return size;
    }

    /** The bytes of {@code text}: characters as UTF-8, escapes as the bytes they stand for. */
    public static byte[] encode(String text) {
        if (!hasSurrogates(text)) return text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 8);
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                writeUtf8(out, Character.toCodePoint(c, text.charAt(i + 1)));
                i++;
            } else if (isEscape(c)) {
                out.write(c - ESCAPE_BASE);
            } else {
                // a lone surrogate that is no escape (it never comes from decode): its generalised
                // UTF-8 form, so that nothing is dropped
                writeUtf8(out, c);
            }
        }
        return out.toByteArray();
    }

    private static void writeUtf8(ByteArrayOutputStream out, int codePoint) {
        if (codePoint < 0x80) {
            out.write(codePoint);
        } else if (codePoint < 0x800) {
            out.write(0xc0 | codePoint >> 6);
            out.write(0x80 | codePoint & 0x3f);
        } else if (codePoint < 0x10000) {
            out.write(0xe0 | codePoint >> 12);
            out.write(0x80 | codePoint >> 6 & 0x3f);
            out.write(0x80 | codePoint & 0x3f);
        } else {
            out.write(0xf0 | codePoint >> 18);
            out.write(0x80 | codePoint >> 12 & 0x3f);
            out.write(0x80 | codePoint >> 6 & 0x3f);
            out.write(0x80 | codePoint & 0x3f);
        }
    }

    /** The escape that stands for byte {@code b} (0x80..0xff) that is not part of valid UTF-8. */
    public static char escape(int b) {
        if (b < 0x80 || b > 0xff) throw new IllegalArgumentException("only bytes 0x80..0xff are escaped: " + b);
        return (char) (ESCAPE_BASE + b);
    }

    /** A byte as text: itself below 0x80, its escape above (what {@code printf '\xHH'} produces). */
    public static char ofByte(int b) {
        int unsigned = b & 0xff;
        return unsigned < 0x80 ? (char) unsigned : escape(unsigned);
    }

    public static boolean isEscape(char c) {
        return c >= ESCAPE_BASE + 0x80 && c <= ESCAPE_BASE + 0xff;
    }

    /** Whether {@code text} holds bytes that are not valid UTF-8 (it cannot travel as a Unicode string). */
    public static boolean hasRawBytes(String text) {
        if (!hasSurrogates(text)) return false;
        for (int i = 0; i < text.length(); i++) if (isEscape(text.charAt(i))) return true;
        return false;
    }

    /** The canonical form: escapes that spell valid UTF-8 side by side become the characters. */
    public static String normalize(String text) {
        return hasRawBytes(text) ? decode(encode(text)) : text;
    }

    /**
     * The text with one character per byte, as the C locale sees it: ASCII stays, every other byte
     * is its escape. Pattern matching, {@code ${x:o:l}} and {@code ${#x}} under C work on this form;
     * {@link #normalize} turns a result back into the canonical one.
     */
    public static String bytewise(String text) {
        byte[] bytes = encode(text);
        StringBuilder out = new StringBuilder(bytes.length);
        for (byte b : bytes) out.append(ofByte(b));
        return out.toString();
    }

    /** The number of characters of {@code text}: bytes when {@code utf8} is false (the C locale), else code points. */
    public static int length(String text, boolean utf8) {
        return utf8 ? text.codePointCount(0, text.length()) : encode(text).length;
    }

    /**
     * Whether the shell's locale is a UTF-8 one: the first of {@code LC_ALL}, {@code LC_CTYPE} and
     * {@code LANG} that is set and not empty names it, as setlocale reads them; none means C.
     */
    public static boolean utf8Locale(java.util.function.Function<String, String> variables) {
        for (String name : new String[] {"LC_ALL", "LC_CTYPE", "LANG"}) {
            String value = variables.apply(name);
            if (value == null || value.isEmpty()) continue;
            String lower = value.toLowerCase(java.util.Locale.ROOT);
            return lower.contains("utf-8") || lower.contains("utf8");
        }
        return false;
    }

    private static boolean hasSurrogates(String text) {
        for (int i = 0; i < text.length(); i++) if (Character.isSurrogate(text.charAt(i))) return true;
        return false;
    }

    private static boolean isAscii(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) if (bytes[i] < 0) return false;
        return true;
    }
}
