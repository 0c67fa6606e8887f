package io.crossdock.sandbox.odoo;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The emulated Odoo database: one table per model, records as immutable maps of stored values
 * (a many2one as its id, a many2many as a list of ids; one2many fields are the inverse many2one
 * seen from the other side). Each RPC call runs in a {@link Transaction}: its writes become
 * visible to other callers only when it commits, and writers are serialised, so readers see what
 * PostgreSQL's MVCC would show them.
 */
final class OdooDatabase {

    static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    static final Object DELETED = new Object();

    final int version;
    final Map<String, ModelSpec> models;
    private final Map<String, ConcurrentSkipListMap<Long, Map<String, Object>>> tables = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> lastIds = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> sequences = new ConcurrentHashMap<>();
    private final ReentrantLock writers = new ReentrantLock(true);
    private final Clock clock;
    /** Committed records by the value of one field ("model field" → value → ids), made when first asked for. */
    private final Map<String, Map<Object, java.util.Set<Long>>> indexes = new ConcurrentHashMap<>();
    /** Running sums kept at commit (what Odoo gets with an SQL SUM), by name. */
    private final Map<String, Total> totals = new ConcurrentHashMap<>();

    /**
     * A sum of {@code value} over the records of {@code model} that {@code counts}, grouped by the value of
     * {@code byField} (an order total per customer).
     */
    record Total(String model, String byField, java.util.function.Predicate<Map<String, Object>> counts,
            java.util.function.ToDoubleFunction<Map<String, Object>> value, Map<Object, Double> sums) {

        Total(String model, String byField, java.util.function.Predicate<Map<String, Object>> counts,
                java.util.function.ToDoubleFunction<Map<String, Object>> value) {
            this(model, byField, counts, value, new ConcurrentHashMap<>());
        }

        double of(Map<String, Object> record, Object key) {
            return record != null && counts.test(record) && key.equals(indexKey(record.get(byField))) ? value.applyAsDouble(record) : 0;
        }

        void add(Map<String, Object> record, double sign) {
            Object key = record == null || !counts.test(record) ? null : indexKey(record.get(byField));
            if (key != null) {
                sums.merge(key, sign * value.applyAsDouble(record), Double::sum);
            }
        }
    }

    /** Keeps a running total from now on (defined before any record is written: it starts at zero). */
    void keepTotal(String name, Total total) {
        totals.put(name, total);
    }

    /** Held while a commit publishes and while an index is made, never across a webhook call: the two never interleave. */
    private final Object publishing = new Object();

    OdooDatabase(int version, Clock clock) {
        this.version = version;
        this.models = OdooModels.forVersion(version);
        this.clock = clock;
        models.keySet().forEach(model -> tables.put(model, new ConcurrentSkipListMap<>()));
    }

    /** Runs one call; a writing call holds the writers' lock and publishes its changes only if it returns. */
    <T> T transaction(boolean writes, Function<Transaction, T> work, java.util.function.Consumer<Transaction> beforeCommit,
            java.util.function.Consumer<Transaction> afterCommit) {
        if (!writes) {
            return work.apply(new Transaction());
        }
        writers.lock();
        try {
            Transaction tx = new Transaction();
            T result = work.apply(tx);
            beforeCommit.accept(tx);
            tx.commit();
            afterCommit.accept(tx);
            return result;
        } finally {
            writers.unlock();
        }
    }

    String nextName(String sequence, String format) {
        long number = sequences.computeIfAbsent(sequence, key -> new AtomicLong()).incrementAndGet();
        return String.format(format, number);
    }

    String now() {
        return LocalDateTime.now(clock).format(DATETIME);
    }

    String today() {
        return LocalDateTime.now(clock).toLocalDate().toString();
    }

    /** Numbers compare by value (a domain's 7 finds a stored 7L), text as is; anything else is not looked up by index. */
    static Object indexKey(Object value) {
        if (value instanceof Number number) {
            double d = number.doubleValue();
            return d == Math.rint(d) ? (Object) number.longValue() : (Object) d;
        }
        return value instanceof String ? value : null;
    }

