package org.virtkg.reasoner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.NodeFactory;

/**
 * The materialisation engine: semi-naive forward chaining of the OWL 2 RL/RDF rules over a {@link Store}.
 * Not thread-safe; {@link RlReasoner} serialises access.
 *
 * <p>Every triple taken from the work queue is matched against each rule body atom it can fill (indexed by
 * predicate; atoms with a variable predicate are tried for every triple); the remaining atoms are joined against
 * the whole store in a precomputed greedy order. A triple is inserted (and queued) the first time it is derived,
 * together with its derivation (rule + premise tids), so each premise is older than its conclusion.
 */
final class Engine {
    /**
     * A rule body atom a new triple can fill. {@code keyPos} (1 = predicate of a variable-predicate atom, 2 = class
     * of an {@code ?x rdf:type ?c} atom, -1 = none) names the triple position whose value must occur in the first
     * planned join atom {@code (?k guardPred guardOther)} / {@code (guardOther guardPred ?k)} for the rule to have
     * any chance to fire; triggers are filtered by that guard per key value, cached until the schema changes.
     */
    record Trigger(Rule rule, int atom, int keyPos, int guardPred, int guardPos, int guardOther) {}

    /** An inconsistency instance: rule name, message and premises as (s,p,o) id triples. */
    record Inc(String rule, String message, int[] keys) {}

    record Ax(int tid, int subj, int[] members) {}

    final Dict dict = new Dict();
    Store st = new Store();
    final List<Rule> rules = new ArrayList<>();
    final List<String> ruleNames = new ArrayList<>();
    private final IntObjMap<List<Trigger>> byPred = new IntObjMap<>();
    /** rdf:type atoms with a constant class, by class. */
    private final IntObjMap<List<Trigger>> typeByClass = new IntObjMap<>();
    /** rdf:type atoms with a variable class. */
    private final List<Trigger> typeVar = new ArrayList<>();
    private final List<Trigger> varPred = new ArrayList<>();
    /** Predicates / (rdf:type, class) pairs that guards look at: inserting or deleting one invalidates the caches. */
    private final IntList guardPreds = new IntList(), guardTypes = new IntList();
    private IntObjMap<Trigger[]> liveVarPred = new IntObjMap<>(), liveTypeVar = new IntObjMap<>();
    private boolean guardsDirty;

    // vocabulary
    final int TYPE, SAMEAS, FIRST, REST, NIL, THING, NOTHING, CLASS, SCO, INTERSECTION, UNION, ONEOF, CHAIN, HASKEY,
            MEMBERS, DISTINCT, ALLDIFF, ALLDISJC, ALLDISJP;
    private final int skipRuleA, skipRuleB;
    final int R_EQSYM, R_EQTRANS, R_CHAINTRANS, R_DTRANGE, RANGE, TRANSITIVE;
    /** Integer-derived XSD datatypes and their value-space bounds (empty = unbounded). */
    private static final String[][] INT_TYPES = {{"byte", "-128", "127"}, {"short", "-32768", "32767"},
        {"int", "-2147483648", "2147483647"}, {"long", "-9223372036854775808", "9223372036854775807"},
        {"integer", "", ""}, {"nonNegativeInteger", "0", ""}, {"positiveInteger", "1", ""},
        {"nonPositiveInteger", "", "0"}, {"negativeInteger", "", "-1"}, {"unsignedByte", "0", "255"},
        {"unsignedShort", "0", "65535"}, {"unsignedInt", "0", "4294967295"}, {"unsignedLong", "0", "18446744073709551615"}};
    private final java.util.LinkedHashMap<Integer, java.math.BigInteger[]> intTypes = new java.util.LinkedHashMap<>();
    final int R_INT1, R_INT2, R_UNI, R_OO, R_SPO2, R_KEY, R_SCMINT, R_SCMUNI, R_AXIOM_BASE;

    // work state
    private final IntList queue = new IntList(1024);
    private int qHead;
    boolean overDelete;
    final IntList odList = new IntList();
    boolean odTouchesLists;
    boolean listsDirty;
    /** tids inserted since the log was last cleared (for deltas). */
    final IntList log = new IntList(1024);

    final List<Inc> incs = new ArrayList<>();
    private final Set<String> incKeys = new HashSet<>();

    // compiled list axioms
    private IntObjMap<List<Ax>> intByMember, intByClass, uniByMember, chainByProp, keyByClass, keyByProp, diffByMember,
            adcByMember, adpByMember;
    private List<Ax> oneOfs, ints, unis;
    private final IntList listPreds = new IntList();
    private final Set<Integer> unionClasses = new HashSet<>();

