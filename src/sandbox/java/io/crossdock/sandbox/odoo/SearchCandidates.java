package io.crossdock.sandbox.odoo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.crossdock.sandbox.odoo.OdooDatabase.Transaction;

/**
 * The records a search need look at, narrowed as PostgreSQL's indexes would: an '=' or 'in' on a
 * stored scalar field looks up only the records with those values; of the terms that must all hold,
 * the narrowest wins; an '|' narrows only when both sides do. Anything else looks at every record.
 * The domain's own filter still decides, so the candidates need only include every match.
 */
final class SearchCandidates {

    /** Field types whose stored value is the one value '=' compares with (not a list, not computed). */
    private static final Set<String> INDEXABLE = Set.of("char", "many2one", "selection", "integer");

    private final Transaction tx;
    private final ModelSpec spec;
    private final List<?> terms;
    private int next;

    private SearchCandidates(Transaction tx, ModelSpec spec, List<?> terms) {
        this.tx = tx;
        this.spec = spec;
        this.terms = terms;
    }

    /** A way to narrow the candidates: how many it may find, known before any record is read, and the records. */
    private interface Narrowing {
        int atMost();

        void collect(Map<Long, Map<String, Object>> into);
    }

    static List<Map<String, Object>> of(Transaction tx, ModelSpec spec, Object domain) {
        if (domain instanceof List<?> terms && !terms.isEmpty()) {
            SearchCandidates plan = new SearchCandidates(tx, spec, terms);
            Narrowing narrowest = null;
            while (plan.next < terms.size()) {
                narrowest = narrower(narrowest, plan.expression());
            }
            if (narrowest != null) {
                Map<Long, Map<String, Object>> found = new LinkedHashMap<>();
                narrowest.collect(found);
                return new ArrayList<>(found.values());
            }
        }
        return tx.all(spec.name());
    }

    /** How the expression starting at the next term narrows the candidates, or null when it cannot. */
    private Narrowing expression() {
        Object term = terms.get(next++);
        if ("&".equals(term)) {
            return narrower(expression(), expression());
        }
        if ("|".equals(term)) {
            Narrowing left = expression();
            Narrowing right = expression();
            return left == null || right == null ? null : either(left, right);
        }
        if ("!".equals(term)) {
            expression();
            return null;
        }
        return leaf(term);
    }

    private Narrowing leaf(Object term) {
        if (!(term instanceof List<?> leaf) || leaf.size() != 3 || !(leaf.get(0) instanceof String field) || !spec.has(field)
                || !INDEXABLE.contains(spec.field(field).type())) {
            return null;
        }
        Object operator = leaf.get(1);
        Object value = leaf.get(2);
        if ("=".equals(operator) || "==".equals(operator)) {
            return OdooDatabase.indexKey(value) == null ? null : lookUp(field, List.of(value));
        }
        if ("in".equals(operator) && value instanceof Collection<?> values
                && values.stream().allMatch(each -> OdooDatabase.indexKey(each) != null)) {
            return lookUp(field, values);
        }
        return null;
    }

    private Narrowing lookUp(String field, Collection<?> values) {
        String model = spec.name();
        return new Narrowing() {
            @Override
            public int atMost() {
                return values.stream().mapToInt(value -> tx.atMostWhere(model, field, value)).sum();
            }

            @Override
            public void collect(Map<Long, Map<String, Object>> into) {
                for (Object value : values) {
                    for (Map<String, Object> record : tx.where(model, field, value)) {
                        into.put((Long) record.get("id"), record);
                    }
                }
            }
        };
    }

    private static Narrowing either(Narrowing left, Narrowing right) {
        return new Narrowing() {
            @Override
            public int atMost() {
                return left.atMost() + right.atMost();
            }

            @Override
            public void collect(Map<Long, Map<String, Object>> into) {
                left.collect(into);
                right.collect(into);
            }
        };
    }

    private static Narrowing narrower(Narrowing a, Narrowing b) {
        if (a == null) {
            return b;
        }
        return b == null || a.atMost() <= b.atMost() ? a : b;
    }
}