    /** The index of one field, made from the committed records the first time it is asked for. */
    private Map<Object, java.util.Set<Long>> index(String model, String field) {
        String name = model + " " + field;
        Map<Object, java.util.Set<Long>> index = indexes.get(name);
        if (index != null) {
            return index;
        }
        synchronized (publishing) {
            return indexes.computeIfAbsent(name, key -> {
                Map<Object, java.util.Set<Long>> made = new ConcurrentHashMap<>();
                tables.get(model).forEach((id, record) -> {
                    Object value = indexKey(record.get(field));
                    if (value != null) {
                        made.computeIfAbsent(value, v -> ConcurrentHashMap.newKeySet()).add(id);
                    }
                });
                return made;
            });
        }
    }

    private void index(String model, long id, Map<String, Object> record) {
        indexes.forEach((name, index) -> {
            if (name.startsWith(model + " ")) {
                Object value = indexKey(record.get(name.substring(model.length() + 1)));
                if (value != null) {
                    index.computeIfAbsent(value, v -> ConcurrentHashMap.newKeySet()).add(id);
                }
            }
        });
    }

    private void unindex(String model, long id, Map<String, Object> before, Map<String, Object> after) {
        if (before == null) {
            return;
        }
        indexes.forEach((name, index) -> {
            if (name.startsWith(model + " ")) {
                String field = name.substring(model.length() + 1);
                Object old = indexKey(before.get(field));
                if (old != null && (after == null || !old.equals(indexKey(after.get(field))))) {
                    java.util.Set<Long> ids = index.get(old);
                    if (ids != null) {
                        ids.remove(id);
                    }
                }
            }
        });
    }

    /** A change a transaction made, for webhooks. */
    record Change(String model, long id, boolean created) {
    }

    /** The one user the emulator knows besides the superuser: the integration user every API key belongs to. */
    static final long USER = 2L;

    final class Transaction implements Domain.Records {

        private final Map<String, Map<Long, Object>> overlay = new HashMap<>();
        final List<Change> changes = new ArrayList<>();
        final String now = now();
        Map<String, Object> context = Map.of();

        Transaction withContext(Map<String, Object> context) {
            this.context = context == null ? Map.of() : context;
            return this;
        }

        int version() {
            return version;
        }

        String nextName(String sequence, String format) {
            return OdooDatabase.this.nextName(sequence, format);
        }

        String today() {
            return OdooDatabase.this.today();
        }

