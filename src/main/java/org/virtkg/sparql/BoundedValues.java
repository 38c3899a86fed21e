package org.virtkg.sparql;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.apache.jena.atlas.lib.Lib;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecException;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.expr.E_Multiply;
import org.apache.jena.sparql.expr.E_StrConcat;
import org.apache.jena.sparql.expr.E_StrEncodeForURI;
import org.apache.jena.sparql.expr.E_StrReplace;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprTransformCopy;
import org.apache.jena.sparql.expr.ExprFunction1;
import org.apache.jena.sparql.expr.ExprFunction2;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.aggregate.AccumulatorExpr;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcat;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcatDistinct;
import org.apache.jena.sparql.expr.aggregate.Accumulator;
import org.apache.jena.sparql.expr.aggregate.Aggregator;
import org.apache.jena.sparql.expr.aggregate.AggregatorBase;
import org.apache.jena.sparql.function.FunctionEnv;
import org.apache.jena.sparql.function.FunctionRegistry;
import org.apache.jena.sparql.function.library.Math_pow;
import org.apache.jena.sparql.syntax.syntaxtransform.ElementTransformCopyBase;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;

/**
 * The run-time half of the bound on values a query computes; {@link ValueGrowth} is the half that
 * reads the query text.
 *
 * <p>The text cannot say how large the values in the data are, and Jena's timeout cannot interrupt
 * one huge multiplication, concatenation or power, nor see a {@code GROUP_CONCAT} growing a string
 * row by row. So before a query runs, the operations that make values larger are swapped for
 * versions that work out the size of what they are about to build <em>before</em> building it,
 * and stop the whole query with {@link ValueTooLarge} when it would pass {@link #MAX_STRING_LENGTH}
 * characters or {@link #MAX_DIGITS} digits.
 * The swap keeps each operation's class (they are subclasses), so Jena's optimiser treats the
 * query exactly as before. Stopping the query, not making the value an error, is deliberate: an
 * error inside {@code BIND} would silently leave the variable unbound and answer something else.
 */
public final class BoundedValues {
    /** Characters any one computed string may have. */
    public static final int MAX_STRING_LENGTH = 1_000_000;
    /**
     * Digits any one computed number may have. Lower than for strings because numbers cost more
     * than their length: Java converts a number of n digits to and from text in time that grows
     * with n², and a query's numbers are converted each time a value passes between operations
     * (100,000 digits: about half a second; 500,000: about ten).
     */
    public static final int MAX_DIGITS = 100_000;

    private static final String MATH_POW = ARQConstants.mathPrefix + "pow";

    private BoundedValues() {}

    /** A query stopped because a value it computes would pass a limit. */
    public static final class ValueTooLarge extends QueryExecException {
        ValueTooLarge(String what, long size, long limit, String unit) {
            super(what + " would build a value of about " + String.format("%,d", size) + " " + unit + "; "
                    + "the limit is " + String.format("%,d", limit) + " " + unit + ", so the query was stopped");
        }
    }

    /** Replaces the process-wide functions that can build huge values; once, at start. */
    public static void install() {
        FunctionRegistry.get().put(MATH_POW, BoundedPow.class);
    }

    /** The query with every value-growing operation swapped for its bounded version. */
    public static Query apply(Query query) {
        Query bounded = QueryTransformOps.transform(query, new ElementTransformCopyBase(), new Swap());
        if (bounded.hasAggregators()) {
            // The aggregators are held by the query, not reached by expression transforms; their
            // variables are what the projection refers to, so swapping the aggregator keeps them.
            var aggregators = bounded.getAggregators();
            for (int i = 0; i < aggregators.size(); i++) {
                ExprAggregator ea = aggregators.get(i);
                Aggregator a = ea.getAggregator();
                if (a instanceof AggGroupConcat || a instanceof AggGroupConcatDistinct)
                    aggregators.set(i, new ExprAggregator(ea.getVar(), new BoundedGroupConcat(a)));
            }
        }
        return bounded;
    }

