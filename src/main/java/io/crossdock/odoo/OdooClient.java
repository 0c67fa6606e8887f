package io.crossdock.odoo;

import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

/**
 * One Odoo connection: the ORM's methods with Java values in and out, the version's field names
 * translated, the configured context sent, and every call guarded (retry with backoff for
 * concurrency and transport failures, a circuit breaker on transport failures).
 */
public final class OdooClient {

    private static final Logger LOG = Logger.getLogger(OdooClient.class);

    /** What the health check reports. */
    public record Health(boolean configured, String authenticationProblem, CircuitBreakerState circuit, Integer version) {
    }

    private final String name;
    private final OdooConnectionSettings connection;
    private final OdooHttp http;
    private final Map<String, Object> baseContext;
    private final Guard guard;
    private final Map<String, Map<String, Map<String, Object>>> fieldsByModel = new ConcurrentHashMap<>();
    private volatile OdooTransport transport;
    private volatile OdooDialect dialect;
    private volatile String authenticationProblem;
    private volatile CircuitBreakerState circuit = CircuitBreakerState.CLOSED;

    OdooClient(String name, OdooConnectionSettings connection, OdooConfig config, ObjectMapper json) {
        this.name = name;
        this.connection = connection;
        this.http = new OdooHttp(json, connection.timeout());
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("lang", connection.lang());
        context.put("tz", connection.tz());
        connection.companyIds().filter(ids -> !ids.isEmpty()).ifPresent(ids -> context.put("allowed_company_ids", ids));
        this.baseContext = Map.copyOf(context);
        OdooConfig.Retry retry = config.retry();
        OdooConfig.CircuitBreaker breaker = config.circuitBreaker();
        this.guard = Guard.create().withDescription("odoo connection " + name)
                .withRetry().maxRetries(retry.maxRetries()).delay(retry.delay().toMillis(), ChronoUnit.MILLIS)
                .jitter(retry.jitter().toMillis(), ChronoUnit.MILLIS)
                .retryOn(List.of(OdooConcurrencyException.class, OdooTransportException.class))
                .abortOn(OdooOutcomeUnknownException.class)
                .withExponentialBackoff().factor(2).maxDelay(retry.maxDelay().toMillis(), ChronoUnit.MILLIS).done()
                .done()
                .withCircuitBreaker().name("odoo-" + name).requestVolumeThreshold(breaker.requestVolume())
                .failureRatio(breaker.failureRatio()).delay(breaker.delay().toMillis(), ChronoUnit.MILLIS)
                .successThreshold(breaker.successThreshold()).failOn(OdooTransportException.class)
                .onStateChange(state -> {
                    circuit = state;
                    LOG.infof("Odoo connection %s: circuit breaker %s", name, state);
                }).done()
                .build();
    }

    public String name() {
        return name;
    }

    public boolean configured() {
        return connection.url().isPresent();
    }

    public int version() {
        return dialect().version();
    }

    public Health health() {
        return new Health(configured(), authenticationProblem, circuit, dialect == null ? null : dialect.version());
    }

    /**
     * One cheap call straight to Odoo, past retries and the breaker, so a health probe answers
     * quickly and notices when a rejected key has been fixed.
     */
    public void probe() {
        try {
            resolveDialect();
            transport().execute("res.partner", "search_count", null, Map.of("domain", List.of(List.of("id", "=", 0))), baseContext);
            authenticationProblem = null;
        } catch (OdooAuthenticationException e) {
            authenticationProblem = e.getMessage();
            throw e;
        }
    }

    // ---------- the ORM ----------

    public List<Map<String, Object>> searchRead(String model, List<?> domain, List<String> fields, Integer offset, Integer limit,
            String order) {
        OdooDialect d = dialect();
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("domain", OdooValues.scalar(d.domainToServer(model, domain == null ? List.of() : domain)));
        putIfPresent(args, "fields", d.fieldsToServer(model, fields));
        putIfPresent(args, "offset", offset);
        putIfPresent(args, "limit", limit);
        putIfPresent(args, "order", d.orderToServer(model, order));
        Object result = call(true, model, "search_read", null, args, Map.of());
        return records(model, result, fields);
    }

