package dev.pipes.completions;

/**
 * One completion offered to the user, as plain data (the shell turns it into its terminal
 * library's type).
 *
 * @param value       the unquoted text that replaces what was typed
 * @param description shown beside the value (a service's description, a job's command); may be ""
 * @param complete    whether a space follows once it is chosen (false for a directory: more can follow)
 */
public record Candidate(String value, Kind kind, String description, boolean complete) {
    public enum Kind {
        BUILTIN("builtins"), FUNCTION("functions"), SERVICE("services"), COMMAND("commands"),
        KEYWORD("keywords"), DIRECTORY("directories"), FILE("files"), VARIABLE("variables"),
        JOB("jobs"), OPTION("options"), WORKFLOW("workflows"), WORD("words");

        private final String group;

        Kind(String group) {
            this.group = group;
        }

        /** The heading candidates of this kind are listed under. */
        public String group() {
            return group;
        }
    }

    public Candidate {
        if (description == null) description = "";
    }

    public static Candidate of(String value, Kind kind) {
        return new Candidate(value, kind, "", true);
    }
}
