package org.virtkg.sparql;

import java.util.regex.Pattern;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.E_Regex;
import org.apache.jena.sparql.expr.E_StrReplace;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprFunctionOp;
import org.apache.jena.sparql.expr.ExprVisitorBase;
import org.apache.jena.sparql.expr.NodeValue;
import java.util.List;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementFilter;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.ElementLateral;
import org.apache.jena.sparql.syntax.ElementMinus;
import org.apache.jena.sparql.syntax.ElementNamedGraph;
import org.apache.jena.sparql.syntax.ElementOptional;
import org.apache.jena.sparql.syntax.ElementSubQuery;
import org.apache.jena.sparql.syntax.ElementUnion;
import org.apache.jena.sparql.syntax.ElementBind;
import org.apache.jena.sparql.syntax.ElementExists;
import org.apache.jena.sparql.syntax.ElementNotExists;
import org.apache.jena.sparql.syntax.ElementService;
import org.apache.jena.sparql.syntax.ElementVisitorBase;
import org.apache.jena.sparql.syntax.ElementWalker;

/**
 * What a SPARQL query may contain here, checked on the parsed query before it runs.
 *
 * <p>Jena cancels a query at its timeout between steps, but not inside one long-running
 * expression: a catastrophic regular expression or a million-digit number would hold a worker
 * past the timeout. So such things are bounded up front, with a message saying which bound.
 */
public final class QueryPolicy {
    public static final int MAX_REGEX_LENGTH = 256;
    public static final int MAX_LITERAL_LENGTH = 10_000;
    public static final int MAX_NUMBER_DIGITS = 40;
    public static final long MAX_LIMIT = 1_000_000_000L;
    /** Deeper than any sensible hand-written query; deep trees also cost stack in the evaluator. */
    public static final int MAX_DEPTH = 100;
    /**
     * Nesting of EXISTS / NOT EXISTS. Jena's optimiser takes time exponential in it (measured: 16
     * levels 0.1 s, 20 levels 1.5 s, each two more about four times that), before the query runs
     * and out of the timeout's reach; at 10 it takes milliseconds, and no sensible query nests more.
     */
    public static final int MAX_EXISTS_DEPTH = 10;

    /** A quantified group that is itself quantified, e.g. (a+)+ or (a|aa)*: exponential backtracking. */
    private static final Pattern NESTED_QUANTIFIER = Pattern.compile("\\((?:[^()\\\\]|\\\\.)*[+*}](?:[^()\\\\]|\\\\.)*\\)[+*{]");
    private static final String SCRIPT_NS = "http://jena.apache.org/ARQ/jsFunction#";

    private QueryPolicy() {}

    /**
     * Why a SERVICE is refused, in a query or in an update's WHERE. Jena is hardened not to send it
     * ({@link SparqlSafety}), but would say so in its own words, naming the setting that turns it
     * on, and only once it runs; this says it first, in ours.
     */
    public static final String SERVICE_REFUSED = "SERVICE is disabled: virtkg never sends requests to other endpoints";

    /** Returns {@code null} when the query may run, otherwise the reason it may not. */
    public static String check(Query query) {
        if (query.hasLimit() && query.getLimit() > MAX_LIMIT) return "LIMIT is larger than " + MAX_LIMIT;
        if (query.hasOffset() && query.getOffset() > MAX_LIMIT) return "OFFSET is larger than " + MAX_LIMIT;
        if (query.getQueryPattern() == null) return null;
        if (depth(query.getQueryPattern(), 0) > MAX_DEPTH)
            return "the query is nested too deeply (more than " + MAX_DEPTH + " levels of groups, OPTIONALs, UNIONs or subqueries)";
        if (existsDepth(query, 0) > MAX_EXISTS_DEPTH) return EXISTS_TOO_DEEP;
        String growth = ValueGrowth.check(query);
        if (growth != null) return growth;
        String[] problem = new String[1];
        walk(query.getQueryPattern(), problem);
        // The query's own expressions (SELECT (… AS ?x), GROUP BY, HAVING, ORDER BY) are held to the same rules as a FILTER's.
        query.getProject().forEachExpr((v, e) -> checkExpr(e, problem));
        if (query.hasGroupBy()) query.getGroupBy().forEachExpr((v, e) -> checkExpr(e, problem));
        if (query.hasHaving()) query.getHavingExprs().forEach(e -> checkExpr(e, problem));
        if (query.hasOrderBy()) query.getOrderBy().forEach(c -> checkExpr(c.getExpression(), problem));
        return problem[0];
    }

