package news.moderation.engine.rules;

/**
 * What compiling a pattern will cost, added up over its syntax tree ({@link RegexTree}), and refused (an
 * {@link IllegalArgumentException} naming the limit) before re2j compiles it. re2j writes a counted repetition out
 * in full: {@code x{1000}} is a thousand copies of {@code x}, so {@code (?:(?:a{1000}){1000}){1000}} is a program of
 * a billion instructions, and its compilation exhausts any heap. The estimate follows re2j: one instruction per
 * char, class or assertion, one more per alternative, two per group and one per {@code * + ?}, and the repeated part
 * copied {@code max} times ({@code min + 1} for {@code {min,}}), plus one per copy. It counts at least what re2j
 * will build, so staying within the limits bounds re2j's memory and time. (The length of the pattern, the depth of
 * its groups and each repeat count are limited as the tree is read.)
 */
final class CompileBudget {
    /** Counts of repetitions nested in one another, multiplied ({@code (?:a{10}){20}} is 200). */
    static final int MAX_NESTED_REPEAT_PRODUCT = 1000;
    /** Instructions of the compiled program (the largest shipped pattern: a few hundred). */
    static final long MAX_PROGRAM_SIZE = 20_000;

    /** The cost of one part: instructions, and the product of the repeat counts nested in it. */
    private record Cost(long size, long repeatProduct) {
        static final Cost ONE = new Cost(1, 1);
        static final Cost NONE = new Cost(0, 1);
    }

    private CompileBudget() {
    }

    /**
     * @return the estimated program size of the pattern
     * @throws IllegalArgumentException when the pattern is over a limit
     */
    static long check(RegexTree tree) {
        return costOf(tree.root()).size();
    }

    private static Cost costOf(RegexTree.Node part) {
        if (part instanceof RegexTree.Sequence sequence) {
            return sum(sequence.parts(), 0);
        }
        if (part instanceof RegexTree.Alternation alternation) {
            return sum(alternation.alternatives(), alternation.alternatives().size() - 1);
        }
        if (part instanceof RegexTree.Group group) {
            Cost body = costOf(group.body());
            return new Cost(checked(body.size() + 2), body.repeatProduct());
        }
        if (part instanceof RegexTree.Repeat repeat) {
            return repeated(costOf(repeat.body()), repeat);
        }
        return part instanceof RegexTree.Flags ? Cost.NONE : Cost.ONE; // a char, a class or an assertion
    }

    /** The parts one after another (or side by side), plus {@code extra} instructions. */
    private static Cost sum(Iterable<RegexTree.Node> parts, long extra) {
        long size = extra;
        long repeatProduct = 1;
        for (RegexTree.Node part : parts) {
            Cost cost = costOf(part);
            size = checked(size + cost.size());
            repeatProduct = Math.max(repeatProduct, cost.repeatProduct());
        }
        return new Cost(checked(size), repeatProduct);
    }

    private static Cost repeated(Cost body, RegexTree.Repeat repeat) {
        if (!repeat.counted()) {
            return new Cost(checked(body.size() + 1), body.repeatProduct()); // * + ?: one more instruction, no copy
        }
        boolean unbounded = repeat.max() < 0;
        long copies = Math.max(1, unbounded ? repeat.min() + 1 : repeat.max());
        long product = body.repeatProduct() * Math.max(1, unbounded ? repeat.min() : repeat.max());
        if (product > MAX_NESTED_REPEAT_PRODUCT) {
            throw refused("nested repeat counts multiply to " + product + ", more than " + MAX_NESTED_REPEAT_PRODUCT);
        }
        return new Cost(checked(body.size() * copies + copies), product);
    }

    private static long checked(long size) {
        if (size > MAX_PROGRAM_SIZE) {
            throw refused("it would compile to more than " + MAX_PROGRAM_SIZE
                    + " instructions (counted repeats are written out)");
        }
        return size;
    }

    private static IllegalArgumentException refused(String limit) {
        return new IllegalArgumentException("pattern over the compile budget: " + limit);
    }
}