    Engine() {
        TYPE = iri(Rule.RDF + "type");
        SAMEAS = iri(Rule.OWL + "sameAs");
        FIRST = iri(Rule.RDF + "first");
        REST = iri(Rule.RDF + "rest");
        NIL = iri(Rule.RDF + "nil");
        THING = iri(Rule.OWL + "Thing");
        NOTHING = iri(Rule.OWL + "Nothing");
        CLASS = iri(Rule.OWL + "Class");
        SCO = iri(Rule.RDFS + "subClassOf");
        INTERSECTION = iri(Rule.OWL + "intersectionOf");
        UNION = iri(Rule.OWL + "unionOf");
        ONEOF = iri(Rule.OWL + "oneOf");
        CHAIN = iri(Rule.OWL + "propertyChainAxiom");
        HASKEY = iri(Rule.OWL + "hasKey");
        MEMBERS = iri(Rule.OWL + "members");
        DISTINCT = iri(Rule.OWL + "distinctMembers");
        ALLDIFF = iri(Rule.OWL + "AllDifferent");
        ALLDISJC = iri(Rule.OWL + "AllDisjointClasses");
        ALLDISJP = iri(Rule.OWL + "AllDisjointProperties");
        for (int p : new int[] {FIRST, REST, INTERSECTION, UNION, ONEOF, CHAIN, HASKEY, MEMBERS, DISTINCT}) listPreds.add(p);

        for (String[] r : RuleTable.RULES) {
            Rule rule = Rule.parse(rules.size(), r[0], r[1], r[2], dict);
            rule.plan();
            rules.add(rule);
            if (rule.head != null) {
                for (int[] h : rule.head) {
                    if (h[0] > 0 && !headSubjects.contains(h[0])) headSubjects.add(h[0]);
                    if (h[2] > 0 && !headObjects.contains(h[2])) headObjects.add(h[2]);
                }
            }
            ruleNames.add(r[0]);
            for (int a = 0; a < rule.body.length; a++) {
                int[] at = rule.body[a];
                int p = at[1];
                Trigger t = trigger(rule, a, p < 0 ? 1 : (p == TYPE && at[2] < 0) ? 2 : -1);
                if (p < 0) varPred.add(t);
                else if (p == TYPE && at[2] > 0) typeByClass.computeIfAbsent(at[2], k -> new ArrayList<>()).add(t);
                else if (p == TYPE) typeVar.add(t);
                else byPred.computeIfAbsent(p, k -> new ArrayList<>()).add(t);
            }
        }
        skipRuleA = ruleNames.indexOf("cax-sco");
        skipRuleB = ruleNames.indexOf("prp-spo1");
        R_INT1 = name("cls-int1");
        R_INT2 = name("cls-int2");
        R_UNI = name("cls-uni");
        R_OO = name("cls-oo");
        R_SPO2 = name("prp-spo2");
        R_KEY = name("prp-key");
        R_SCMINT = name("scm-int");
        R_SCMUNI = name("scm-uni");
        R_CHAINTRANS = name("ext-chain-trans");
        R_EQSYM = name("eq-sym");
        R_EQTRANS = name("eq-trans");
        R_DTRANGE = name("ext-dt-range");
        RANGE = iri(Rule.RDFS + "range");
        TRANSITIVE = iri(Rule.OWL + "TransitiveProperty");
        for (String[] d : INT_TYPES) {
            java.math.BigInteger lo = d[1].isEmpty() ? null : new java.math.BigInteger(d[1]);
            java.math.BigInteger hi = d[2].isEmpty() ? null : new java.math.BigInteger(d[2]);
            intTypes.put(iri(Rule.XSD + d[0]), new java.math.BigInteger[] {lo, hi});
        }
        R_AXIOM_BASE = ruleNames.size();
        compileLists();
        insertAxioms();
    }

    private Trigger trigger(Rule rule, int a, int keyPos) {
        if (keyPos < 0 || rule.body.length < 2) return new Trigger(rule, a, -1, 0, 0, 0);
        int key = rule.body[a][keyPos];
        int[] first = rule.body[rule.plans[a][0]];
        if (first[1] < 0) return new Trigger(rule, a, -1, 0, 0, 0);
        int pos, other;
        if (first[0] == key) { pos = 0; other = first[2] > 0 ? first[2] : 0; }
        else if (first[2] == key) { pos = 2; other = first[0] > 0 ? first[0] : 0; }
        else return new Trigger(rule, a, -1, 0, 0, 0);
        if (first[1] == TYPE && other != 0) { if (!guardTypes.contains(other)) guardTypes.add(other); }
        else if (!guardPreds.contains(first[1])) guardPreds.add(first[1]);
        return new Trigger(rule, a, keyPos, first[1], pos, other);
    }

    private boolean guardHolds(Trigger tr, int key) {
        if (tr.keyPos() < 0) return true;
        if (tr.guardOther() != 0) {
            return tr.guardPos() == 0 ? st.find(key, tr.guardPred(), tr.guardOther()) >= 0
                    : st.find(tr.guardOther(), tr.guardPred(), key) >= 0;
        }
        Store.PredTable pt = st.table(tr.guardPred());
        if (pt == null) return false;
        IntList l = tr.guardPos() == 0 ? pt.subj(key) : pt.obj(key);
        return l != null && l.size() > 0;
    }

    private Trigger[] live(boolean type, int key) {
        if (guardsDirty) {
            liveVarPred = new IntObjMap<>();
            liveTypeVar = new IntObjMap<>();
            guardsDirty = false;
        }
        IntObjMap<Trigger[]> cache = type ? liveTypeVar : liveVarPred;
        Trigger[] l = cache.get(key);
        if (l == null) {
            List<Trigger> out = new ArrayList<>();
            for (Trigger tr : type ? typeVar : varPred) if (guardHolds(tr, key)) out.add(tr);
            l = out.toArray(new Trigger[0]);
            cache.put(key, l);
        }
        return l;
    }

    /** Call when a triple is inserted or deleted: schema triples invalidate the trigger caches. */
    void touched(int p, int o) {
        if (guardPreds.contains(p) || (p == TYPE && guardTypes.contains(o))) guardsDirty = true;
    }

    private final IntList headSubjects = new IntList(), headObjects = new IntList();

    /** A constant in the subject position of a rule head (owl:Nothing): such conclusions share only their object. */
    boolean isHeadSubjectConstant(int x) { return headSubjects.contains(x); }

