package dev.pipes.shell.repl;

import dev.pipes.completions.NamedEntry;
import dev.pipes.completions.ShellFacts;
import dev.pipes.completions.spec.ArgumentKind;
import dev.pipes.completions.spec.CommandSpec;
import dev.pipes.completions.spec.OptionSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An interpreter made up for the loop's tests. It understands a handful of entries:
 * {@code true}, {@code false}, {@code exit N}, {@code cd DIR}, {@code X=v}, {@code name() ...},
 * {@code wait-for-signal} (blocks until Ctrl-C or Ctrl-Z), {@code start-job} and {@code finish-job}.
 */
public final class FakeSession implements ShellSession, ShellFacts {
    final List<String> ran = new CopyOnWriteArrayList<>();
    final List<String> events = new CopyOnWriteArrayList<>();
    final Map<String, String> variables = new TreeMap<>();
    final List<String> functions = new ArrayList<>();
    final List<NamedEntry> jobs = new ArrayList<>();
    final List<String> notices = new ArrayList<>();
    final List<String> earlier = new ArrayList<>();
    final CountDownLatch running = new CountDownLatch(1);
    private volatile CountDownLatch signalled = new CountDownLatch(1);
    Path cwd;
    int status;
    OptionalInt exit = OptionalInt.empty();
    int runningJobs;

    public FakeSession(Path cwd) {
        this.cwd = cwd;
        variables.put("HOME", cwd.toString());
        variables.put("PATH", "/usr/bin:/bin");
    }

    public void setVariable(String name, String value) {
        variables.put(name, value);
    }

    public List<String> ran() {
        return List.copyOf(ran);
    }

    public List<String> events() {
        return List.copyOf(events);
    }

    public boolean awaitRunning() throws InterruptedException {
        return running.await(10, TimeUnit.SECONDS);
    }

    @Override
    public int run(String entry) {
        ran.add(entry);
        String[] words = entry.strip().split("\\s+");
        status = switch (words[0]) {
            case "true" -> 0;
            case "false" -> 1;
            case "exit" -> {
                exit = OptionalInt.of(words.length > 1 ? Integer.parseInt(words[1]) : status);
                yield exit.getAsInt();
            }
            case "cd" -> {
                cwd = cwd.resolve(words[1]).normalize();
                yield 0;
            }
            case "wait-for-signal" -> {
                signalled = new CountDownLatch(1);
                running.countDown();
                try {
                    yield signalled.await(10, TimeUnit.SECONDS) ? events.get(events.size() - 1).equals("interrupt") ? 130 : 0 : 99;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    yield 98;
                }
            }
            case "start-job" -> {
                runningJobs++;
                jobs.add(new NamedEntry(Integer.toString(jobs.size() + 1), entry));
                yield 0;
            }
            case "finish-job" -> {
                runningJobs--;
                notices.add("[1]+  Done                  start-job");
                yield 0;
            }
            default -> {
                if (words[0].contains("=")) {
                    variables.put(words[0].substring(0, words[0].indexOf('=')), words[0].substring(words[0].indexOf('=') + 1));
                    yield 0;
                }
                if (words[0].endsWith("()")) {
                    functions.add(words[0].replace("()", ""));
                    yield 0;
                }
                yield 127;
            }
        };
        return status;
    }

    public List<String> earlier() {
        return List.copyOf(earlier);
    }

    @Override
    public void rememberEarlier(List<String> entries) {
        earlier.addAll(entries);
    }

    @Override
    public void interruptForeground() {
        events.add("interrupt");
        signalled.countDown();
    }

    @Override
    public boolean backgroundForeground() {
        events.add("background");
        runningJobs++;
        signalled.countDown();
        return true;
    }

    @Override
    public List<String> takeJobNotices() {
        List<String> taken = List.copyOf(notices);
        notices.clear();
        return taken;
    }

    @Override
    public int runningJobs() {
        return runningJobs;
    }

    @Override
    public OptionalInt exitStatus() {
        return exit;
    }

    @Override
    public int lastStatus() {
        return status;
    }

    @Override
    public String mode() {
        return "embedded";
    }

    @Override
    public ShellFacts facts() {
        return this;
    }

    @Override
    public Collection<CommandSpec> builtins() {
        return List.of(
                new CommandSpec("echo", "Print the arguments", List.of(
                        new OptionSpec(List.of("-n"), "", List.of(), "Print no final newline")), List.of(ArgumentKind.FILES), List.of()),
                new CommandSpec("cd", "Change the working directory", List.of(), List.of(ArgumentKind.DIRECTORIES), List.of()),
                new CommandSpec("jobs", "List the jobs", List.of(
                        new OptionSpec(List.of("-l"), "", List.of(), "Show process ids")), List.of(), List.of()));
    }

    @Override
    public Collection<String> functions() {
        return functions;
    }

    @Override
    public Collection<String> variables() {
        return variables.keySet();
    }

    @Override
    public Optional<String> variable(String name) {
        return Optional.ofNullable(variables.get(name));
    }

    @Override
    public List<NamedEntry> jobs() {
        return jobs;
    }

    @Override
    public Path workingDirectory() {
        return cwd;
    }
}
