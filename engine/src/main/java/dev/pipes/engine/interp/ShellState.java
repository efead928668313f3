package dev.pipes.engine.interp;

import dev.pipes.engine.world.FdTable;
import dev.pipes.engine.world.ProcessGroup;
import dev.pipes.engine.world.ProcessLauncher;
import dev.pipes.engine.service.ServiceRuntime;
import dev.pipes.grammar.ast.FunctionDefinition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a shell remembers between commands. Java cannot fork, so a subshell, a command
 * substitution or an in-process pipeline stage runs on a {@link #copy()}: its own variables,
 * functions, working directory and options, nothing of which flows back.
 */
public final class ShellState {
    public final Variables variables;
    public final Map<String, FunctionDefinition> functions;
    public final Options options;
    public final JobTable jobs;
    public final ProcessLauncher launcher;
    /** The services: resolution, the registry, and what runs service stages ({@link ServiceRuntime#none()}: none). */
    public final ServiceRuntime services;
    /** The verbs of the {@code pipes} builtin that the shell wires in (cluster, daemon); none by default. */
    public dev.pipes.engine.verbs.PipesVerbs verbs = dev.pipes.engine.verbs.PipesVerbs.none();
    public final long shellPid;
    /** When the shell started, for {@code $SECONDS}. */
    final long startNanos;
    /** The lines entered in this session (the REPL appends to it); shared with subshells. */
    public final List<String> history;
    /** The commands found on PATH so far ({@code hash}). */
    final PathCache hashed;
    /** The traps set with {@code trap}. */
    final Traps traps;
    /** The umask as {@code umask} last set it; -1 until then (the process's own, read when asked). */
    int umask = -1;
    public List<String> positional;
    public String arg0;
    public Path cwd;
    public FdTable fds;
    /** What descriptor 0 was when the shell started: a job started with & reads /dev/null instead. */
    final dev.pipes.engine.world.Channel initialStdin;
    public int lastStatus;
    public String lastBackgroundPid = "";
    public List<Integer> pipeStatus = List.of(0);
    public ProcessGroup processGroup;
    /** The name errors are reported under: the script file, or {@code -c}. */
    public String sourceName;
    /** Set by {@code exit} on this state (not a subshell's copy): the interactive loop then ends. */
    public volatile boolean exitRequested;
    /** Depth of conditions (if/while tests, && || operands, !) in which set -e does not apply. */
    int errexitSuppressed;
    int loopDepth;
    /** The line of the command being run, for {@code $LINENO}. */
    int currentLine;
    int sourceDepth;
    /** getopts: the position inside a group of options, valid while OPTIND is {@link #getoptsOptind}. */
    int getoptsPosition = 1;
    int getoptsOptind = 1;
    int functionDepth;
    /** The functions being run, innermost first ({@code FUNCNAME}). */
    java.util.ArrayDeque<String> callStack = new java.util.ArrayDeque<>();
    /** {@code $RANDOM}'s generator; assigning RANDOM seeds it. */
    java.util.Random random = new java.util.Random();
    /** What {@code $SECONDS} counts from; assigning SECONDS moves it. */
    long secondsBase;
    /** The text of the script being run, for {@code explain} and the text of jobs. */
    String sourceText = "";

    public ShellState(Map<String, String> environment, Path cwd, FdTable fds, ProcessLauncher launcher,
                      ServiceRuntime services) {
        this.variables = Variables.fromEnvironment(environment);
        this.functions = new HashMap<>();
        this.options = new Options();
        this.jobs = new JobTable();
        this.launcher = launcher;
        this.services = services;
        this.shellPid = ProcessHandle.current().pid();
        this.startNanos = System.nanoTime();
        this.secondsBase = startNanos;
        this.history = new java.util.concurrent.CopyOnWriteArrayList<>();
        this.hashed = new PathCache();
        this.traps = new Traps();
        this.positional = List.of();
        this.arg0 = "pipesh";
        variables.set("OPTIND", "1");
        this.cwd = cwd;
        this.fds = fds;
        this.processGroup = new ProcessGroup();
        this.initialStdin = fds.get(0);
        this.sourceName = "pipesh";
        if (variables.get("IFS") == null) variables.set("IFS", " \t\n");
        variables.set("PWD", cwd.toString());
        if (variables.get("PPID") == null) {
            variables.set("PPID", ParentPid.VALUE);
        }
    }

    /**
     * This process's parent, looked up once (it reads /proc): as in bash, $PPID is the parent when
     * the shell started, and a daemon that makes a shell per job would otherwise pay for it each time.
     */
    private static final class ParentPid {
        static final String VALUE = ProcessHandle.current().parent().map(h -> Long.toString(h.pid())).orElse("");
    }

    private ShellState(ShellState from) {
        this.variables = from.variables.copy();
        this.functions = new HashMap<>(from.functions);
        this.options = from.options.copy();
        this.jobs = from.jobs.snapshot();
        this.launcher = from.launcher;
        this.services = from.services;
        this.verbs = from.verbs;
        this.shellPid = from.shellPid;
        this.startNanos = from.startNanos;
        this.history = from.history;
        this.hashed = from.hashed.copy();
        this.traps = from.traps.copy();
        this.umask = from.umask;
        this.positional = new ArrayList<>(from.positional);
        this.arg0 = from.arg0;
        this.cwd = from.cwd;
        this.fds = from.fds;
        this.initialStdin = from.initialStdin;
        this.lastStatus = from.lastStatus;
        this.lastBackgroundPid = from.lastBackgroundPid;
        this.pipeStatus = from.pipeStatus;
        this.processGroup = from.processGroup;
        this.sourceName = from.sourceName;
        this.errexitSuppressed = from.errexitSuppressed;
        this.loopDepth = 0;
        this.functionDepth = from.functionDepth;
        this.callStack = new java.util.ArrayDeque<>(from.callStack);
        this.random = new java.util.Random();
        this.secondsBase = from.secondsBase;
        this.sourceText = from.sourceText;
        this.getoptsPosition = from.getoptsPosition;
        this.getoptsOptind = from.getoptsOptind;
    }

    /** A copy for a subshell: changes to it never reach this state. */
    public ShellState copy() {
        return new ShellState(this);
    }

    boolean sourcing() {
        return sourceDepth > 0;
    }

    public boolean has(Options.Option option) {
        return options.has(option);
    }

    /** Resolves a path the user wrote against the shell's own working directory. */
    public Path resolve(String path) {
        try {
            return cwd.resolve(path).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            // Java's file names are strings in the charset of the JVM's locale: bytes outside it
            // (any non-ASCII byte under C, a byte that is not UTF-8 under a UTF-8 locale) cannot be named
            throw new ShellError(path + ": file name not representable in the JVM's locale ("
                    + System.getProperty("sun.jnu.encoding") + ")");
        }
    }
}
