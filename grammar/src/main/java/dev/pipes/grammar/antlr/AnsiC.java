package dev.pipes.grammar.antlr;

/** The backslash escapes of bash's {@code $'...'} quoting (also those of {@code echo -e} and {@code printf %b}). */
public final class AnsiC {
    private AnsiC() {}

    public static String decode(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i++);
            if (c != '\\' || i >= text.length()) {
                out.append(c);
                continue;
            }
            char e = text.charAt(i++);
            switch (e) {
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'e', 'E' -> out.append('\u001b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'v' -> out.append('\u000b');
                case '\\', '\'', '"', '?' -> out.append(e);
                case 'c' -> {
                    if (i < text.length()) out.append((char) (text.charAt(i++) & 0x1f));
                    else out.append("\\c");
                }
                case 'x', 'u', 'U' -> {
                    int max = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                    int start = i;
                    while (i < text.length() && i - start < max && Character.digit(text.charAt(i), 16) >= 0) i++;
                    if (i == start) out.append('\\').append(e);
                    else out.appendCodePoint(Integer.parseInt(text.substring(start, i), 16));
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int start = i - 1;
                        while (i < text.length() && i - start < 3 && text.charAt(i) >= '0' && text.charAt(i) <= '7') i++;
                        out.append((char) (Integer.parseInt(text.substring(start, i), 8) & 0xff));
                    } else {
                        out.append('\\').append(e);
                    }
                }
            }
        }
        return out.toString();
    }
}
