package dev.pipes.engine.daemon;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Ids of workflows and jobs: random, so that they stay unique across restarts of the daemon and
 * cannot be guessed from one another; lowercase letters and digits, safe in URLs and store keys.
 */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();
    private static final Pattern VALID = Pattern.compile("[a-z0-9]{4,40}");

    private Ids() {}

    /** A workflow id: {@code w} and 9 random characters. */
    public static String workflow() {
        return "w" + random(9);
    }

    /** A job id: 14 random characters (70 bits). */
    public static String job() {
        return random(14);
    }

    public static boolean valid(String id) {
        return id != null && VALID.matcher(id).matches();
    }

    private static String random(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        return new String(out);
    }
}
