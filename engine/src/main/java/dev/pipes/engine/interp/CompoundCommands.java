package dev.pipes.engine.interp;

import dev.pipes.grammar.ast.ArithmeticCommand;
import dev.pipes.grammar.ast.ArithmeticFor;
import dev.pipes.grammar.ast.ConditionalCommand;

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
            return inner.finish(run(inner, copy, body));
        } finally {
            // the subshell shares this process: a umask it set must not outlive it
            if (copy.umask != state.umask) TrapBuiltins.ProcessUmask.set(state.umask >= 0 ? state.umask
                    : copy.umask >= 0 ? copy.umask : TrapBuiltins.ProcessUmask.current());
        }
    }

    private static int run(Interpreter inner, ShellState copy, CommandList body) {
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
        List<CaseCommand.Item> items = command.items();
        int status = 0;
        boolean run = false; // ;& runs the next body without testing its patterns
        for (CaseCommand.Item item : items) {
            if (!run) {
                for (Word pattern : item.patterns()) {
                    if (ShPattern.matches(expander.pattern(pattern), subject)) {
                        run = true;
                        break;
                    }
                }
            }
            if (!run) continue;
            interpreter.execute(item.body());
            status = item.body().isEmpty() ? 0 : state.lastStatus;
            switch (item.end()) {
                case BREAK -> {
                    return status;
                }
                case FALL_THROUGH -> run = true;
                case TEST_NEXT -> run = false;
            }
        }
        return status;
    }

    /** {@code (( expression ))}: 0 when the value is not 0. */
    int arithmetic(ArithmeticCommand command) {
        Expander expander = interpreter.expander();
        try {
            return expander.evaluateArithmetic(expander.string(command.expression()), null) != 0 ? 0 : 1;
        } catch (LineAbortError e) {
            interpreter.error(e.getMessage());
            return 1;
        }
    }

    /** {@code [[ expression ]]}: 0 when it holds, 1 when not, 2 for a bad regular expression. */
    int conditional(ConditionalCommand command) {
        try {
            return new ConditionalEvaluator(state, interpreter.expander()).evaluate(command.expression()) ? 0 : 1;
        } catch (ConditionalEvaluator.BadRegex e) {
            return 2;
        } catch (LineAbortError e) {
            interpreter.error(e.getMessage());
            return 1;
        }
    }

    int executeArithmeticFor(ArithmeticFor command) {
        Expander expander = interpreter.expander();
        int status = 0;
        state.loopDepth++;
        try {
            evaluate(expander, command.init());
            while (true) {
                interpreter.checkKilled();
                if (!command.condition().parts().isEmpty() && evaluate(expander, command.condition()) == 0) break;
                int result = pass(command.body());
                status = result == BREAK ? 0 : result;
                if (result == BREAK) break;
                evaluate(expander, command.step());
            }
        } finally {
            state.loopDepth--;
        }
        return status;
    }

    private static long evaluate(Expander expander, Word expression) {
        String text = expander.string(expression);
        return text.isBlank() ? 1 : expander.evaluateArithmetic(text, null);
    }
}