    public List<Map<String, Object>> read(String model, List<Long> ids, List<String> fields) {
        Map<String, Object> args = new LinkedHashMap<>();
        putIfPresent(args, "fields", dialect().fieldsToServer(model, fields));
        return records(model, call(true, model, "read", ids, args, Map.of()), fields);
    }

    @SuppressWarnings("unchecked")
    public List<Long> search(String model, List<?> domain, Integer offset, Integer limit, String order) {
        OdooDialect d = dialect();
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("domain", OdooValues.scalar(d.domainToServer(model, domain == null ? List.of() : domain)));
        putIfPresent(args, "offset", offset);
        putIfPresent(args, "limit", limit);
        putIfPresent(args, "order", d.orderToServer(model, order));
        return ids(call(true, model, "search", null, args, Map.of()));
    }

    public long count(String model, List<?> domain) {
        Object result = call(true, model, "search_count", null,
                Map.of("domain", OdooValues.scalar(dialect().domainToServer(model, domain == null ? List.of() : domain))), Map.of());
        return ((Number) result).longValue();
    }

    /** Creates all records in one call (Odoo's batch create) and answers their ids in order. */
    public List<Long> create(String model, List<Map<String, Object>> records) {
        return create(model, records, Map.of());
    }

    public List<Long> create(String model, List<Map<String, Object>> records, Map<String, Object> context) {
        List<Object> vals = new ArrayList<>();
        for (Map<String, Object> record : records) {
            vals.add(toServer(model, record));
        }
        return ids(call(false, model, "create", null, Map.of("vals_list", vals), context));
    }

    public boolean write(String model, List<Long> ids, Map<String, Object> values) {
        return Boolean.TRUE.equals(call(true, model, "write", ids, Map.of("vals", toServer(model, values)), Map.of()));
    }

    public boolean unlink(String model, List<Long> ids) {
        return Boolean.TRUE.equals(call(true, model, "unlink", ids, Map.of(), Map.of()));
    }

    /**
     * A business method on records ({@code action_confirm}, {@code button_validate},
     * {@code action_post}, {@code action_create_payments}, ...). Not repeated after a timeout:
     * Odoo may have done it.
     */
    public Object call(String model, String method, List<Long> ids, Map<String, Object> arguments, Map<String, Object> context) {
        Object result = call(false, model, method, ids == null ? List.of() : ids, arguments == null ? Map.of() : arguments,
                context == null ? Map.of() : context);
        return result instanceof Map<?, ?> map ? OdooValues.recordFromWire(map, Map.of()) : result;
    }

    /** The model's fields as {@code fields_get} describes them (type, relation, ...), by the names routes use. */
    public Map<String, Map<String, Object>> fields(String model) {
        return fieldsByModel.computeIfAbsent(model, key -> {
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> described = (Map<String, Map<String, Object>>) call(true, model, "fields_get", null,
                    Map.of("attributes", List.of("type", "relation", "required", "readonly", "string")), Map.of());
            Map<String, Map<String, Object>> byRouteName = new LinkedHashMap<>();
            described.forEach((field, meta) -> byRouteName.put(dialect().fromServer(model, field), meta));
            return byRouteName;
        });
    }

    // ---------- plumbing ----------

    private Map<String, Object> toServer(String model, Map<String, Object> values) {
        Map<String, Map<String, Object>> meta = fields(model);
        Map<String, Object> server = new LinkedHashMap<>();
        values.forEach((field, value) -> server.put(field, OdooValues.toWire(value, meta.get(field), this::toServer)));
        return dialect().valsToServer(model, server);
    }

    private List<Map<String, Object>> records(String model, Object result, List<String> requested) {
        Map<String, Map<String, Object>> meta = fields(model);
        List<Map<String, Object>> records = new ArrayList<>();
        for (Object item : (List<?>) result) {
            Map<String, Object> renamed = dialect().recordFromServer(model, stringKeys((Map<?, ?>) item), requested);
            records.add(OdooValues.recordFromWire(renamed, meta));
        }
        return records;
    }

