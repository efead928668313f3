package dev.pipes.shell.repl;

import java.io.Console;
import java.lang.reflect.Method;

/** When pipesh reads its commands from a person at a terminal. Loads no terminal library. */
public final class Interactive {
    private Interactive() {}

    /**
     * Whether standard input and output are a terminal. {@code System.console()} answers on Java
     * 21; from Java 22 on it may exist without a terminal and {@code Console.isTerminal()} answers.
     */
    public static boolean onTerminal() {
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
