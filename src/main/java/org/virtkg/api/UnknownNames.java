package org.virtkg.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import org.virtkg.knowledge.IdIndex;

/**
 * The one refusal of a name the contract does not know: a query parameter an operation does not
 * take, a JSON field a body does not have. Every such 400 says the same three things in the same
 * words, so a client (and the web UI) reads them one way: which names were not understood
 * ({@code unknown}), which are ({@code accepted}), and the nearest accepted name
 * ({@code suggestions}, best first), because the usual cause is a typo ({@code ?support=} for
 * {@code ?supports=}, {@code hostOs} for {@code hostOS}).
 */
public final class UnknownNames {
    private UnknownNames() {}

    /**
     * Accepted names close to {@code typed}, best first: the same name in another case, a prefix
     * either way ({@code tech} for {@code technology}), then an edit distance of at most 2.
     */
    public static List<String> nearest(String typed, Collection<String> accepted) {
        String q = typed.toLowerCase(Locale.ROOT);
        record Match(String name, int score) {}
        List<Match> matches = new ArrayList<>();
        for (String name : accepted) {
            String l = name.toLowerCase(Locale.ROOT);
            int score;
            if (l.equals(q)) score = 0;
            else if (q.length() >= 3 && (l.startsWith(q) || q.startsWith(l))) score = 1;
            else {
                int d = IdIndex.levenshtein(q, l, 2);
                if (d > 2 || d >= l.length()) continue;
                score = 1 + d;
            }
            matches.add(new Match(name, score));
        }
        return matches.stream().sorted(Comparator.comparingInt(Match::score).thenComparing(Match::name)).map(Match::name).toList();
    }

    /**
     * A 400 naming every unknown name, what is accepted and the nearest accepted one.
     *
     * @param what what the names are, singular, for the message ("query parameter", "field of the product")
     * @param member sets the extension member that names the first unknown name
     *               ({@link Problem#withParameter} or {@link Problem#withField}), as every other 400
     *               about one parameter or field does
     * @param where where the accepted names apply ("This endpoint", "The product"), starting a sentence
     */
    public static ProblemException refuse(String what, BiFunction<Problem, String, Problem> member, String where, List<String> unknown, Collection<String> accepted) {
        return refuse(what, member, where, "", unknown, accepted);
    }

    /**
     * As {@link #refuse(String, BiFunction, String, List, Collection)}, for names inside a part of a
     * body: {@code prefix} ({@code claims[2].}) is put before each name where it is reported, the
     * suggestions compare the bare names.
     */
    public static ProblemException refuse(String what, BiFunction<Problem, String, Problem> member, String where, String prefix, List<String> unknown,
                                          Collection<String> accepted) {
        List<String> suggestions = new ArrayList<>();
        StringBuilder detail = new StringBuilder(unknown.size() == 1 ? "Unknown " + what + " " : "Unknown " + plural(what) + " ");
        for (int i = 0; i < unknown.size(); i++) {
            String name = unknown.get(i);
            if (i > 0) detail.append(i == unknown.size() - 1 ? " and " : ", ");
            detail.append('\'').append(prefix).append(name).append('\'');
            List<String> near = nearest(name, accepted);
            if (!near.isEmpty() && unknown.size() > 1) detail.append(" (did you mean '").append(near.getFirst()).append("'?)");
            for (String n : near) if (!suggestions.contains(n)) suggestions.add(n);
        }
        detail.append(". ");
        if (unknown.size() == 1 && !suggestions.isEmpty()) detail.append("Did you mean '").append(suggestions.getFirst()).append("'? ");
        List<String> sorted = accepted.stream().sorted().toList();
        detail.append(sorted.isEmpty() ? where + " takes no " + plural(what) + "."
                : where + " takes: " + String.join(", ", sorted) + ".");
        Problem problem = member.apply(Problem.of(400, detail.toString()), prefix + unknown.getFirst());
        return new ProblemException(problem.withUnknown(unknown.stream().map(u -> prefix + u).toList(), sorted).withSuggestions(suggestions));
    }

    private static String plural(String what) {
        // "field of the product" -> "fields of the product"
        int space = what.indexOf(" of ");
        return space < 0 ? what + "s" : what.substring(0, space) + "s" + what.substring(space);
    }
}