        @Override
        public ModelSpec model(String name) {
            ModelSpec model = models.get(name);
            if (model == null) {
                throw OdooFault.userError("Object " + name + " doesn't exist");
            }
            return model;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Map<String, Object> find(String model, long id) {
            Map<Long, Object> written = overlay.get(model);
            if (written != null && written.containsKey(id)) {
                Object value = written.get(id);
                return value == DELETED ? null : (Map<String, Object>) value;
            }
            return tables.get(model).get(id);
        }

        Map<String, Object> get(String model, long id) {
            Map<String, Object> record = find(model, id);
            if (record == null) {
                throw OdooFault.missing("Record does not exist or has been deleted.\n(Record: " + model + "(" + id
                        + ",), User: 2)");
            }
            return record;
        }

        /** All live records of a model, as this transaction sees them, in id order. */
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> all(String model) {
            Map<Long, Object> written = overlay.getOrDefault(model, Map.of());
            List<Map<String, Object>> records = new ArrayList<>();
            for (Map<String, Object> record : tables.get(model).values()) {
                long id = (Long) record.get("id");
                if (!written.containsKey(id)) {
                    records.add(record);
                }
            }
            written.forEach((id, value) -> {
                if (value != DELETED) {
                    records.add((Map<String, Object>) value);
                }
            });
            records.sort(Comparator.comparingLong(record -> (Long) record.get("id")));
            return records;
        }

        List<Map<String, Object>> children(String model, String inverse, long parentId) {
            ModelSpec spec = model(model);
            return where(model, inverse, parentId).stream().sorted(Domain.order(spec, null)).toList();
        }

        @Override
        public List<Long> childIds(String model, String inverse, long parentId) {
            return children(model, inverse, parentId).stream().map(record -> (Long) record.get("id")).toList();
        }

        long insert(String model, Map<String, Object> stored) {
            long id = lastIds.computeIfAbsent(model, key -> new AtomicLong()).incrementAndGet();
            Map<String, Object> record = new LinkedHashMap<>(stored);
            record.put("id", id);
            record.put("create_date", now);
            record.put("write_date", now);
            record.put("create_uid", USER);
            record.put("write_uid", USER);
            overlay.computeIfAbsent(model, key -> new HashMap<>()).put(id, record);
            changes.add(new Change(model, id, true));
            return id;
        }

        /** Merges stored values into a record and stamps its write_date. */
        void update(String model, long id, Map<String, Object> values) {
            Map<String, Object> record = new LinkedHashMap<>(get(model, id));
            record.putAll(values);
            record.put("write_date", now);
            record.put("write_uid", USER);
            overlay.computeIfAbsent(model, key -> new HashMap<>()).put(id, record);
            if (changes.stream().noneMatch(change -> change.model().equals(model) && change.id() == id)) {
                changes.add(new Change(model, id, false));
            }
        }

        void delete(String model, long id) {
            get(model, id);
            overlay.computeIfAbsent(model, key -> new HashMap<>()).put(id, DELETED);
        }

        /**
         * Publishes the writes. An index learns a record's new value before the record is visible and
         * forgets its old one after, so a reader's candidates are never short of a match (it checks each).
         */
        private void commit() {
            synchronized (publishing) {
                publish();
            }
        }

        private void publish() {
            overlay.forEach((model, written) -> written.forEach((id, value) -> {
                Map<String, Object> before = tables.get(model).get(id);
                for (Total total : totals.values()) {
                    if (total.model().equals(model)) {
                        total.add(before, -1);
                        @SuppressWarnings("unchecked")
                        Map<String, Object> after = value == DELETED ? null : (Map<String, Object>) value;
                        total.add(after, 1);
                    }
                }
                if (value == DELETED) {
                    tables.get(model).remove(id);
                    unindex(model, id, before, null);
                } else {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> record = java.util.Collections.unmodifiableMap((Map<String, Object>) value);
                    index(model, id, record);
                    tables.get(model).put(id, record);
                    unindex(model, id, before, record);
                }
            }));
        }

        /** A running total for one group as this transaction sees it: the committed sum, corrected for its own writes. */
        @SuppressWarnings("unchecked")
        double total(String name, Object group) {
            Total total = totals.get(name);
            Object key = indexKey(group);
            double sum = total.sums().getOrDefault(key, 0.0);
            for (Map.Entry<Long, Object> written : overlay.getOrDefault(total.model(), Map.of()).entrySet()) {
                sum -= total.of(tables.get(total.model()).get(written.getKey()), key);
                sum += written.getValue() == DELETED ? 0 : total.of((Map<String, Object>) written.getValue(), key);
            }
            return sum;
        }

        /** At least as many as {@link #where} would find, known without reading a record. */
        int atMostWhere(String model, String field, Object value) {
            Object key = indexKey(value);
            if ("id".equals(field)) {
                return 1;
            }
            return index(model, field).getOrDefault(key, java.util.Set.of()).size() + overlay.getOrDefault(model, Map.of()).size();
        }

        /**
         * The live records whose {@code field} holds {@code value} (a many2one id, a code, a reference), as
         * this transaction sees them, in id order: looked up, not scanned.
         */
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> where(String model, String field, Object value) {
            Object key = indexKey(value);
            if ("id".equals(field) && key instanceof Long id) {
                Map<String, Object> record = find(model, id);
                return record == null ? List.of() : List.of(record);
            }
            if (key == null) {
                throw new IllegalArgumentException("no index lookup by " + value);
            }
            java.util.SortedSet<Long> candidates = new java.util.TreeSet<>(index(model, field).getOrDefault(key, java.util.Set.of()));
            Map<Long, Object> written = overlay.getOrDefault(model, Map.of());
            candidates.addAll(written.keySet());
            List<Map<String, Object>> found = new ArrayList<>();
            for (long id : candidates) {
                Map<String, Object> record = find(model, id);
                if (record != null && key.equals(indexKey(record.get(field)))) {
                    found.add(record);
                }
            }
            return found;
        }

        static List<Long> ids(Object value) {
            if (value == null || Boolean.FALSE.equals(value)) {
                return List.of();
            }
            if (value instanceof Number id) {
                return List.of(id.longValue());
            }
            if (value instanceof Collection<?> many) {
                List<Long> ids = new ArrayList<>();
                for (Object id : many) {
                    if (!(id instanceof Number number)) {
                        throw OdooFault.valueError("Expected record ids, got " + value);
                    }
                    ids.add(number.longValue());
                }
                return ids;
            }
            throw OdooFault.valueError("Expected record ids, got " + value);
        }
    }
}