    /**
     * A term a rule may put in the object position of a conclusion without it occurring in a premise that
     * triggers the rule: constants of rule heads, the integer datatypes of ext-dt-range, members of intersection
     * lists (cls-int2) and the classes defined by intersection/union lists (cls-int1, cls-uni: they occur only in
     * the list axiom, which does not trigger those rules).
     */
    boolean isHeadObjectConstant(int x) {
        return headObjects.contains(x) || x == TRANSITIVE || intTypes.containsKey(x) || intByMember.get(x) != null
                || intByClass.get(x) != null || unionClasses.contains(x);
    }

    private int name(String n) {
        ruleNames.add(n);
        return ruleNames.size() - 1;
    }

    private int iri(String s) { return dict.id(NodeFactory.createURI(s)); }

    // ---------------------------------------------------------------- axioms

    private static final String[] ANNOTATION_PROPS = {Rule.RDFS + "label", Rule.RDFS + "comment", Rule.RDFS + "seeAlso",
        Rule.RDFS + "isDefinedBy", Rule.OWL + "deprecated", Rule.OWL + "versionInfo", Rule.OWL + "priorVersion",
        Rule.OWL + "backwardCompatibleWith", Rule.OWL + "incompatibleWith"};
    private static final String[] DATATYPES = {"rdf:PlainLiteral", "rdf:XMLLiteral", "rdfs:Literal", "xsd:decimal",
        "xsd:integer", "xsd:nonNegativeInteger", "xsd:nonPositiveInteger", "xsd:positiveInteger", "xsd:negativeInteger",
        "xsd:long", "xsd:int", "xsd:short", "xsd:byte", "xsd:unsignedLong", "xsd:unsignedInt", "xsd:unsignedShort",
        "xsd:unsignedByte", "xsd:float", "xsd:double", "xsd:string", "xsd:normalizedString", "xsd:token",
        "xsd:language", "xsd:Name", "xsd:NCName", "xsd:NMTOKEN", "xsd:boolean", "xsd:hexBinary", "xsd:base64Binary",
        "xsd:anyURI", "xsd:dateTime", "xsd:dateTimeStamp"};

    private int rThing = -1, rNothing, rAp, rDt;

    private void insertAxioms() {
        if (rThing < 0) {
            rThing = name("cls-thing");
            rNothing = name("cls-nothing1");
            rAp = name("prp-ap");
            rDt = name("dt-type1");
        }
        axiom(THING, TYPE, CLASS, rThing);
        axiom(NOTHING, TYPE, CLASS, rNothing);
        int ap = iri(Rule.OWL + "AnnotationProperty");
        for (String p : ANNOTATION_PROPS) axiom(iri(p), TYPE, ap, rAp);
        int dtc = iri(Rule.RDFS + "Datatype");
        for (String d : DATATYPES) axiom(iri(Rule.expand(d)), TYPE, dtc, rDt);
    }

    private void axiom(int s, int p, int o, int rule) {
        if (st.find(s, p, o) >= 0) return;
        int tid = st.insert(s, p, o, Store.PRESENT | Store.AXIOM, rule, null, 0);
        touched(p, o);
        queue.add(tid);
        log.add(tid);
    }

    boolean isAxiomRule(int r) { return r >= R_AXIOM_BASE; }

    /** Empties the store (keeping the dictionary) and re-inserts the axiomatic triples. */
    void resetStore() {
        st = new Store();
        parent = new int[0];
        members.clear();
        guardsDirty = true;
        queue.clear();
        qHead = 0;
        log.clear();
        clearInconsistencies();
        insertAxioms();
    }

    // ---------------------------------------------------------------- public-ish operations

    /** Inserts an asserted triple; returns its tid; sets ASSERTED on an existing (inferred) one. */
    int assertTriple(int s, int p, int o) {
        int tid = st.find(s, p, o);
        if (tid >= 0) {
            st.F[tid] |= Store.ASSERTED;
            return tid;
        }
        tid = st.insert(s, p, o, Store.PRESENT | Store.ASSERTED, -1, null, 0);
        touched(p, o);
        queue.add(tid);
        log.add(tid);
        if (isListRelevant(s, p, o)) listsDirty = true;
        return tid;
    }

    /** Runs the queue to a fixpoint, recompiling list axioms (and re-firing list rules) when they changed. */
    void saturate() {
        while (true) {
            if (listsDirty) {
                listsDirty = false;
                compileLists();
                fireListAxioms();
                int n = st.next;
                for (int t = 0; t < n; t++) if (st.present(t)) fireNative(t, st.S[t], st.P[t], st.O[t]);
            }
            while (qHead < queue.size()) {
                int t = queue.get(qHead++);
                if (st.present(t)) fire(t);
            }
            queue.clear();
            qHead = 0;
            if (!listsDirty) return;
        }
    }

    /** Fires all rules with {@code t} as a premise (in normal mode: derive; in over-delete mode: mark). */
    void fire(int t) {
        int s = st.S[t], p = st.P[t], o = st.O[t];
        if (p == TYPE) {
            List<Trigger> l = typeByClass.get(o);
            if (l != null) for (int i = 0, n = l.size(); i < n; i++) tryTrigger(l.get(i), t, s, p, o);
            for (Trigger tr : live(true, o)) tryTrigger(tr, t, s, p, o);
        } else {
            List<Trigger> l = byPred.get(p);
            if (l != null) for (int i = 0, n = l.size(); i < n; i++) tryTrigger(l.get(i), t, s, p, o);
        }
        for (Trigger tr : live(false, p)) tryTrigger(tr, t, s, p, o);
        fireNative(t, s, p, o);
        if (!overDelete && dict.isIllTyped(o)) inconsistency("dt-not-type", "a literal is not in the lexical space of its datatype", t);
    }

