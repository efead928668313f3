import dev.pipes.grammar.Parser;
import dev.pipes.grammar.ast.Script;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/**
 * The parse benchmark: writes a generated script of about 1 MB to the file named by the first
 * argument (unless it exists), then parses it repeatedly and prints the times of the first parse
 * (fresh JVM), the median and the best, as wall-clock and as CPU time of the parsing thread, on a
 * RESULT line that bench/parse.sh reads and compares with `bash -n` on the same file.
 */
public final class ParseBench {
    private static final String[] COMMANDS = {
        "echo \"hello $USER\" | tr a-z A-Z > /tmp/out.txt",
        "x=$(( x + 1 )) y=${y:-default} z=~/dir",
        "if [ -f \"$file\" ]; then cat \"$file\" | wc -l; elif test -d dir; then ls -la dir; else echo none >&2; fi",
        "for f in *.c src/*.h; do gcc -c \"$f\" -o \"${f%.c}.o\" 2>>errors.log || exit 1; done",
        "while read -r line; do printf '%s\\n' \"$line\"; done < input.txt",
        "case \"$1\" in start|run) start_service;; stop) stop_service;; *) echo \"usage: $0 start|stop\";; esac",
        "deploy() { local name=$1; docker service create --name \"$name\" image:latest && echo ok; }",
        "grep -v '^#' config | sed -e 's/a/b/g' | sort | uniq -c | sort -rn | head -20 &",
        "cat <<EOF > greeting.txt\nHello ${NAME:?no name}, today is $(date +%A).\nEOF",
        "{ echo one; echo two; } 2>&1 | ( read a; read b; echo \"$b $a\" )",
        "result=`ls -1 | wc -l` ; [ \"$result\" -gt 0 ] && echo \"${#result} digits\"",
    };

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        if (!Files.exists(file)) Files.writeString(file, generate(1 << 20), StandardCharsets.UTF_8);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        double megabytes = text.getBytes(StandardCharsets.UTF_8).length / 1e6;

        // wall-clock time, and the parsing thread's CPU time, which stays meaningful on a busy machine
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] nanos = new long[rounds];
        long[] cpuNanos = new long[rounds];
        int commands = 0;
        for (int i = 0; i < rounds; i++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            Script script = Parser.parse(text, file.toString());
            nanos[i] = System.nanoTime() - start;
            cpuNanos[i] = threads.getCurrentThreadCpuTime() - cpuStart;
            commands = script.commands().items().size();
        }
        long first = nanos[0];
        long firstCpu = cpuNanos[0];
        Arrays.sort(nanos);
        Arrays.sort(cpuNanos);
        System.out.printf("pipes parser: %.2f MB, %d top-level commands, %d parses%n", megabytes, commands, rounds);
        System.out.printf("RESULT first=%.6f median=%.6f best=%.6f firstcpu=%.6f mediancpu=%.6f bestcpu=%.6f%n",
                first / 1e9, nanos[rounds / 2] / 1e9, nanos[0] / 1e9,
                firstCpu / 1e9, cpuNanos[rounds / 2] / 1e9, cpuNanos[0] / 1e9);
    }

    /** A deterministic script of at least {@code size} characters mixing every construct. */
    static String generate(int size) {
        Random random = new Random(42);
        StringBuilder text = new StringBuilder(size + 200);
        text.append("#!/usr/bin/env pipesh\n# generated for the parse benchmark\n");
        while (text.length() < size) {
            text.append(COMMANDS[random.nextInt(COMMANDS.length)]).append('\n');
        }
        return text.toString();
    }
}
