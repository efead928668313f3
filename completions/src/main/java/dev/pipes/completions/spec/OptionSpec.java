package dev.pipes.completions.spec;

import java.util.List;

/**
 * One option of a command: its spellings ({@code -a}, {@code --all}), the name of its value when
 * it takes one ({@code FORMAT} in {@code --output=FORMAT}; empty otherwise), the words that value
 * can be (empty: any) and what it does.
 */
public record OptionSpec(List<String> spellings, String valueName, List<String> values, String description) {
    public OptionSpec {
        spellings = List.copyOf(spellings);
        values = List.copyOf(values);
        if (spellings.isEmpty()) throw new IllegalArgumentException("an option needs at least one spelling");
    }

    public boolean takesValue() {
        return !valueName.isEmpty();
    }

    public boolean spelledAs(String word) {
        return spellings.contains(word);
    }

    public OptionSpec withValues(List<String> newValues) {
        return new OptionSpec(spellings, valueName, newValues, description);
    }
}
