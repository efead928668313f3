package dev.pipes.engine.plan;

/**
 * One redirection with its target already expanded: {@code fd op target}. For duplications the
 * target is a descriptor number or {@code -}; for here-documents and here-strings it is the text
 * fed to the descriptor.
 */
public record RedirectPlan(int fd, Op op, String target) {
    /** What the redirection does. */
    public enum Op {
        READ("<"), WRITE(">"), APPEND(">>"), CLOBBER(">|"), READ_WRITE("<>"), DUP_IN("<&"), DUP_OUT(">&"),
        OUT_AND_ERR("&>"), APPEND_OUT_AND_ERR("&>>"), HERE_DOC("<<"), HERE_STRING("<<<");

        private final String text;

        Op(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    @Override
    public String toString() {
        return switch (op) {
            case OUT_AND_ERR, APPEND_OUT_AND_ERR -> op.text + target;
            case HERE_DOC -> fd + "<<(here-document, " + target.length() + " bytes)";
            case HERE_STRING -> fd + "<<<(" + target.length() + " bytes)";
            default -> fd + op.text + target;
        };
    }
}
