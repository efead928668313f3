package dev.pipes.engine.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pipes.grammar.ast.Pipeline;
import dev.pipes.grammar.ast.Redirect;
import dev.pipes.grammar.ast.RedirectOp;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PipelineShapeTest {
    @Test
    void namesEachStageByItsCommandWord() {
        PipelineShape shape = PipelineShape.parse("cat | upper a-z A-Z | sort -r", "pipeline");
        assertEquals(List.of("cat", "upper", "sort"), shape.stageNames());
        assertEquals(List.of(Optional.of("cat"), Optional.of("upper"), Optional.of("sort")), shape.commandNames());
    }

    @Test
    void aCompoundStageOrAnExpandedCommandIsNamedByItsText() {
        PipelineShape shape = PipelineShape.parse("{ cat; echo end; } | \"$X\" -n", "pipeline");
        assertEquals(List.of("{ cat; echo end; }", "\"$X\" -n"), shape.stageNames());
        assertEquals(List.of(Optional.empty(), Optional.empty()), shape.commandNames());
    }

    @Test
    void eachStageWritesItsStandardErrorToADescriptorOfItsOwnBeforeItsOwnRedirections() {
        PipelineShape shape = PipelineShape.parse("cat | grep x 2>/dev/null", "pipeline");
        Pipeline pipeline = shape.script().commands().items().get(0).command().first();
        for (int k = 0; k < 2; k++) {
            List<Redirect> redirects = pipeline.commands().get(k).redirects();
            Redirect.FileRedirect dup = (Redirect.FileRedirect) redirects.get(0);
            Redirect.FileRedirect close = (Redirect.FileRedirect) redirects.get(1);
            assertEquals(2, dup.fd());
            assertEquals(RedirectOp.DUP_OUT, dup.op());
            assertEquals(Integer.toString(PipelineShape.FIRST_STDERR_FD + k), dup.target().literalText());
            assertEquals(PipelineShape.FIRST_STDERR_FD + k, close.fd());
            assertEquals("-", close.target().literalText());
        }
        assertEquals(3, pipeline.commands().get(1).redirects().size(), "the stage's own 2>/dev/null comes last and wins");
    }

    @Test
    void aWorkflowIsOnePipeline() {
        assertEquals("pipeline:1:6: a workflow is one pipeline; found a second command here (join commands with | or put them in a script or a service)",
                assertThrows(IllegalArgumentException.class, () -> PipelineShape.parse("cat; sort", "pipeline")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PipelineShape.parse("cat && sort", "pipeline"))
                .getMessage().startsWith("pipeline:1:5: a workflow is one pipeline; && and || are not allowed"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PipelineShape.parse("cat &", "pipeline"))
                .getMessage().contains("cannot run in the background"));
        assertEquals("pipeline: the pipeline is empty",
                assertThrows(IllegalArgumentException.class, () -> PipelineShape.parse("  ", "pipeline")).getMessage());
    }

    @Test
    void aSyntaxErrorNamesLineAndColumn() {
        String message = assertThrows(IllegalArgumentException.class, () -> PipelineShape.parse("cat |", "pipeline")).getMessage();
        assertTrue(message.startsWith("pipeline:1:6: "), message);
    }
}