    /**
     * The same rules for the WHERE of an update ({@code DELETE/INSERT … WHERE}): it is evaluated as
     * a query's pattern is, so it may hold what a query may not (a SERVICE, a runaway regex, a
     * growing BIND). Returns {@code null} when it may run, otherwise the reason it may not.
     */
    public static String checkPattern(Element where) {
        if (where == null) return null;
        if (depth(where, 0) > MAX_DEPTH)
            return "the WHERE clause is nested too deeply (more than " + MAX_DEPTH + " levels of groups, OPTIONALs, UNIONs or subqueries)";
        if (existsDepth(where, 0) > MAX_EXISTS_DEPTH) return EXISTS_TOO_DEEP;
        String growth = ValueGrowth.check(where);
        if (growth != null) return growth;
        String[] problem = new String[1];
        walk(where, problem);
        return problem[0];
    }

    /**
     * Checks every element of {@code pattern}, into its subqueries (each a query, with every rule
     * of one: Jena's element walker does not go into them) and, through {@link #checkExpr}, the
     * patterns of its {@code EXISTS}/{@code NOT EXISTS}: a SERVICE or a regex there runs like any other.
     */
    private static void walk(Element pattern, String[] problem) {
        ElementWalker.walk(pattern, new ElementVisitorBase() {
            @Override
            public void visit(ElementService el) {
                if (problem[0] == null) problem[0] = SERVICE_REFUSED;
            }

            @Override
            public void visit(ElementFilter el) {
                checkExpr(el.getExpr(), problem);
            }

            @Override
            public void visit(ElementBind el) {
                checkExpr(el.getExpr(), problem);
            }

            @Override
            public void visit(ElementSubQuery el) {
                if (problem[0] == null) problem[0] = check(el.getQuery());
            }
        });
    }

    /** Nesting depth of a pattern; stops counting past the limit, so its own recursion stays bounded. */
    static int depth(Element e, int d) {
        if (e == null || d > MAX_DEPTH) return d;
        int max = d;
        List<Element> children = new java.util.ArrayList<>(children(e));
        if (e instanceof ElementSubQuery q && q.getQuery().getQueryPattern() != null) children.add(q.getQuery().getQueryPattern());
        for (Element c : children) {
            max = Math.max(max, depth(c, d + 1));
            if (max > MAX_DEPTH) break;
        }
        return max;
    }

    /** The patterns an element holds directly (not a subquery's, nor an EXISTS's: the walks above each treat those their way). */
    private static List<Element> children(Element e) {
        return switch (e) {
            case ElementGroup g -> g.getElements();
            case ElementUnion u -> u.getElements();
            case ElementOptional o -> List.of(o.getOptionalElement());
            case ElementMinus m -> List.of(m.getMinusElement());
            case ElementNamedGraph n -> List.of(n.getElement());
            case ElementService s -> List.of(s.getElement());
            case ElementLateral l -> List.of(l.getLateralElement());
            default -> List.of();
        };
    }

    /** Why a query whose EXISTS / NOT EXISTS nest too deep is refused, and what to do instead. */
    static final String EXISTS_TOO_DEEP = "EXISTS and NOT EXISTS are nested more than " + MAX_EXISTS_DEPTH + " levels deep; "
            + "planning such a query takes time that doubles with each level, so flatten them (join the inner patterns into the outer ones)";

    /** How deep EXISTS / NOT EXISTS nest in a query: its pattern and its own expressions (SELECT, GROUP BY, HAVING, ORDER BY). */
    static int existsDepth(Query query, int d) {
        int max = query.getQueryPattern() == null ? d : existsDepth(query.getQueryPattern(), d);
        List<Expr> exprs = new java.util.ArrayList<>(query.getProject().getExprs().values());
        if (query.hasGroupBy()) exprs.addAll(query.getGroupBy().getExprs().values());
        if (query.hasHaving()) exprs.addAll(query.getHavingExprs());
        if (query.hasOrderBy()) query.getOrderBy().forEach(c -> exprs.add(c.getExpression()));
        for (Expr e : exprs) max = Math.max(max, existsDepth(e, d));
        return max;
    }

