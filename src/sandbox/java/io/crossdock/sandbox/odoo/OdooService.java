package io.crossdock.sandbox.odoo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What {@code execute_kw} and {@code /json/2/<model>/<method>} reach: credentials checked on
 * every call, private methods refused, positional or named arguments bound to the method's
 * parameters, the call run in one transaction, webhooks fired on its changes.
 */
final class OdooService {

    /** One call, whatever the transport: record ids, named arguments and the context. */
    record Call(String model, String method, List<Long> ids, Map<String, Object> arguments, Map<String, Object> context) {
    }

    private static final Map<String, List<String>> PARAMETERS = Map.ofEntries(
            Map.entry("search_read", List.of("domain", "fields", "offset", "limit", "order", "load")),
            Map.entry("search", List.of("domain", "offset", "limit", "order")),
            Map.entry("search_count", List.of("domain", "limit")),
            Map.entry("read", List.of("fields", "load")),
            Map.entry("create", List.of("vals_list")),
            Map.entry("write", List.of("vals")),
            Map.entry("unlink", List.of()),
            Map.entry("fields_get", List.of("allfields", "attributes")),
            Map.entry("name_search", List.of("name", "args", "operator", "limit")),
            Map.entry("read_group", List.of("domain", "fields", "groupby", "offset", "limit", "orderby", "lazy")),
            Map.entry("context_get", List.of()));
    /** Parameters without a default in Odoo's signatures: leaving one out is Python's TypeError. */
    private static final Map<String, List<String>> REQUIRED = Map.of(
            "search", List.of("domain"),
            "search_count", List.of("domain"),
            "create", List.of("vals_list"),
            "write", List.of("vals"),
            "read_group", List.of("domain", "fields", "groupby"));
    private static final Set<String> RECORD_METHODS = Set.of("read", "write", "unlink");
    private static final Set<String> READ_ONLY = Set.of("search_read", "search", "search_count", "read", "fields_get",
            "name_search", "read_group", "context_get");

    final OdooDatabase database;
    final OdooFaults faults;
    final OdooWebhooks webhooks;
    private final OdooOrm orm;
    private final OdooBusiness business;
    private final String databaseName;
    private final String login;
    private final Map<String, Long> apiKeys = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();

    OdooService(OdooDatabase database, OdooFaults faults, OdooWebhooks webhooks, String databaseName, String login,
            String apiKey) {
        this.database = database;
        this.faults = faults;
        this.webhooks = webhooks;
        this.business = new OdooBusiness();
        business.keepTotals(database);
        this.orm = new OdooOrm(business);
        business.use(orm);
        this.databaseName = databaseName;
        this.login = login;
        this.apiKeys.put(apiKey, 2L);
        database.transaction(true, tx -> {
            OdooSeed.into(tx);
            return null;
        }, tx -> { }, tx -> { });
    }

    OdooOrm orm() {
        return orm;
    }

    Map<String, Long> calls() {
        Map<String, Long> counts = new LinkedHashMap<>();
        calls.forEach((key, count) -> counts.put(key, count.get()));
        return counts;
    }

    int version() {
        return database.version;
    }

    String databaseName() {
        return databaseName;
    }

    /** {@code common.authenticate}: the uid, or {@code false} for bad credentials (not an error). */
    Object authenticate(String db, String user, String key) {
        return databaseName.equals(db) && login.equals(user) && uidForKey(key) != null ? uidForKey(key) : false;
    }

    /** Resolves an API key to its user, as JSON-2's bearer check and execute_kw's re-check do. */
    Long uidForKey(String key) {
        return key == null || faults.keysExpired() ? null : apiKeys.get(key);
    }

    Map<String, Object> versionInfo() {
        Map<String, Object> info = new LinkedHashMap<>();
        String serie = database.version + ".0";
        info.put("server_version", serie);
        info.put("server_version_info", List.of(database.version, 0, 0, "final", 0, ""));
        info.put("server_serie", serie);
        info.put("protocol_version", 1);
        return info;
    }

