package io.crossdock.sandbox.odoo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jboss.logging.Logger;

/**
 * Odoo 17+'s "Send Webhook Notification" server actions, with their flaws: a JSON body with sorted
 * keys and no signature, a 1 s timeout, no retry, and on 17/18 the call is made inside the
 * transaction (before the change is committed and visible), on 19 after the commit.
 */
final class OdooWebhooks {

    private static final Logger LOG = Logger.getLogger(OdooWebhooks.class);

    /** One automation rule: on which model and trigger, where to, which fields. */
    record Rule(int actionId, String name, String model, String trigger, String url, List<String> fields) {
    }

    /** What happened to one notification, for tests and the emulator's stats. */
    record Delivery(String model, long id, String url, String outcome) {
    }

    private final int version;
    private final OdooFaults faults;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final AtomicInteger actionIds = new AtomicInteger(100);

    OdooWebhooks(int version, OdooFaults faults) {
        this.version = version;
        this.faults = faults;
    }

    Rule add(String model, String trigger, String url, List<String> fields) {
        if (version < 17) {
            throw new IllegalStateException("Odoo " + version + " has no webhook server actions (17 and later do)");
        }
        if (!List.of("on_create", "on_write", "on_create_or_write").contains(trigger)) {
            throw new IllegalArgumentException("trigger must be on_create, on_write or on_create_or_write, not " + trigger);
        }
        Rule rule = new Rule(actionIds.incrementAndGet(), "Notify " + model, model, trigger, url, List.copyOf(fields));
        rules.add(rule);
        return rule;
    }

    List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** Called once before and once after each commit; only the call matching the version sends. */
    void fire(OdooDatabase.Transaction tx, OdooOrm orm, boolean beforeCommit) {
        if (rules.isEmpty() || beforeCommit != (version < 19)) {
            return;
        }
        List<HttpRequest> requests = new ArrayList<>();
        List<Delivery> pending = new ArrayList<>();
        for (OdooDatabase.Change change : tx.changes) {
            for (Rule rule : rules) {
                boolean matches = rule.model().equals(change.model()) && switch (rule.trigger()) {
                    case "on_create" -> change.created();
                    case "on_write" -> !change.created();
                    default -> true;
                };
                if (matches && tx.find(change.model(), change.id()) != null) {
                    requests.add(request(rule, payload(tx, orm, rule, change)));
                    pending.add(new Delivery(change.model(), change.id(), rule.url(), ""));
                }
            }
        }
        for (int i = 0; i < requests.size(); i++) {
            Delivery delivery = pending.get(i);
            deliveries.add(new Delivery(delivery.model(), delivery.id(), delivery.url(), send(requests.get(i))));
        }
    }

    private Map<String, Object> payload(OdooDatabase.Transaction tx, OdooOrm orm, Rule rule, OdooDatabase.Change change) {
        Map<String, Object> body = new TreeMap<>(orm.toWire(tx, change.model(), tx.get(change.model(), change.id()),
                rule.fields().isEmpty() ? List.of("id") : rule.fields(), false));
        // Odoo serialises the read with json.dumps(default=str): a datetime keeps the microseconds the
        // database holds (reads show whole seconds); the emulator keeps none, so it makes some up.
        String micros = String.format(".%06d", 1 + java.util.concurrent.ThreadLocalRandom.current().nextInt(999_999));
        ModelSpec spec = tx.model(change.model());
        body.replaceAll((field, value) -> spec.has(field) && "datetime".equals(spec.field(field).type())
                && value instanceof String stamp && stamp.length() == 19 ? stamp + micros : value);
        body.put("_action", rule.name() + "(#" + rule.actionId() + ")");
        body.put("_id", change.id());
        body.put("_model", change.model());
        body.put("id", change.id());
        return body;
    }

    private HttpRequest request(Rule rule, Map<String, Object> body) {
        try {
            return HttpRequest.newBuilder(URI.create(rule.url())).timeout(Duration.ofSeconds(1))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Odoo logs a failed call and moves on: nothing is retried. */
    private String send(HttpRequest request) {
        if (faults.takeDroppedWebhook()) {
            return "dropped";
        }
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            return "HTTP " + response.statusCode();
        } catch (java.io.IOException e) {
            LOG.warnf("Webhook to %s failed and is not retried: %s", request.uri(), e.toString());
            return "failed: " + e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
