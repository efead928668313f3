package dev.pipes.engine.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pipes.engine.plan.RedirectPlan;
import dev.pipes.engine.plan.RedirectPlan.Op;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedirectionsTest {
    @TempDir
    Path dir;

    private Redirections.Applied apply(FdTable table, boolean noclobber, RedirectPlan... redirects) throws Exception {
        return Redirections.apply(table, List.of(redirects), dir::resolve, noclobber);
    }

    @Test
    void duplicationsCopyWhatTheSourceIsAtThatMoment() throws Exception {
        FdTable stdio = FdTable.nativeStdio();
        try (var fileThenDup = apply(stdio, false, new RedirectPlan(1, Op.WRITE, "f"), new RedirectPlan(2, Op.DUP_OUT, "1"))) {
            assertInstanceOf(Channel.OpenFile.class, fileThenDup.table().get(1));
            assertSame(fileThenDup.table().get(1), fileThenDup.table().get(2));
        }
        try (var dupThenFile = apply(stdio, false, new RedirectPlan(2, Op.DUP_OUT, "1"), new RedirectPlan(1, Op.WRITE, "f"))) {
            assertEquals(new Channel.Native(1), dupThenFile.table().get(2));
            assertInstanceOf(Channel.OpenFile.class, dupThenFile.table().get(1));
        }
    }

    @Test
    void truncationHappensWhenTheRedirectionIsApplied() throws Exception {
        Files.writeString(dir.resolve("f"), "old contents");
        apply(FdTable.nativeStdio(), false, new RedirectPlan(1, Op.WRITE, "f")).close();
        assertEquals(0, Files.size(dir.resolve("f")));
        Files.writeString(dir.resolve("g"), "kept\n");
        try (var appended = apply(FdTable.nativeStdio(), false, new RedirectPlan(1, Op.APPEND, "g"))) {
            ((Channel.OpenFile) appended.table().get(1)).handle().out().write("more\n".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals("kept\nmore\n", Files.readString(dir.resolve("g")));
    }

    @Test
    void errorsNameTheFileOrDescriptor() throws Exception {
        assertEquals("nosuch: No such file or directory", assertThrows(Redirections.RedirectionException.class,
                () -> apply(FdTable.nativeStdio(), false, new RedirectPlan(0, Op.READ, "nosuch"))).getMessage());
        assertEquals("7: Bad file descriptor", assertThrows(Redirections.RedirectionException.class,
                () -> apply(FdTable.nativeStdio(), false, new RedirectPlan(1, Op.DUP_OUT, "7"))).getMessage());
        Files.writeString(dir.resolve("exists"), "x");
        assertEquals("exists: cannot overwrite existing file", assertThrows(Redirections.RedirectionException.class,
                () -> apply(FdTable.nativeStdio(), true, new RedirectPlan(1, Op.WRITE, "exists"))).getMessage());
        apply(FdTable.nativeStdio(), true, new RedirectPlan(1, Op.CLOBBER, "exists")).close();
        assertEquals(0, Files.size(dir.resolve("exists")));
    }

    @Test
    void closingAndHereDocuments() throws Exception {
        try (var applied = apply(FdTable.nativeStdio(), false, new RedirectPlan(1, Op.DUP_OUT, "-"),
                new RedirectPlan(0, Op.HERE_DOC, "body\n"))) {
            assertNull(applied.table().get(1));
            Channel.Stream in = (Channel.Stream) applied.table().get(0);
            assertEquals("body\n", new String(in.in().readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void theTableItselfNeverChanges() throws Exception {
        FdTable stdio = FdTable.nativeStdio();
        apply(stdio, false, new RedirectPlan(1, Op.WRITE, "f")).close();
        assertEquals(FdTable.nativeStdio(), stdio);
    }
}
