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

    static List<Map<String, Object>> of(Transaction tx, ModelSpec spec, Object domain) {
        if (domain instanceof List<?> terms && !terms.isEmpty()) {
            SearchCandidates plan = new SearchCandidates(tx, spec, terms);
            Map<Long, Map<String, Object>> narrowest = null;
            while (plan.next < terms.size()) {
                narrowest = narrower(narrowest, plan.expression());
            }
            if (narrowest != null) {
                return new ArrayList<>(narrowest.values());
            }
        }
        return tx.all(spec.name());
    }

    /** Candidates of the expression starting at the next term, or null when it cannot narrow them. */
    private Map<Long, Map<String, Object>> expression() {
        Object term = terms.get(next++);
        if ("&".equals(term)) {
            return narrower(expression(), expression());
        }
        if ("|".equals(term)) {
            Map<Long, Map<String, Object>> left = expression();
            Map<Long, Map<String, Object>> right = expression();
            if (left == null || right == null) {
                return null;
            }
            left.putAll(right);
            return left;
        }
        if ("!".equals(term)) {
            expression();
            return null;
        }
        return leaf(term);
    }

    private Map<Long, Map<String, Object>> leaf(Object term) {
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

    private Map<Long, Map<String, Object>> lookUp(String field, Collection<?> values) {
        Map<Long, Map<String, Object>> found = new LinkedHashMap<>();
        for (Object value : values) {
            for (Map<String, Object> record : tx.where(spec.name(), field, value)) {
                found.put((Long) record.get("id"), record);
            }
        }
        return found;
    }

    private static Map<Long, Map<String, Object>> narrower(Map<Long, Map<String, Object>> a, Map<Long, Map<String, Object>> b) {
        if (a == null) {
            return b;
        }
        return b == null || a.size() <= b.size() ? a : b;
    }
}