    /** Size of a value as people would count it: digits of a number, characters of anything else. */
    static long size(NodeValue v) {
        if (v.isInteger()) return digits(v.getInteger());
        if (v.isDecimal()) {
            BigDecimal d = v.getDecimal();
            return digits(d.unscaledValue()) + Math.abs((long) d.scale());
        }
        if (v.isString() || v.isLangString()) return v.getString().length();
        if (v.isDouble() || v.isFloat() || v.isBoolean()) return 24;
        return v.asNode().isLiteral() ? v.asNode().getLiteralLexicalForm().length() : v.asNode().toString().length();
    }

    /** Decimal digits of {@code n}, estimated from its bit length (off by at most one). */
    static long digits(BigInteger n) {
        return (long) Math.ceil(n.abs().bitLength() * 0.30102999566398120) + 1;
    }

    static void checkString(String what, long length, FunctionEnv env) {
        if (length > MAX_STRING_LENGTH) stop(new ValueTooLarge(what, length, MAX_STRING_LENGTH, "characters"), env);
    }

    static void checkNumber(String what, long digits, FunctionEnv env) {
        if (digits > MAX_DIGITS) stop(new ValueTooLarge(what, digits, MAX_DIGITS, "digits"), env);
    }

    /**
     * Stops the query. Throwing alone is not enough: inside a {@code FILTER}, Jena takes any
     * exception for "false" and goes on to the next row. So the query's cancel signal is raised
     * too (its iterators stop at their next step), and the reason is kept for this thread until
     * {@link #takeStop()} — the SPARQL endpoint turns it into a 400 that says why.
     */
    private static void stop(ValueTooLarge reason, FunctionEnv env) {
        if (STOPPED.get() == null) STOPPED.set(reason);
        if (env instanceof ExecutionContext ec && ec.getCancelSignal() != null) ec.getCancelSignal().set(true);
        throw reason;
    }

    private static final ThreadLocal<ValueTooLarge> STOPPED = new ThreadLocal<>();

    /** Why the query this thread ran last was stopped, if it was; clears it. */
    public static ValueTooLarge takeStop() {
        ValueTooLarge reason = STOPPED.get();
        STOPPED.remove();
        return reason;
    }

    private static final class Swap extends ExprTransformCopy {
        @Override
        public Expr transform(ExprFunction2 f, Expr a, Expr b) {
            if (f instanceof E_Multiply) return new BoundedMultiply(a, b);
            return super.transform(f, a, b);
        }

        @Override
        public Expr transform(ExprFunction1 f, Expr a) {
            if (f instanceof E_StrEncodeForURI) return new BoundedEncodeForUri(a);
            return super.transform(f, a);
        }

        @Override
        public Expr transform(ExprFunctionN f, ExprList args) {
            if (f instanceof E_StrConcat) return new BoundedConcat(args);
            if (f instanceof E_StrReplace) return new BoundedReplace(args);
            return super.transform(f, args);
        }
    }

    /** A product has at most as many digits as its factors together. */
    static final class BoundedMultiply extends E_Multiply {
        BoundedMultiply(Expr a, Expr b) {
            super(a, b);
        }

        @Override
        public NodeValue eval(NodeValue x, NodeValue y, FunctionEnv env) {
            // isDecimal() holds for integers and decimals, not for floats and doubles (whose size is
            // fixed); isDouble() would not do, since Jena says an integer "is" a double too.
            if (x.isDecimal() && y.isDecimal())
                checkNumber("A multiplication", size(x) + size(y), env);
            return super.eval(x, y, env);
        }

        @Override
        public Expr copy(Expr a, Expr b) {
            return new BoundedMultiply(a, b);
        }
    }

    /** A concatenation is exactly as long as its parts together. */
    static final class BoundedConcat extends E_StrConcat {
        BoundedConcat(ExprList args) {
            super(args);
        }

        @Override
        public NodeValue eval(List<NodeValue> args, FunctionEnv env) {
            long total = 0;
            for (NodeValue v : args) total += size(v);
            checkString("CONCAT", total, env);
            return super.eval(args, env);
        }

        @Override
        public Expr copy(ExprList args) {
            return new BoundedConcat(args);
        }
    }

    /**
     * Every match of a pattern that cannot match the empty string consumes at least one character
     * and is replaced by at most (length of the replacement) × (length of the match) characters —
     * {@code $n} is two characters long and stands for at most the match — so the result is at
     * most the input's length times the replacement's.
     */
    static final class BoundedReplace extends E_StrReplace {
        BoundedReplace(ExprList args) {
            super(args.get(0), args.get(1), args.get(2), args.size() > 3 ? args.get(3) : null);
        }