    /** execute_kw(db, uid, key, model, method, args, kwargs) from XML-RPC and JSON-RPC. */
    Object executeKw(List<Object> params) {
        if (params.size() < 5) {
            throw OdooFault.badArguments("execute_kw() missing required positional arguments");
        }
        String db = String.valueOf(params.get(0));
        if (!databaseName.equals(db)) {
            throw OdooFault.valueError("database \"" + db + "\" does not exist");
        }
        Long uid = params.get(1) instanceof Number number ? number.longValue() : null;
        Long keyOwner = uidForKey(String.valueOf(params.get(2)));
        if (uid == null || !uid.equals(keyOwner)) {
            throw OdooFault.accessDenied();
        }
        String model = String.valueOf(params.get(3));
        String method = String.valueOf(params.get(4));
        List<?> args = params.size() > 5 && params.get(5) instanceof List<?> list ? list : List.of();
        @SuppressWarnings("unchecked")
        Map<String, Object> kwargs = params.size() > 6 && params.get(6) instanceof Map<?, ?> map
                ? new LinkedHashMap<>((Map<String, Object>) map) : new LinkedHashMap<>();
        checkCallable(model, method);
        List<Long> ids = List.of();
        List<Object> positional = new ArrayList<>(args);
        if (method.equals("create") && positional.isEmpty()) {
            // execute_kw hands create to _call_kw_model_create, which reads its values from args[0] only.
            throw OdooFault.unexpected("builtins.IndexError", database.version >= 19 ? "list index out of range" : "tuple index out of range");
        }
        if (isRecordMethod(method)) {
            if (positional.isEmpty()) {
                throw OdooFault.badArguments(method + "() missing 1 required positional argument: 'ids'");
            }
            ids = OdooDatabase.Transaction.ids(positional.remove(0));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> context = kwargs.remove("context") instanceof Map<?, ?> given ? (Map<String, Object>) given : Map.of();
        Map<String, Object> named = bind(method, positional, kwargs);
        Object result = invoke(new Call(model, method, ids, named, context));
        if (method.equals("create") && !(named.get("vals_list") instanceof List<?>) && result instanceof List<?> created) {
            return created.get(0);
        }
        return result;
    }

    void checkCallable(String model, String method) {
        if (method.startsWith("_")) {
            throw OdooFault.accessError("Private methods (such as " + model + "." + method + ") cannot be called remotely.");
        }
    }

    boolean exists(String model, String method) {
        return database.models.containsKey(model) && (PARAMETERS.containsKey(method) || OdooBusiness.exists(model, method));
    }

    Object invoke(Call call) {
        checkCallable(call.model(), call.method());
        if (!database.models.containsKey(call.model())) {
            throw OdooFault.userError("Object " + call.model() + " doesn't exist");
        }
        if (!exists(call.model(), call.method())) {
            throw OdooFault.unexpected("builtins.AttributeError",
                    "type object '" + call.model() + "' has no attribute '" + call.method() + "'");
        }
        List<String> allowed = PARAMETERS.getOrDefault(call.method(), List.of());
        for (String name : call.arguments().keySet()) {
            if (!allowed.contains(name)) {
                throw OdooFault.badArguments(call.method() + "() got an unexpected keyword argument '" + name + "'");
            }
        }
        for (String name : REQUIRED.getOrDefault(call.method(), List.of())) {
            if (!call.arguments().containsKey(name)) {
                throw OdooFault.badArguments(call.method() + "() missing 1 required positional argument: '" + name + "'");
            }
        }
        calls.computeIfAbsent(call.model() + "/" + call.method(), key -> new AtomicLong()).incrementAndGet();
        boolean writes = !READ_ONLY.contains(call.method());
        if (writes && faults.writesDenied(call.model())) {
            throw OdooFault.accessError("You are not allowed to modify '" + call.model() + "' (" + call.model()
                    + ") records.\n\nThis operation is allowed for the following groups:\n\t- Sales/Administrator\n\n"
                    + "Contact your administrator to request access if necessary.");
        }
        if (writes && faults.takeSerializationFailure()) {
            throw OdooFault.serializationFailure();
        }
        return database.transaction(writes, tx -> run(tx.withContext(call.context()), call),
                tx -> webhooks.fire(tx, orm, true), tx -> webhooks.fire(tx, orm, false));
    }

    private Object run(OdooDatabase.Transaction tx, Call call) {
        Map<String, Object> args = call.arguments();
        return switch (call.method()) {
            case "search_read" -> {
                List<Map<String, Object>> found = orm.searchRecords(tx, call.model(), args.get("domain"),
                        (Number) numberOrNull(args.get("offset")), (Number) numberOrNull(args.get("limit")), args.get("order"));
                yield found.stream().map(record -> orm.toWire(tx, call.model(), record, args.get("fields"), loadsNames(args))).toList();
            }
            case "search" -> orm.search(tx, call.model(), args.get("domain"), (Number) numberOrNull(args.get("offset")),
                    (Number) numberOrNull(args.get("limit")), args.get("order"));
            case "search_count" -> orm.count(tx, call.model(), args.get("domain"));
            case "read" -> orm.read(tx, call.model(), call.ids(), args.get("fields"), loadsNames(args));
            case "create" -> orm.create(tx, call.model(), valsList(args.get("vals_list")));
            case "write" -> {
                orm.write(tx, call.model(), call.ids(), vals(args.get("vals")));
                yield true;
            }
            case "unlink" -> {
                orm.unlink(tx, call.model(), call.ids());
                yield true;
            }
            case "fields_get" -> orm.fieldsGet(tx, call.model(), args.get("allfields"), args.get("attributes"));
            case "name_search" -> OdooQueries.nameSearch(orm, tx, call.model(), args);
            case "read_group" -> OdooQueries.readGroup(orm, tx, call.model(), args);
            case "context_get" -> {
                if (!call.model().equals("res.users")) {
                    throw OdooFault.unexpected("builtins.AttributeError", "type object '" + call.model() + "' has no attribute 'context_get'");
                }
                yield Map.of("lang", "en_US", "tz", "UTC", "uid", OdooDatabase.USER);
            }
            default -> business.call(tx, call.model(), call.method(), call.ids());
        };
    }

    /**
     * Many2ones read as {@code [id, name]} unless {@code load} is given as anything but
     * {@code "_classic_read"}: JSON null (Python's None) and XML-RPC's "None" alike give bare ids.
     */
    private static boolean loadsNames(Map<String, Object> args) {
        return !args.containsKey("load") || "_classic_read".equals(args.get("load"));
    }

    boolean isRecordMethod(String method) {
        return RECORD_METHODS.contains(method) || !PARAMETERS.containsKey(method);
    }

    private static Map<String, Object> bind(String method, List<Object> positional, Map<String, Object> kwargs) {
        List<String> names = PARAMETERS.getOrDefault(method, List.of());
        if (positional.size() > names.size()) {
            throw OdooFault.badArguments(method + "() takes " + names.size() + " positional arguments but "
                    + positional.size() + " were given");
        }
        Map<String, Object> named = new LinkedHashMap<>();
        for (int i = 0; i < positional.size(); i++) {
            named.put(names.get(i), positional.get(i));
        }
        kwargs.forEach((name, value) -> {
            if (named.containsKey(name)) {
                throw OdooFault.badArguments(method + "() got multiple values for argument '" + name + "'");
            }
            named.put(name, value);
        });
        return named;
    }

    private static Object numberOrNull(Object value) {
        return value instanceof Number ? value : null;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> valsList(Object value) {
        if (value instanceof Map<?, ?> one) {
            return List.of((Map<String, Object>) one);
        }
        if (value instanceof List<?> many && many.stream().allMatch(Map.class::isInstance)) {
            return (List<Map<String, Object>>) many;
        }
        throw OdooFault.badArguments("create() expects a dict or a list of dicts, got " + value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> vals(Object value) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw OdooFault.badArguments("write() expects a dict of values, got " + value);
    }
}
