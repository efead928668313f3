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