    private Object call(boolean repeatable, String model, String method, List<Long> ids, Map<String, Object> arguments,
            Map<String, Object> context) {
        dialect();
        Map<String, Object> fullContext = new LinkedHashMap<>(baseContext);
        fullContext.putAll(context);
        Object scalarContext = OdooValues.scalar(fullContext);
        @SuppressWarnings("unchecked")
        Callable<Object> attempt = () -> {
            try {
                Object result = transport().execute(model, method, ids, arguments, (Map<String, Object>) scalarContext);
                authenticationProblem = null;
                return result;
            } catch (OdooAuthenticationException e) {
                authenticationProblem = e.getMessage();
                throw e;
            } catch (OdooTimeoutException e) {
                if (!repeatable && !(e instanceof OdooOutcomeUnknownException)) {
                    throw new OdooOutcomeUnknownException(e.getMessage() + "; " + model + "." + method
                            + " is not repeated because Odoo may have done it", e);
                }
                throw e;
            }
        };
        try {
            return guard.call(attempt, Object.class);
        } catch (CircuitBreakerOpenException e) {
            throw new OdooUnavailableException("Odoo connection " + name + " is paused after repeated transport failures"
                    + " (circuit breaker open); " + model + "." + method + " was not sent", e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new OdooException("Calling " + model + "." + method + " failed: " + e, null, e);
        }
    }

    /** The server's dialect, asking Odoo for its version on first use (retried like any call). */
    private OdooDialect dialect() {
        OdooDialect known = dialect;
        if (known != null) {
            return known;
        }
        try {
            return guard.call(this::resolveDialect, OdooDialect.class);
        } catch (CircuitBreakerOpenException e) {
            throw new OdooUnavailableException("Odoo connection " + name + " is paused (circuit breaker open)", e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new OdooException("Could not ask Odoo for its version: " + e, null, e);
        }
    }

    private synchronized OdooDialect resolveDialect() {
        if (dialect == null) {
            String configured = connection.version();
            dialect = new OdooDialect("auto".equals(configured) ? baseTransport(false).majorVersion() : Integer.parseInt(configured));
        }
        return dialect;
    }

    private OdooTransport transport() {
        OdooTransport known = transport;
        if (known == null) {
            synchronized (this) {
                if (transport == null) {
                    String protocol = connection.protocol();
                    boolean json2 = switch (protocol) {
                        case "json-2" -> true;
                        case "json-rpc" -> false;
                        case "auto" -> dialect().version() >= 19;
                        default -> throw new IllegalStateException("crossdock.odoo protocol must be auto, json-rpc or json-2, not " + protocol);
                    };
                    transport = baseTransport(json2);
                    LOG.infof("Odoo connection %s: Odoo %d at %s over %s", name, dialect().version(), url(), transport.name());
                }
                known = transport;
            }
        }
        return known;
    }

    private OdooTransport baseTransport(boolean json2) {
        URI url = url();
        String key = connection.apiKey().orElseThrow(() -> new OdooAuthenticationException(
                "No API key is configured for Odoo connection " + name + " (crossdock.odoo.api-key)", null));
        if (json2) {
            return new Json2Transport(http, url, connection.database(), key);
        }
        if ("json-2".equals(connection.protocol())) {
            return new Json2Transport(http, url, connection.database(), key);
        }
        return new JsonRpcTransport(http, url, connection.database(), connection.login().orElse(null), key);
    }

    private URI url() {
        return connection.url().orElseThrow(() -> new OdooServerException(
                "Odoo connection " + name + " has no URL (crossdock.odoo.url)", null));
    }

    private static void putIfPresent(Map<String, Object> args, String key, Object value) {
        if (value != null) {
            args.put(key, value);
        }
    }

    private static List<Long> ids(Object result) {
        if (result instanceof Number id) {
            return List.of(id.longValue());
        }
        return ((List<?>) result).stream().map(id -> ((Number) id).longValue()).toList();
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> result = new LinkedHashMap<>();
        map.forEach((key, value) -> result.put(String.valueOf(key), value));
        return result;
    }
}