        @Override
        public NodeValue eval(List<NodeValue> args, FunctionEnv env) {
            if (args.size() >= 3 && (args.get(0).isString() || args.get(0).isLangString()) && args.get(2).isString())
                checkString("REPLACE", size(args.get(0)) * Math.max(1, args.get(2).getString().length()), env);
            return super.eval(args, env);
        }

        @Override
        public Expr copy(ExprList args) {
            return new BoundedReplace(args);
        }
    }

    /** Percent-encoding turns each UTF-8 byte into at most three characters. */
    static final class BoundedEncodeForUri extends E_StrEncodeForURI {
        BoundedEncodeForUri(Expr a) {
            super(a);
        }

        @Override
        public NodeValue eval(NodeValue v, FunctionEnv env) {
            if (v.isString() || v.isLangString()) checkString("ENCODE_FOR_URI", 3L * utf8Length(v.getString()), env);
            return super.eval(v, env);
        }

        @Override
        public Expr copy(Expr a) {
            return new BoundedEncodeForUri(a);
        }

        private static long utf8Length(String s) {
            long n = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                n += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
            }
            return n;
        }
    }

    /** {@code math:pow} of two integers is exact: base^exp has about exp × log10(base) digits. */
    public static final class BoundedPow extends Math_pow {
        @Override
        protected NodeValue exec(List<NodeValue> args, FunctionEnv env) {
            if (args.size() == 2) check(args.get(0), args.get(1), env);
            return super.exec(args, env);
        }

        private static void check(NodeValue base, NodeValue exponent, FunctionEnv env) {
            if (base.isInteger() && exponent.isInteger() && exponent.getInteger().signum() > 0
                    && base.getInteger().abs().compareTo(BigInteger.ONE) > 0) {
                BigInteger e = exponent.getInteger();
                double digits = e.doubleValue() * Math.log10(base.getInteger().abs().doubleValue() + 1);
                checkNumber("math:pow", digits > Long.MAX_VALUE / 2 ? Long.MAX_VALUE / 2 : (long) digits, env);
            }
        }
    }

    /** GROUP_CONCAT that counts what it has built and stops the query before passing the limit. */
    static final class BoundedGroupConcat extends AggregatorBase {
        private final Aggregator original;
        private final String separator;

        BoundedGroupConcat(Aggregator original) {
            super(original.getName(), original instanceof AggGroupConcatDistinct, original.getExprList());
            this.original = original;
            this.separator = separatorOf(original);
        }

        private static String separatorOf(Aggregator a) {
            String s = a instanceof AggGroupConcat g ? g.getSeparator() : ((AggGroupConcatDistinct) a).getSeparator();
            return s == null ? " " : s;
        }

        @Override
        public Accumulator createAccumulator() {
            return new AccumulatorExpr(getExpr(), isDistinct) {
                private final StringBuilder built = new StringBuilder();
                private boolean first = true;

                @Override
                protected void accumulate(NodeValue nv, Binding binding, FunctionEnv env) {
                    String s = nv.asString();
                    checkString("GROUP_CONCAT", (long) built.length() + (first ? 0 : separator.length()) + s.length(), env);
                    if (!first) built.append(separator);
                    built.append(s);
                    first = false;
                }

                @Override
                protected void accumulateError(Binding binding, FunctionEnv env) {}

                @Override
                protected NodeValue getAccValue() {
                    return NodeValue.makeString(built.toString());
                }
            };
        }

        @Override
        public org.apache.jena.graph.Node getValueEmpty() {
            return original.getValueEmpty();
        }

        @Override
        public Aggregator copy(ExprList exprs) {
            return new BoundedGroupConcat(original.copy(exprs));
        }

        @Override
        public boolean equals(Aggregator other, boolean bySyntax) {
            return other instanceof BoundedGroupConcat b && original.equals(b.original, bySyntax);
        }

        @Override
        public int hashCode() {
            return Lib.hashCodeObject(original) + 1;
        }

        @Override
        public String asSparqlExpr(org.apache.jena.sparql.serializer.SerializationContext cxt) {
            return original.asSparqlExpr(cxt);
        }

        @Override
        public String toPrefixString() {
            return original.toPrefixString();
        }
    }
}