    /**
     * How deep EXISTS / NOT EXISTS nest in a pattern, {@code d} the nesting it stands in. Each
     * element is looked at once (Jena's walkers would also go into the patterns it compiled for
     * them), and counting stops past the limit, so the check stays linear and its stack bounded.
     */
    static int existsDepth(Element e, int d) {
        if (e == null || d > MAX_EXISTS_DEPTH) return d;
        List<Element> children = children(e);
        int max = d;
        if (e instanceof ElementExists x) max = existsDepth(x.getElement(), d + 1);
        else if (e instanceof ElementNotExists x) max = existsDepth(x.getElement(), d + 1);
        else if (e instanceof ElementFilter f) max = existsDepth(f.getExpr(), d);
        else if (e instanceof ElementBind b) max = existsDepth(b.getExpr(), d);
        else if (e instanceof ElementSubQuery q) max = existsDepth(q.getQuery(), d);
        for (Element c : children) {
            max = Math.max(max, existsDepth(c, d));
            if (max > MAX_EXISTS_DEPTH) break;
        }
        return max;
    }

    private static int existsDepth(Expr e, int d) {
        if (e instanceof ExprFunctionOp op) return existsDepth(op.getElement(), d + 1);
        int max = d;
        if (e instanceof org.apache.jena.sparql.expr.ExprFunction f)
            for (Expr a : f.getArgs()) {
                max = Math.max(max, existsDepth(a, d));
                if (max > MAX_EXISTS_DEPTH) break;
            }
        return max;
    }

    /**
     * An expression's constants, regexes and functions, and the patterns of its EXISTS / NOT
     * EXISTS: Jena compiles those as it parses them, and its walker goes into the compiled
     * patterns (nested ones too, each once), so a SERVICE there is found as an operator, and their
     * filters' expressions come to this visitor. Walking their syntax again as well would look at a
     * pattern n EXISTS deep n times over (exponential time); only a pattern not compiled is walked here.
     */
    private static void checkExpr(Expr expr, String[] problem) {
        Walker.walk(expr, new OpVisitorBase() {
            @Override
            public void visit(OpService op) {
                if (problem[0] == null) problem[0] = SERVICE_REFUSED;
            }
        }, new ExprVisitorBase() {
            @Override
            public void visit(NodeValue nv) {
                if (problem[0] != null) return;
                Node n = nv.asNode();
                if (!n.isLiteral()) return;
                String lex = n.getLiteralLexicalForm();
                if (lex.length() > MAX_LITERAL_LENGTH) problem[0] = "a literal is longer than " + MAX_LITERAL_LENGTH + " characters";
                else if (nv.isNumber() && lex.replaceAll("[^0-9]", "").length() > MAX_NUMBER_DIGITS)
                    problem[0] = "a number has more than " + MAX_NUMBER_DIGITS + " digits";
            }

            @Override
            public void visit(ExprFunctionOp op) {
                if (problem[0] == null && op.getGraphPattern() == null && op.getElement() != null) walk(op.getElement(), problem);
            }

            @Override
            public void visit(ExprFunctionN func) {
                if (problem[0] != null) return;
                if (func instanceof E_Function f && f.getFunctionIRI() != null && f.getFunctionIRI().startsWith(SCRIPT_NS))
                    problem[0] = "script functions are disabled";
                else if (func instanceof E_Regex || func instanceof E_StrReplace) checkRegex(func.getArg(2), problem);
            }
        });
    }

    private static void checkRegex(Expr pattern, String[] problem) {
        if (!pattern.isConstant()) {
            problem[0] = "regex patterns must be constants (a pattern taken from the data cannot be bounded)";
            return;
        }
        String p = pattern.getConstant().asUnquotedString();
        if (p.length() > MAX_REGEX_LENGTH) problem[0] = "a regex pattern is longer than " + MAX_REGEX_LENGTH + " characters";
        else if (NESTED_QUANTIFIER.matcher(p).find())
            problem[0] = "the regex pattern nests quantifiers (like (a+)+), which can take exponential time";
    }
}
