package dev.pipes.engine.interp;

import dev.pipes.engine.pattern.ShPattern;
import dev.pipes.grammar.ast.CaseCommand;
import dev.pipes.grammar.ast.CommandList;
import dev.pipes.grammar.ast.ForCommand;
import dev.pipes.grammar.ast.IfCommand;
import dev.pipes.grammar.ast.LoopCommand;
import dev.pipes.grammar.ast.Word;
import java.util.List;

/** if, while, until, for, case and ( ) subshells: the compound commands, run by one interpreter. */
final class CompoundCommands {
    private final Interpreter interpreter;
    private final ShellState state;

    CompoundCommands(Interpreter interpreter, ShellState state) {
        this.interpreter = interpreter;
        this.state = state;
    }

    int subshell(CommandList body) {
        ShellState copy = state.copy();
        Interpreter inner = new Interpreter(copy, interpreter.builtins());
        try {
            inner.execute(body);
            return copy.lastStatus;
        } catch (ControlFlow.Exit exit) {
            return exit.status;
        } catch (ControlFlow.Return ret) {
            return ret.status;
        } catch (ControlFlow.Break | ControlFlow.Continue loop) {
            return copy.lastStatus;
        } catch (ShellError e) {
            inner.error(e);
            return 1;
        }
    }

    private boolean condition(CommandList condition) {
        state.errexitSuppressed++;
        try {
            interpreter.execute(condition);
            return state.lastStatus == 0;
        } finally {
            state.errexitSuppressed--;
        }
    }

    int executeIf(IfCommand command) {
        for (IfCommand.Branch branch : command.branches()) {
            if (condition(branch.condition())) {
                interpreter.execute(branch.body());
                return state.lastStatus;
            }
        }
        if (command.elseBody().isPresent()) {
            interpreter.execute(command.elseBody().get());
            return state.lastStatus;
        }
        return 0;
    }

    int executeLoop(LoopCommand loop) {
        int status = 0;
        state.loopDepth++;
        try {
            while (true) {
                interpreter.checkKilled();
                // break and continue work in the condition too ("while ...; [ -n "$x" ] || break; do")
                int tested = pass(loop.condition(), true);
                if (tested == BREAK) break;
                if (tested == CONTINUED) continue;
                boolean ok = tested == 0;
                if (ok != (loop.kind() == LoopCommand.Kind.WHILE)) break;
                int result = pass(loop.body());
                status = result == BREAK ? 0 : result;
                if (result == BREAK) break;
            }
        } finally {
            state.loopDepth--;
        }
        return status;
    }

    /** What {@link #pass} returns when {@code break} ends the loop (a status is 0..255). */
    private static final int BREAK = -1;
    /** What a loop condition's pass returns after {@code continue}: the next iteration starts. */
    private static final int CONTINUED = -2;

    /**
     * Runs one pass of a loop's body and returns its status, 0 after {@code continue}, or
     * {@link #BREAK}. A {@code break N} or {@code continue N} for an outer loop goes on outwards.
     */
    private int pass(CommandList body) {
        return pass(body, false);
    }

    private int pass(CommandList body, boolean isCondition) {
        if (isCondition) state.errexitSuppressed++;
        try {
            interpreter.execute(body);
            return state.lastStatus;
        } catch (ControlFlow.Break b) {
            if (b.levels > 1) throw new ControlFlow.Break(b.levels - 1);
            return BREAK;
        } catch (ControlFlow.Continue c) {
            if (c.levels > 1) throw new ControlFlow.Continue(c.levels - 1);
            return isCondition ? CONTINUED : 0;
        } finally {
            if (isCondition) state.errexitSuppressed--;
        }
    }

    int executeFor(ForCommand command) {
        List<String> values;
        try {
            values = command.words().isPresent() ? interpreter.expander().fields(command.words().get()) : List.copyOf(state.positional);
        } catch (FatalShellError e) {
            throw e.at(command.span());
        }
        int status = 0;
        state.loopDepth++;
        try {
            for (String value : values) {
                interpreter.checkKilled();
                state.variables.set(command.variable(), value);
                int result = pass(command.body());
                status = result == BREAK ? 0 : result;
                if (result == BREAK) break;
            }
        } catch (ShellError e) {
            throw e.at(command.span());
        } finally {
            state.loopDepth--;
        }
        return status;
    }

    int executeCase(CaseCommand command) {
        Expander expander = interpreter.expander();
        String subject = expander.string(command.subject());
        for (CaseCommand.Item item : command.items()) {
            for (Word pattern : item.patterns()) {
                if (ShPattern.matches(expander.pattern(pattern), subject)) {
                    interpreter.execute(item.body());
                    return item.body().isEmpty() ? 0 : state.lastStatus;
                }
            }
        }
        return 0;
    }
}