    // ---------------------------------------------------------------- generic join

    private void tryTrigger(Trigger tr, int t, int s, int p, int o) {
        Rule r = tr.rule();
        // cax-sco / prp-spo1 need not re-fire on their own conclusions: the subClassOf/subPropertyOf closure is
        // materialised (scm-sco/scm-spo), so x type D derived from x type C already met every superclass of D via C
        // (or will, when the missing C subClassOf E arrives). Halves the work on deep hierarchies. Not in
        // over-delete mode, which must see every derivation.
        if (r.idx == skipRuleA || r.idx == skipRuleB) {
            if (tr.atom() == 1 && !overDelete && st.R[t] == r.idx) return;
        }
        int[] at = r.body[tr.atom()];
        int[] b = r.b;
        int mask = unify(at, s, p, o, b);
        if (mask < 0) return;
        if (filtersOk(r, b)) {
            r.m[tr.atom()] = t;
            join(r, r.plans[tr.atom()], 0);
        }
        undo(b, mask);
    }

    private static int unify(int[] at, int s, int p, int o, int[] b) {
        int mask = bind(at[0], s, b, 0);
        if (mask < 0) return -1;
        int m2 = bind(at[1], p, b, mask);
        if (m2 < 0) { undo(b, mask); return -1; }
        int m3 = bind(at[2], o, b, m2);
        if (m3 < 0) { undo(b, m2); return -1; }
        return m3;
    }

    /** Binds one position; returns the new mask or -1 (without undoing earlier bindings). */
    private static int bind(int term, int val, int[] b, int mask) {
        if (term > 0) return term == val ? mask : -1;
        int v = -term - 1;
        if (b[v] == 0) {
            b[v] = val;
            return mask | (1 << v);
        }
        return b[v] == val ? mask : -1;
    }

    private static void undo(int[] b, int mask) {
        while (mask != 0) {
            int v = Integer.numberOfTrailingZeros(mask);
            b[v] = 0;
            mask &= mask - 1;
        }
    }

    private boolean filtersOk(Rule r, int[] b) {
        for (int[] f : r.filters) {
            if (f[0] == Rule.NEQ) {
                int x = val(f[1], b), y = val(f[2], b);
                if (x != 0 && y != 0 && x == y) return false;
            } else if (f[0] == Rule.NUM) {
                int x = val(f[1], b);
                if (x != 0 && !numEquals(x, f[2])) return false;
            } else {
                int x = val(f[1], b), y = val(f[2], b);
                if (x == SAMEAS && y != 0 && !dict.isLiteral(y)) return false;
            }
        }
        return true;
    }

