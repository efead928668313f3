package dev.pipes.engine.pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pipes.engine.pattern.FieldSplitter.Piece;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShPatternTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "*|anything|true", "a*|abc|true", "a*|bac|false", "?|x|true", "?|xy|false", "[abc]|b|true",
        "[!abc]|b|false", "[^abc]|d|true", "[a-c]x|bx|true", "[]]|]|true", "[[:digit:]]*|5a|true",
        "\\*|*|true", "\\*|x|false", "a[|a[|true", "*.txt|a.txt|true", "*.txt|a.txt.gz|false",
        "[!0-9]*|x1|true", "a\\?|a?|true", "a\\?|ab|false",
    })
    void matchesLikeSh(String pattern, String text, boolean expected) {
        assertEquals(expected, ShPattern.matches(pattern, text));
    }

    @Test
    void trimsPrefixesAndSuffixes() {
        assertEquals("b/c", ShPattern.trim("a/b/c", "*/", ShPattern.Trim.SHORTEST_PREFIX));
        assertEquals("c", ShPattern.trim("a/b/c", "*/", ShPattern.Trim.LONGEST_PREFIX));
        assertEquals("file.tar", ShPattern.trim("file.tar.gz", ".*", ShPattern.Trim.SHORTEST_SUFFIX));
        assertEquals("file", ShPattern.trim("file.tar.gz", ".*", ShPattern.Trim.LONGEST_SUFFIX));
        assertEquals("abc", ShPattern.trim("abc", "x", ShPattern.Trim.LONGEST_SUFFIX));
    }

    @Test
    void splitsOnIfsAsPosixSays() {
        assertEquals(List.of("a", "b"), FieldSplitter.split(List.of(Piece.expansion("  a   b  ")), null));
        assertEquals(List.of("a", "", "b"), FieldSplitter.split(List.of(Piece.expansion("a::b")), ":"));
        assertEquals(List.of("", "a"), FieldSplitter.split(List.of(Piece.expansion(":a")), ":"));
        assertEquals(List.of("a"), FieldSplitter.split(List.of(Piece.expansion("a:")), ":"));
        assertEquals(List.of("a", "b"), FieldSplitter.split(List.of(Piece.expansion("a : b")), " :"));
        assertEquals(List.of("a b"), FieldSplitter.split(List.of(Piece.expansion("a b")), ""));
        assertEquals(List.of("xa", "b"), FieldSplitter.split(List.of(Piece.literal("x"), Piece.expansion("a b")), null));
        assertEquals(List.of(""), FieldSplitter.split(List.of(Piece.quoted("")), null));
        assertEquals(List.of(), FieldSplitter.split(List.of(Piece.expansion("")), null));
        assertEquals(List.of("\\*"), FieldSplitter.split(List.of(Piece.quoted("*")), null));
        assertEquals(List.of("", "x"), FieldSplitter.split(List.of(Piece.quoted(""), Piece.BREAK, Piece.quoted("x")), null));
        assertEquals(List.of("x"), FieldSplitter.split(List.of(Piece.expansion(""), Piece.SOFT_BREAK, Piece.expansion("x")), null));
    }

    @Test
    void expandsPathnamesRelativeToTheGivenDirectory(@TempDir Path dir) throws IOException {
        for (String name : List.of("b.txt", "a.txt", ".hidden.txt", "c.log")) Files.writeString(dir.resolve(name), "");
        Files.createDirectories(dir.resolve("sub/deeper"));
        Files.writeString(dir.resolve("sub/x.txt"), "");
        assertEquals(List.of("a.txt", "b.txt"), PathnameExpander.expand("*.txt", dir));
        assertEquals(List.of(".hidden.txt"), PathnameExpander.expand(".*.txt", dir));
        assertEquals(List.of("sub/x.txt"), PathnameExpander.expand("*/*.txt", dir));
        assertEquals(List.of("sub/deeper/"), PathnameExpander.expand("sub/*/", dir));
        assertEquals(List.of(), PathnameExpander.expand("*.none", dir));
        assertEquals(List.of(), PathnameExpander.expand("\\*.txt", dir));
    }
}
