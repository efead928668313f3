package dev.pipes.shell.repl;

import java.io.Console;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;

/** When pipesh reads its commands from a person at a terminal. Loads no terminal library. */
public final class Interactive {
    private static final Path STANDARD_INPUT = Path.of("/proc/self/fd/0");

    private Interactive() {}

    /**
     * Whether standard input is a terminal (as for sh, standard output may be redirected: the
     * line editor then draws on standard error). Where {@code /proc} tells what descriptor 0 is,
     * it answers; elsewhere the console does, which needs standard output on the terminal too.
     */
    public static boolean onTerminal() {
        if (Files.isSymbolicLink(STANDARD_INPUT)) {
            try {
                return isTerminalDevice(Files.readSymbolicLink(STANDARD_INPUT).toString());
            } catch (IOException e) {
                return false;
            }
        }
        return consoleIsTerminal();
    }

    /** {@code /dev/pts/3}, {@code /dev/tty1}, {@code /dev/console}: yes; a pipe, a file, {@code /dev/null}: no. */
    static boolean isTerminalDevice(String device) {
        return device.matches("/dev/(pts/\\d+|tty\\w*|console)");
    }

    private static boolean consoleIsTerminal() {
        // From Java 22 the console is the JDK's own JLine unless told otherwise: loading it to ask
        // one question costs a third of a second. The plain one answers the same question.
        if (System.getProperty("jdk.console") == null) System.setProperty("jdk.console", "java.base");
        Console console = System.console();
        if (console == null) return false;
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true; // Java 21: a console exists only on a terminal
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