    private boolean numEquals(int id, int n) {
        if (!dict.isLiteral(id)) return false;
        try {
            Object v = dict.node(id).getLiteralValue();
            return v instanceof Number num && num.doubleValue() == n;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static int val(int term, int[] b) { return term > 0 ? term : b[-term - 1]; }

    private void join(Rule r, int[] plan, int step) {
        int[] b = r.b;
        if (step == plan.length) {
            emit(r);
            return;
        }
        int ai = plan[step];
        int[] at = r.body[ai];
        int s = val(at[0], b), p = val(at[1], b), o = val(at[2], b);
        if (p != 0) {
            Store.PredTable pt = st.table(p);
            if (pt != null) matchIn(r, plan, step, ai, at, pt, s, o);
        } else {
            List<Store.PredTable> all = st.predList;
            for (int i = 0, n = all.size(); i < n; i++) matchIn(r, plan, step, ai, at, all.get(i), s, o);
        }
    }

    private void matchIn(Rule r, int[] plan, int step, int ai, int[] at, Store.PredTable pt, int s, int o) {
        if (s != 0 && o != 0) {
            int tid = pt.pairs.get(Store.key(s, o));
            if (tid < 0) return;
            candidate(r, plan, step, ai, at, tid);
        } else if (s != 0) {
            IntList l = pt.subj(s);
            if (l == null) return;
            for (int i = 0, n = l.size(); i < n && i < l.size(); i++) candidate(r, plan, step, ai, at, l.get(i));
        } else if (o != 0) {
            IntList l = pt.obj(o);
            if (l == null) return;
            for (int i = 0, n = l.size(); i < n && i < l.size(); i++) candidate(r, plan, step, ai, at, l.get(i));
        } else {
            // all triples of one predicate (schema-triggered joins, e.g. a new rdfs:domain axiom)
            int[] tids = pt.allTids();
            for (int tid : tids) if (st.present(tid)) candidate(r, plan, step, ai, at, tid);
        }
    }

    private void candidate(Rule r, int[] plan, int step, int ai, int[] at, int tid) {
        int[] b = r.b;
        int mask = unify(at, st.S[tid], st.P[tid], st.O[tid], b);
        if (mask < 0) return;
        if (filtersOk(r, b)) {
            r.m[ai] = tid;
            join(r, plan, step + 1);
        }
        undo(b, mask);
    }

    private void emit(Rule r) {
        if (r.head == null) {
            inconsistency(r.id, r.message, r.m);
            return;
        }
        int[] b = r.b;
        for (int[] h : r.head) derive(val(h[0], b), val(h[1], b), val(h[2], b), r.idx, r.m, r.m.length);
    }

    // ---------------------------------------------------------------- derivation

    void derive(int s, int p, int o, int rule, int[] prem, int n) {
        for (int i = 0; i < n; i++) if (prem[i] < 0) throw new IllegalStateException("missing premise for " + ruleNames.get(rule));
        if (dict.isLiteral(s)) {
            // generalised triples (literal subjects) are not stored; but two different literal values declared
            // equal is a clash (sameAs + dt-diff + eq-diff1), and so is a literal typed with an XSD datatype whose
            // value space does not contain it, e.g. through rdfs:range (dt-type2 + dt-not-type).
            if (p == SAMEAS && dict.isLiteral(o) && !dict.sameValue(s, o))
                inconsistency(ruleNames.get(rule) + "+dt-diff", "two different literal values are declared equal",
                        Arrays.copyOf(prem, n));
            if (p == TYPE && !dict.literalInDatatype(s, o))
                inconsistency(ruleNames.get(rule) + "+dt-not-type", "a literal is typed with a datatype that does not contain it",
                        Arrays.copyOf(prem, n));
            return;
        }
        if (p == SAMEAS && s == o) return; // eq-ref is virtual
        if (!dict.isIri(p)) return; // no blank-node / literal predicates
        int tid = st.find(s, p, o);
        if (overDelete) {
            if (tid >= 0 && (st.F[tid] & (Store.ASSERTED | Store.AXIOM | Store.MARK)) == 0) {
                if (stillSupported(tid, 0)) return;
                st.F[tid] |= Store.MARK;
                odList.add(tid);
                if (isListRelevant(s, p, o)) odTouchesLists = true;
            }
            return;
        }
        if (tid >= 0) return;
        tid = st.insert(s, p, o, Store.PRESENT, rule, prem, n);
        touched(p, o);
        queue.add(tid);
        log.add(tid);
        if (isListRelevant(s, p, o)) listsDirty = true;
    }

    private void inconsistency(String rule, String message, int... tids) {
        if (overDelete) return;
        int[] keys = new int[tids.length * 3];
        StringBuilder k = new StringBuilder(rule);
        for (int i = 0; i < tids.length; i++) {
            int t = tids[i];
            keys[3 * i] = st.S[t];
            keys[3 * i + 1] = st.P[t];
            keys[3 * i + 2] = st.O[t];
        }
        int[][] sorted = new int[tids.length][];
        for (int i = 0; i < tids.length; i++) sorted[i] = new int[] {keys[3 * i], keys[3 * i + 1], keys[3 * i + 2]};
        Arrays.sort(sorted, (x, y) -> x[0] != y[0] ? Integer.compare(x[0], y[0]) : x[1] != y[1] ? Integer.compare(x[1], y[1]) : Integer.compare(x[2], y[2]));
        for (int[] t : sorted) k.append('|').append(t[0]).append(',').append(t[1]).append(',').append(t[2]);
        if (incKeys.add(k.toString())) incs.add(new Inc(rule, message, keys));
    }

    /** Drops inconsistency instances whose premises are no longer all present. */
    void pruneInconsistencies() {
        incs.removeIf(inc -> {
            for (int i = 0; i < inc.keys().length; i += 3) {
                int tid = st.find(inc.keys()[i], inc.keys()[i + 1], inc.keys()[i + 2]);
                if (tid < 0) return true;
            }
            return false;
        });
        incKeys.clear();
        List<Inc> keep = new ArrayList<>(incs);
        incs.clear();
        for (Inc inc : keep) {
            int n = inc.keys().length / 3;
            int[] tids = new int[n];
            for (int i = 0; i < n; i++) tids[i] = st.find(inc.keys()[3 * i], inc.keys()[3 * i + 1], inc.keys()[3 * i + 2]);
            inconsistency(inc.rule(), inc.message(), tids);
        }
    }

    void clearInconsistencies() {
        incs.clear();
        incKeys.clear();
    }

    boolean isListRelevant(int s, int p, int o) {
        if (listPreds.contains(p)) return true;
        return p == TYPE && (o == ALLDIFF || o == ALLDISJC || o == ALLDISJP);
    }

    // ---------------------------------------------------------------- list-based rules (native)

    private IntList readList(int head) {
        IntList out = new IntList();
        int node = head;
        int guard = 0;
        while (node != NIL) {
            if (++guard > 100_000) return null;
            Store.PredTable f = st.table(FIRST), r = st.table(REST);
            if (f == null || r == null) return null;
            IntList fl = f.subj(node), rl = r.subj(node);
            if (fl == null || fl.size() == 0 || rl == null || rl.size() == 0) return null;
            out.add(st.O[fl.get(0)]);
            node = st.O[rl.get(0)];
        }
        return out;
    }

    private void index(IntObjMap<List<Ax>> m, int k, Ax ax) { m.computeIfAbsent(k, x -> new ArrayList<>()).add(ax); }

    void compileLists() {
        intByMember = new IntObjMap<>();
        intByClass = new IntObjMap<>();
        uniByMember = new IntObjMap<>();
        chainByProp = new IntObjMap<>();
        keyByClass = new IntObjMap<>();
        keyByProp = new IntObjMap<>();
        diffByMember = new IntObjMap<>();
        adcByMember = new IntObjMap<>();
        adpByMember = new IntObjMap<>();
        oneOfs = new ArrayList<>();
        ints = new ArrayList<>();
        unis = new ArrayList<>();
        for (Ax ax : axioms(INTERSECTION)) {
            ints.add(ax);
            index(intByClass, ax.subj(), ax);
            for (int m : distinct(ax.members())) index(intByMember, m, ax);
        }
        unionClasses.clear();
        for (Ax ax : axioms(UNION)) {
            unis.add(ax);
            unionClasses.add(ax.subj());
            for (int m : distinct(ax.members())) index(uniByMember, m, ax);
        }
        oneOfs.addAll(axioms(ONEOF));
        for (Ax ax : axioms(CHAIN)) for (int m : distinct(ax.members())) index(chainByProp, m, ax);
        for (Ax ax : axioms(HASKEY)) {
            index(keyByClass, ax.subj(), ax);
            for (int m : distinct(ax.members())) index(keyByProp, m, ax);
        }
        for (int pred : new int[] {MEMBERS, DISTINCT}) {
            for (Ax ax : axioms(pred)) {
                if (st.find(ax.subj(), TYPE, ALLDIFF) >= 0) for (int m : distinct(ax.members())) index(diffByMember, m, ax);
                if (pred == MEMBERS && st.find(ax.subj(), TYPE, ALLDISJC) >= 0) for (int m : distinct(ax.members())) index(adcByMember, m, ax);
                if (pred == MEMBERS && st.find(ax.subj(), TYPE, ALLDISJP) >= 0) for (int m : distinct(ax.members())) index(adpByMember, m, ax);
            }
        }
    }

    private static int[] distinct(int[] a) { return Arrays.stream(a).distinct().toArray(); }

    private List<Ax> axioms(int pred) {
        List<Ax> out = new ArrayList<>();
        Store.PredTable t = st.table(pred);
        if (t == null) return out;
        int[] tids = t.allTids();
        Arrays.sort(tids);
        for (int tid : tids) {
            if (!st.present(tid)) continue;
            IntList l = readList(st.O[tid]);
            if (l != null) out.add(new Ax(tid, st.S[tid], l.toArray()));
        }
        return out;
    }

    /** Derivations whose only premise is a list axiom: cls-oo, scm-int, scm-uni; eq-diff2/3 on repeated members. */
    void fireListAxioms() {
        int[] prem = new int[1];
        for (Ax ax : oneOfs) {
            prem[0] = ax.tid();
            for (int y : ax.members()) derive(y, TYPE, ax.subj(), R_OO, prem, 1);
        }
        for (Ax ax : ints) {
            prem[0] = ax.tid();
            for (int c : ax.members()) derive(ax.subj(), SCO, c, R_SCMINT, prem, 1);
        }
        for (Ax ax : unis) {
            prem[0] = ax.tid();
            for (int c : ax.members()) derive(c, SCO, ax.subj(), R_SCMUNI, prem, 1);
        }
        // ext-chain-trans: P o P subPropertyOf P means P is transitive
        chainByProp.forEachValue(l -> {
            for (Ax ax : l) {
                int[] m = ax.members();
                if (m.length == 2 && m[0] == ax.subj() && m[1] == ax.subj())
                    derive(ax.subj(), TYPE, TRANSITIVE, R_CHAINTRANS, new int[] {ax.tid()}, 1);
            }
        });
        Set<Ax> seen = new HashSet<>();
        diffByMember.forEachValue(l -> {
            for (Ax ax : l) {
                if (seen.add(ax) && distinct(ax.members()).length != ax.members().length)
                    inconsistency("eq-diff2", "an owl:AllDifferent lists the same individual twice", ax.tid());
            }
        });
    }

    void fireNative(int t, int s, int p, int o) {
        if (p == TYPE) {
            List<Ax> l = intByMember.get(o);
            if (l != null) for (Ax ax : l) clsInt1(s, ax);
            l = intByClass.get(o);
            if (l != null) {
                for (Ax ax : l) for (int c : ax.members()) derive(s, TYPE, c, R_INT2, new int[] {ax.tid(), t}, 2);
            }
            l = uniByMember.get(o);
            if (l != null) for (Ax ax : l) derive(s, TYPE, ax.subj(), R_UNI, new int[] {ax.tid(), t}, 2);
            l = keyByClass.get(o);
            if (l != null) for (Ax ax : l) key(s, ax);
            l = adcByMember.get(o);
            if (l != null) {
                for (Ax ax : l) {
                    for (int c : ax.members()) {
                        if (c == o) continue;
                        int t2 = st.find(s, TYPE, c);
                        if (t2 >= 0) inconsistency("cax-adc", "an individual is an instance of two classes of an owl:AllDisjointClasses", ax.tid(), t, t2);
                    }
                }
            }
        }
        if (p == SAMEAS) {
            sameAs(t, s, o);
            List<Ax> l = diffByMember.get(s);
            if (l != null) {
                for (Ax ax : l) {
                    for (int m : ax.members()) {
                        if (m == o) inconsistency("eq-diff2", "individuals listed in an owl:AllDifferent are the same", ax.tid(), t);
                    }
                }
            }
        }
        if (p == RANGE && intTypes.containsKey(o)) dtRange(s);
        List<Ax> l = chainByProp.get(p);
        if (l != null) for (Ax ax : l) chain(t, s, p, o, ax);
        l = keyByProp.get(p);
        if (l != null) for (Ax ax : l) key(s, ax);
        l = adpByMember.get(p);
        if (l != null) {
            for (Ax ax : l) {
                for (int q : ax.members()) {
                    if (q == p) continue;
                    int t2 = st.find(s, q, o);
                    if (t2 >= 0) inconsistency("prp-adp", "two properties of an owl:AllDisjointProperties relate the same pair", ax.tid(), t, t2);
                }
            }
        }
    }

    // ---------------------------------------------------------------- owl:sameAs (eq-sym, eq-trans)

    /** Union-find over term ids: equivalence classes of owl:sameAs; each class is a complete clique in the store. */
    private int[] parent = new int[0];
    private final IntObjMap<IntList> members = new IntObjMap<>();
    private final IntList odClusters = new IntList();

    int rep(int x) {
        if (x >= parent.length || parent[x] == 0) return x;
        int r = x;
        while (parent[r] != 0 && parent[r] != r) r = parent[r];
        while (x != r) {
            int nx = parent[x];
            parent[x] = r;
            x = nx;
        }
        return r;
    }

    private IntList cluster(int r) {
        IntList l = members.get(r);
        if (l == null) {
            l = new IntList(2);
            l.add(r);
            members.put(r, l);
        }
        return l;
    }

    private void union(int ra, int rb) {
        int need = Math.max(ra, rb) + 1;
        if (parent.length < need) parent = Arrays.copyOf(parent, Math.max(need, parent.length * 2));
        IntList a = cluster(ra), b = cluster(rb);
        if (a.size() < b.size()) { int t = ra; ra = rb; rb = t; IntList tl = a; a = b; b = tl; }
        parent[rb] = ra;
        parent[ra] = ra;
        for (int i = 0; i < b.size(); i++) a.add(b.get(i));
        members.put(rb, null);
    }

    /**
     * Rebuilds the union-find from the sameAs triples left after a deletion, re-deriving the pairs that keep every
     * class a complete clique (normal mode; new triples are queued).
     */
    void rebuildEquality() {
        parent = new int[0];
        members.clear();
        Store.PredTable t = st.table(SAMEAS);
        if (t == null) return;
        for (int tid : t.allTids()) if (st.present(tid)) sameAs(tid, st.S[tid], st.O[tid]);
    }

    void beginOverDelete() {
        odClusters.clear();
        supported.clear();
    }

    private final java.util.HashMap<Integer, Boolean> supported = new java.util.HashMap<>();

    /**
     * Over-deletion pruning: a triple whose stored derivation tree reaches only asserted/axiomatic leaves that are
     * not being retracted (marked) stays derivable, so it is neither over-deleted nor propagated. This stops the
     * classic DRed cascade (e.g. retracting one student's memberOf would otherwise over-delete the department's
     * derived type and, through it, the types of all its employees). A node of such a tree is never marked itself
     * (its own tree is a subtree), so stored derivations never point at deleted triples. Deep trees (> 2000)
     * are conservatively treated as unsupported.
     */
    private boolean stillSupported(int tid, int depth) {
        byte f = st.F[tid];
        if ((f & Store.MARK) != 0 || (f & Store.PRESENT) == 0) return false;
        if ((f & (Store.ASSERTED | Store.AXIOM)) != 0) return true;
        if (depth > 2000) return false;
        Boolean b = supported.get(tid);
        if (b != null) return b;
        boolean ok = true;
        int n = st.premCount(tid);
        for (int i = 0; i < n && ok; i++) ok = stillSupported(st.premise(tid, i), depth + 1);
        supported.put(tid, ok);
        return ok;
    }

    /**
     * eq-sym + eq-trans without a join: when {@code x sameAs y} joins two classes A and B, derive every
     * {@code a sameAs b} and {@code b sameAs a} (premises: a sameAs x, x sameAs y, y sameAs b), so each class stays a
     * complete clique and a class of n members costs O(n^2) derivations instead of the O(n^3) eq-trans join.
     * Over-deletion marks the whole class once (DRed re-derives what survives).
     */
    private void sameAs(int t, int x, int y) {
        if (dict.isLiteral(y) || x == y) return;
        int rx = rep(x), ry = rep(y);
        if (overDelete) {
            if (odClusters.contains(rx)) return;
            odClusters.add(rx);
            IntList c = cluster(rx);
            for (int i = 0; i < c.size(); i++)
                for (int j = 0; j < c.size(); j++) if (i != j) derive(c.get(i), SAMEAS, c.get(j), R_EQSYM, null, 0);
            return;
        }
        if (rx == ry) return;
        derive(y, SAMEAS, x, R_EQSYM, new int[] {t}, 1);
        int tyx = st.find(y, SAMEAS, x);
        IntList a = cluster(rx), b = cluster(ry);
        int[] aa = a.toArray(), bb = b.toArray();
        int[] prem = new int[3];
        for (int ai : aa) {
            for (int bi : bb) {
                if (ai == x && bi == y) continue;
                int n = 0;
                if (ai != x) prem[n++] = st.find(ai, SAMEAS, x);
                prem[n++] = t;
                if (bi != y) prem[n++] = st.find(y, SAMEAS, bi);
                derive(ai, SAMEAS, bi, R_EQTRANS, prem, n);
                n = 0;
                if (bi != y) prem[n++] = st.find(bi, SAMEAS, y);
                prem[n++] = tyx;
                if (ai != x) prem[n++] = st.find(x, SAMEAS, ai);
                derive(bi, SAMEAS, ai, R_EQTRANS, prem, n);
            }
        }
        union(rx, ry);
    }

    /**
     * ext-dt-range: intersects the integer-datatype ranges of property p and derives every integer datatype whose
     * value space contains the intersection (e.g. range byte gives range short; unsignedInt and short give
     * unsignedShort).
     */
    private void dtRange(int prop) {
        Store.PredTable rt = st.table(RANGE);
        IntList l = rt.subj(prop);
        java.math.BigInteger lo = null, hi = null;
        IntList prem = new IntList();
        for (int i = 0; i < l.size(); i++) {
            java.math.BigInteger[] iv = intTypes.get(st.O[l.get(i)]);
            if (iv == null) continue;
            prem.add(l.get(i));
            if (iv[0] != null && (lo == null || iv[0].compareTo(lo) > 0)) lo = iv[0];
            if (iv[1] != null && (hi == null || iv[1].compareTo(hi) < 0)) hi = iv[1];
        }
        if (lo != null && hi != null && lo.compareTo(hi) > 0) return; // empty: leave it
        int[] pa = prem.toArray();
        for (var e : intTypes.entrySet()) {
            java.math.BigInteger[] iv = e.getValue();
            boolean loOk = iv[0] == null || (lo != null && iv[0].compareTo(lo) <= 0);
            boolean hiOk = iv[1] == null || (hi != null && iv[1].compareTo(hi) >= 0);
            if (loOk && hiOk) derive(prop, RANGE, e.getKey(), R_DTRANGE, pa, pa.length);
        }
    }

    private void clsInt1(int y, Ax ax) {
        int[] m = ax.members();
        int[] prem = new int[m.length + 1];
        prem[0] = ax.tid();
        for (int i = 0; i < m.length; i++) {
            int t = st.find(y, TYPE, m[i]);
            if (t < 0) return;
            prem[i + 1] = t;
        }
        derive(y, TYPE, ax.subj(), R_INT1, prem, prem.length);
    }

    /** prp-key: x and another instance y of the keyed class share a value for every key property. */
    private void key(int x, Ax ax) {
        int c = ax.subj();
        int[] props = ax.members();
        int tx = st.find(x, TYPE, c);
        if (tx < 0 || props.length == 0) return;
        Store.PredTable p0 = st.table(props[0]);
        if (p0 == null) return;
        IntList xv = p0.subj(x);
        if (xv == null) return;
        for (int i = 0; i < xv.size(); i++) {
            int z = st.O[xv.get(i)];
            IntList ys = p0.obj(z);
            for (int j = 0; j < ys.size(); j++) {
                int y = st.S[ys.get(j)];
                if (y == x) continue;
                int ty = st.find(y, TYPE, c);
                if (ty < 0) continue;
                IntList prem = new IntList();
                prem.add(ax.tid());
                prem.add(tx);
                prem.add(ty);
                prem.add(xv.get(i));
                prem.add(ys.get(j));
                boolean ok = true;
                for (int k = 1; k < props.length && ok; k++) ok = sharedValue(x, y, props[k], prem);
                if (ok) {
                    int[] pa = prem.toArray();
                    derive(x, SAMEAS, y, R_KEY, pa, pa.length);
                    derive(y, SAMEAS, x, R_KEY, pa, pa.length);
                }
            }
        }
    }

    private boolean sharedValue(int x, int y, int p, IntList prem) {
        Store.PredTable pt = st.table(p);
        if (pt == null) return false;
        IntList xv = pt.subj(x);
        if (xv == null) return false;
        for (int i = 0; i < xv.size(); i++) {
            int ty = pt.pairs.get(Store.key(y, st.O[xv.get(i)]));
            if (ty >= 0) {
                prem.add(xv.get(i));
                prem.add(ty);
                return true;
            }
        }
        return false;
    }

    /** prp-spo2: the new triple (a p b) fills position k of chain P1..Pn; extend left and right. */
    private void chain(int t, int a, int p, int b, Ax ax) {
        int[] ch = ax.members();
        for (int k = 0; k < ch.length; k++) {
            if (ch[k] != p) continue;
            List<int[]> lefts = new ArrayList<>(); // [start, tids...] in chain order
            walk(ch, k - 1, -1, a, new IntList(), lefts);
            List<int[]> rights = new ArrayList<>();
            walk(ch, k + 1, +1, b, new IntList(), rights);
            for (int[] l : lefts) {
                for (int[] r : rights) {
                    int n = (l.length - 1) + 1 + (r.length - 1) + 1;
                    int[] prem = new int[n];
                    int i = 0;
                    prem[i++] = ax.tid();
                    for (int j = l.length - 1; j >= 1; j--) prem[i++] = l[j];
                    prem[i++] = t;
                    for (int j = 1; j < r.length; j++) prem[i++] = r[j];
                    derive(l[0], ax.subj(), r[0], R_SPO2, prem, n);
                }
            }
        }
    }

    /** Walks the chain from position k in direction dir starting at node; collects [endNode, tids...]. */
    private void walk(int[] ch, int k, int dir, int node, IntList path, List<int[]> out) {
        if (k < 0 || k >= ch.length) {
            int[] r = new int[path.size() + 1];
            r[0] = node;
            for (int i = 0; i < path.size(); i++) r[i + 1] = path.get(i);
            out.add(r);
            return;
        }
        if (path.size() > ch.length) return;
        Store.PredTable pt = st.table(ch[k]);
        if (pt == null) return;
        IntList l = dir < 0 ? pt.obj(node) : pt.subj(node);
        if (l == null) return;
        for (int i = 0; i < l.size(); i++) {
            int tid = l.get(i);
            path.add(tid);
            walk(ch, k + dir, dir, dir < 0 ? st.S[tid] : st.O[tid], path, out);
            path.n--;
        }
    }
}
