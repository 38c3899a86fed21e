package org.virtkg.sparql;

import java.util.HashMap;
import java.util.Map;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.expr.E_Add;
import org.apache.jena.sparql.expr.E_Multiply;
import org.apache.jena.sparql.expr.E_StrConcat;
import org.apache.jena.sparql.expr.E_StrReplace;
import org.apache.jena.sparql.expr.E_Subtract;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunction;
import org.apache.jena.sparql.expr.ExprVar;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementBind;
import org.apache.jena.sparql.syntax.ElementSubQuery;
import org.apache.jena.sparql.syntax.ElementVisitorBase;
import org.apache.jena.sparql.syntax.ElementWalker;

/**
 * How large the values a query computes can grow, estimated before it runs.
 *
 * <p>Jena cancels a query at its timeout between steps, not inside one: squaring a number that is
 * already huge, or concatenating a string that is already huge, runs to the end however long it
 * takes and whatever memory it needs. Chains of {@code BIND}s (and projected expressions) double
 * such a value at each step. So each computed value gets a size bound of the form
 * {@code constant + factor × D}, where {@code D} is the size of the largest value taken from the
 * data: {@code CONCAT} and multiplication add their arguments' bounds, most other functions keep
 * the largest, {@code REPLACE} multiplies by its replacement. A query whose factor or constant
 * passes the limits is refused with the variable that grows.
 */
final class ValueGrowth {
    /** How many times the size of its largest input a computed value may reach. */
    static final long MAX_FACTOR = 64;
    /** Characters (or digits) a value computed from constants alone may reach. */
    static final long MAX_CONSTANT = 100_000;

    /** A size bound: {@code constant + factor × D}. */
    record Size(long constant, long factor) {
        static final Size FROM_DATA = new Size(0, 1);

        Size plus(Size o) {
            return new Size(sat(constant + o.constant), sat(factor + o.factor));
        }

        Size max(Size o) {
            return new Size(Math.max(constant, o.constant), Math.max(factor, o.factor));
        }

        Size times(Size o) {
            // (a + bD)(c + dD) ≤ ac + (ad + bc + bd)·D once D ≥ 1
            return new Size(sat(constant * Math.max(1, o.constant)),
                    sat(constant * o.factor + factor * o.constant + factor * o.factor));
        }

        private static long sat(long v) {
            return v < 0 || v > Long.MAX_VALUE / 4 ? Long.MAX_VALUE / 4 : v;
        }
    }

    private ValueGrowth() {}

    /** Null when every computed value stays within the limits, else which one does not. */
    static String check(Query query) {
        Map<Var, Size> sizes = new HashMap<>();
        String[] problem = new String[1];
        if (query.getQueryPattern() != null) walk(query.getQueryPattern(), sizes, problem);
        if (problem[0] == null && query.hasGroupBy())
            query.getGroupBy().forEachExpr((v, e) -> record(v, size(e, sizes), sizes, problem));
        if (problem[0] == null)
            query.getProject().forEachExpr((v, e) -> record(v, size(e, sizes), sizes, problem));
        return problem[0];
    }

    /** {@link #check(Query)} of a pattern alone: an update's WHERE, whose BINDs grow values as a query's do. */
    static String check(Element pattern) {
        String[] problem = new String[1];
        walk(pattern, new HashMap<>(), problem);
        return problem[0];
    }

    private static void walk(Element pattern, Map<Var, Size> sizes, String[] problem) {
        ElementWalker.walk(pattern, new ElementVisitorBase() {
            @Override
            public void visit(ElementBind el) {
                record(el.getVar(), size(el.getExpr(), sizes), sizes, problem);
            }

            @Override
            public void visit(ElementSubQuery el) {
                if (problem[0] == null) problem[0] = check(el.getQuery());
            }
        });
    }

    private static void record(Var v, Size s, Map<Var, Size> sizes, String[] problem) {
        sizes.put(v, s);
        if (problem[0] != null) return;
        if (s.factor() > MAX_FACTOR)
            problem[0] = "?" + v.getVarName() + " is computed by a chain that can make it " + (s.factor() >= Long.MAX_VALUE / 4 ? "astronomically"
                    : s.factor() + " times") + " larger than its inputs (CONCAT or multiplication of values that were themselves "
                    + "computed); at most " + MAX_FACTOR + " times";
        else if (s.constant() > MAX_CONSTANT)
            problem[0] = "?" + v.getVarName() + " can grow to more than " + MAX_CONSTANT + " characters or digits";
    }

    static Size size(Expr e, Map<Var, Size> sizes) {
        if (e instanceof NodeValue nv) return new Size(nv.asNode().isLiteral() ? nv.asNode().getLiteralLexicalForm().length() : 1, 0);
        if (e instanceof ExprVar v) return sizes.getOrDefault(v.asVar(), Size.FROM_DATA);
        if (!(e instanceof ExprFunction f)) return Size.FROM_DATA;
        if (f instanceof E_StrConcat || f instanceof E_Multiply) {
            Size s = new Size(0, 0);
            for (Expr a : f.getArgs()) s = s.plus(size(a, sizes));
            return s;
        }
        if (f instanceof E_StrReplace r) return size(r.getArg(1), sizes).times(size(r.getArg(3), sizes));
        Size s = new Size(1, 0);
        for (Expr a : f.getArgs()) s = s.max(size(a, sizes));
        if (f instanceof E_Add || f instanceof E_Subtract) s = new Size(s.constant() + 1, s.factor());
        return s;
    }
}
