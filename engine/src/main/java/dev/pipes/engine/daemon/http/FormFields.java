package dev.pipes.engine.daemon.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code application/x-www-form-urlencoded} bytes into fields, byte-exact: {@code %XX} gives byte
 * XX, {@code +} a space; values are bytes (a query need not be UTF-8). A bad escape is reported
 * with its offset.
 */
public final class FormFields {
    public record Field(String name, byte[] value) {}

    private FormFields() {}

    public static List<Field> parse(byte[] body, String what) {
        List<Field> fields = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= body.length; i++) {
            if (i < body.length && body[i] != '&') continue;
            if (i > start) {
                int eq = start;
                while (eq < i && body[eq] != '=') eq++;
                String name = new String(decode(body, start, eq, what), StandardCharsets.UTF_8);
                byte[] value = eq < i ? decode(body, eq + 1, i, what) : new byte[0];
                fields.add(new Field(name, value));
            }
            start = i + 1;
        }
        return fields;
    }

    private static byte[] decode(byte[] body, int from, int to, String what) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte b = body[i];
            if (b == '+') {
                out.write(' ');
            } else if (b == '%') {
                if (i + 2 >= to) throw bad(what, i);
                int hi = Character.digit(body[i + 1], 16);
                int lo = Character.digit(body[i + 2], 16);
                if (hi < 0 || lo < 0) throw bad(what, i);
                out.write(hi * 16 + lo);
                i += 2;
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    private static IllegalArgumentException bad(String what, int offset) {
        return new IllegalArgumentException("malformed " + what + ": a '%' at byte " + offset
                + " is not followed by two hexadecimal digits");
    }
}
