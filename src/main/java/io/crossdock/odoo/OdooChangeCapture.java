package io.crossdock.odoo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

/**
 * Where Odoo's two change signals meet: webhook notifications (fast, but unsigned, possibly sent
 * before the commit, and lost when a call fails) and the {@code write_date} poll (slow, but
 * complete). A webhook is confirmed by reading the record; either path delivers a change to its
 * route only after claiming it in {@link OdooChangeLedger}, so each change arrives once.
 */
@ApplicationScoped
public class OdooChangeCapture {

    private static final Logger LOG = Logger.getLogger(OdooChangeCapture.class);
    private static final String POD = System.getenv().getOrDefault("HOSTNAME", "pod") + "-" + UUID.randomUUID();
    private static final int RECENT_DELIVERIES = 50_000;

    private final OdooChangeLedger ledger;
    private final OdooConfig.Changes settings;
    private final List<OdooChangeConsumer> consumers = new CopyOnWriteArrayList<>();
    /**
     * Changes this pod delivered lately. Every poll reads its look-back window again, and claiming each
     * change again in the ledger only to be refused was most of a busy poll's cost. A change delivered
     * here is never given back, so skipping it is safe; anything else still asks the ledger.
     */
    private final Set<String> deliveredHere = Collections.newSetFromMap(Collections.synchronizedMap(
            new LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > RECENT_DELIVERIES;
                }
            }));
    private final ScheduledExecutorService confirmations = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "odoo-webhook-confirm");
        thread.setDaemon(true);
        return thread;
    });

    public OdooChangeCapture(OdooChangeLedger ledger, OdooConfig config) {
        this.ledger = ledger;
        this.settings = config.changes();
    }

    void register(OdooChangeConsumer consumer) {
        consumers.add(consumer);
    }

    void unregister(OdooChangeConsumer consumer) {
        consumers.remove(consumer);
    }

    /** True when some route in this pod listens to changes of the model. */
    public boolean listensTo(String model) {
        return consumers.stream().anyMatch(consumer -> consumer.endpoint().model().equals(model));
    }

    /**
     * A webhook said a record changed. Answered at once (Odoo waits at most 1 s); the record is read
     * shortly after, and again if it does not show the change yet.
     */
    public void announced(String model, long id, String writeDateHint) {
        String hint = wholeSeconds(writeDateHint);
        for (OdooChangeConsumer consumer : consumers) {
            if (consumer.endpoint().model().equals(model)) {
                scheduleConfirmation(consumer, id, hint, 0);
            }
        }
    }

    /**
     * A webhook's write_date as a read shows it. Odoo's webhook sends Python's {@code str()} of the
     * timestamp, with microseconds ({@code 2026-12-04 16:50:12.123456}), while reads give whole
     * seconds: compared as sent, the read would never catch up. Anything else is no hint at all.
     */
    static String wholeSeconds(String writeDate) {
        if (writeDate == null || writeDate.length() < 19) {
            return null;
        }
        String seconds = writeDate.substring(0, 19).replace('T', ' ');
        try {
            LocalDateTime.parse(seconds, OdooValues.DATETIME);
            return seconds;
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private void scheduleConfirmation(OdooChangeConsumer consumer, long id, String hint, int attempt) {
        List<Duration> delays = settings.confirmDelays();
        if (attempt >= delays.size()) {
            LOG.infof("Odoo announced %s %d but never showed the change (rolled back?); the poll will deliver it if it was committed",
                    consumer.endpoint().model(), id);
            return;
        }
        confirmations.schedule(() -> confirm(consumer, id, hint, attempt), delays.get(attempt).toMillis(), TimeUnit.MILLISECONDS);
    }

    private void confirm(OdooChangeConsumer consumer, long id, String hint, int attempt) {
        try {
            if (!consumer.isRunAllowed()) {
                return;
            }
            OdooEndpoint endpoint = consumer.endpoint();
            List<Object> domain = new ArrayList<>(endpoint.domainList());
            domain.add(List.of("id", "=", id));
            List<Map<String, Object>> found = endpoint.client().searchRead(endpoint.model(), domain, fieldsOf(endpoint), null, 1, null);
            if (found.isEmpty() && hint != null && !endpoint.domainList().isEmpty() && isPastHint(endpoint, id, hint)) {
                // Odoo committed the change and the record is not one this route's domain takes.
                return;
            }
            if (found.isEmpty() || (hint != null && odooTime(writeDate(found.get(0))).compareTo(hint) < 0)) {
                scheduleConfirmation(consumer, id, hint, attempt + 1);
                return;
            }
            deliverOnce(consumer, found.get(0), "webhook");
        } catch (RuntimeException e) {
            LOG.warnf("Confirming Odoo's webhook for %s %d failed (%s); retrying later, and the poll is the safety net",
                    consumer.endpoint().model(), id, e.getMessage());
            scheduleConfirmation(consumer, id, hint, attempt + 1);
        }
    }

    private static boolean isPastHint(OdooEndpoint endpoint, long id, String hint) {
        List<Map<String, Object>> record = endpoint.client().searchRead(endpoint.model(), List.of(List.of("id", "=", id)),
                List.of("write_date"), null, 1, null);
        return !record.isEmpty() && odooTime(writeDate(record.get(0))).compareTo(hint) >= 0;
    }

    /** One poll of a consumer: the changes since its cursor, oldest first, paged. */
    int poll(OdooChangeConsumer consumer) {
        OdooEndpoint endpoint = consumer.endpoint();
        String key = consumer.key();
        String start = odooTime(Instant.now().minus(settings.lookback()));
        var leased = ledger.lease(key, POD, Duration.ofMinutes(5), start);
        if (leased.isEmpty()) {
            return 0;
        }
        String position = leased.get().writeDate();
        Set<String> seen = new LinkedHashSet<>(leased.get().seen());
        int delivered = 0;
        try {
            String since = odooTime(LocalDateTime.parse(position, OdooValues.DATETIME).toInstant(ZoneOffset.UTC)
                    .minus(settings.lookback()));
            List<Object> domain = new ArrayList<>(endpoint.domainList());
            domain.add(List.of("write_date", ">=", since));
            int offset = 0;
            while (true) {
                List<Map<String, Object>> page = endpoint.client().searchRead(endpoint.model(), domain, fieldsOf(endpoint),
                        offset, settings.pageSize(), "write_date asc, id asc");
                for (Map<String, Object> record : page) {
                    String stamp = odooTime(writeDate(record));
                    String change = record.get("id") + ":" + fingerprint(record);
                    boolean alreadyHere = stamp.equals(position) && seen.contains(change);
                    if (!alreadyHere) {
                        Outcome outcome = deliverOnce(consumer, record, "poll");
                        if (outcome == Outcome.FAILED) {
                            return delivered;
                        }
                        delivered += outcome == Outcome.DELIVERED ? 1 : 0;
                    }
                    if (stamp.compareTo(position) > 0) {
                        position = stamp;
                        seen.clear();
                    }
                    if (stamp.equals(position)) {
                        seen.add(change);
                    }
                }
                if (page.size() < settings.pageSize()) {
                    return delivered;
                }
                offset += page.size();
            }
        } finally {
            ledger.release(key, POD, new OdooChangeLedger.Cursor(position, seen));
        }
    }

    enum Outcome { DELIVERED, DUPLICATE, FAILED }

    private Outcome deliverOnce(OdooChangeConsumer consumer, Map<String, Object> record, String source) {
        OdooEndpoint endpoint = consumer.endpoint();
        long id = ((Number) record.get("id")).longValue();
        Instant writeDate = writeDate(record);
        String stamp = odooTime(writeDate);
        String fingerprint = fingerprint(record);
        String change = consumer.key() + " " + id + " " + stamp + " " + fingerprint;
        if (deliveredHere.contains(change) || !ledger.claim(consumer.key(), endpoint.model(), id, stamp, fingerprint, source)) {
            return Outcome.DUPLICATE;
        }
        if (consumer.deliver(record, id, writeDate, source)) {
            deliveredHere.add(change);
            return Outcome.DELIVERED;
        }
        ledger.unclaim(consumer.key(), endpoint.model(), id, stamp, fingerprint);
        return Outcome.FAILED;
    }

    /**
     * What the consumer sees of the record. Odoo's write_date has whole seconds, so two writes
     * within one second are told apart by their content; the same content seen by webhook and
     * poll is one change.
     */
    static String fingerprint(Map<String, Object> record) {
        java.util.TreeMap<String, Object> sorted = new java.util.TreeMap<>(record);
        sorted.remove("write_date");
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(sorted.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> fieldsOf(OdooEndpoint endpoint) {
        List<String> fields = new ArrayList<>(endpoint.fieldList());
        if (!fields.isEmpty() && !fields.contains("write_date")) {
            fields.add("write_date");
        }
        return fields;
    }

    private static Instant writeDate(Map<String, Object> record) {
        Object value = record.get("write_date");
        if (value instanceof Instant instant) {
            return instant;
        }
        throw new IllegalStateException("Odoo sent no write_date for " + record.get("id"));
    }

    static String odooTime(Instant instant) {
        return OdooValues.DATETIME.format(instant.atOffset(ZoneOffset.UTC));
    }

    @PreDestroy
    void stop() {
        confirmations.shutdownNow();
    }
}
