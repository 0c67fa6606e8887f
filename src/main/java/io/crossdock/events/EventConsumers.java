package io.crossdock.events;

import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.crossdock.ops.RoutesReloaded;
import io.quarkus.runtime.StartupEvent;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.jboss.logging.Logger;

/**
 * Makes each event handler's two routes from the templates in {@code routes/events/event-consumer.yaml}:
 * {@code consume-<consumer>} reads its topics, {@code apply-<consumer>} retries and dead-letters one
 * event. The retry settings are {@code crossdock.events.retry.*}, overridden per consumer by
 * {@code crossdock.events.consumers.<consumer>.*}.
 */
@ApplicationScoped
public class EventConsumers {

    public static final String CONSUMER_TEMPLATE = "event-consumer";
    public static final String ONE_BY_ONE_TEMPLATE = "event-consumer-one-by-one";

    private static final Logger LOG = Logger.getLogger(EventConsumers.class);

    private final CamelContext camel;
    private final EventConsumption consumption;
    private final EventTopics topics;
    private final EventBackboneConfig config;

    public EventConsumers(CamelContext camel, EventConsumption consumption, EventTopics topics, EventBackboneConfig config) {
        this.camel = camel;
        this.consumption = consumption;
        this.topics = topics;
        this.config = config;
    }

    void onStart(@Observes StartupEvent start) throws Exception {
        topics.ensureExist();
        refresh();
    }

    void onRoutesReloaded(@Observes RoutesReloaded reloaded) throws Exception {
        if (reloaded.templateIds().contains(CONSUMER_TEMPLATE) || reloaded.templateIds().contains(ONE_BY_ONE_TEMPLATE)) {
            refresh();
        }
    }

    /** (Re)creates every handler's routes from the current templates. */
    public synchronized void refresh() throws Exception {
        for (EventHandler handler : consumption.handlers().values()) {
            String consumer = handler.consumer();
            EventBackboneConfig.Retry retry = config.retry();
            Optional<EventBackboneConfig.ConsumerSettings> own = Optional.ofNullable(config.consumers().get(consumer));
            remove("apply-" + consumer);
            TemplatedRouteBuilder.builder(camel, ONE_BY_ONE_TEMPLATE)
                    .routeId("apply-" + consumer)
                    .parameter("consumer", consumer)
                    .parameter("maxRedeliveries", setting(own, EventBackboneConfig.ConsumerSettings::maxRedeliveries, retry.maxRedeliveries()))
                    .parameter("redeliveryDelay", setting(own, EventBackboneConfig.ConsumerSettings::initialDelayMs, retry.initialDelayMs()))
                    .parameter("backOffMultiplier", setting(own, EventBackboneConfig.ConsumerSettings::multiplier, retry.multiplier()))
                    .parameter("maximumRedeliveryDelay", setting(own, EventBackboneConfig.ConsumerSettings::maxDelayMs, retry.maxDelayMs()))
                    .add();
            remove("consume-" + consumer);
            TemplatedRouteBuilder.builder(camel, CONSUMER_TEMPLATE)
                    .routeId("consume-" + consumer)
                    .parameter("consumer", consumer)
                    .parameter("topics", Stream.concat(handler.families().stream().sorted().map(topics::topicOf),
                            handler.otherTopics().stream()).collect(Collectors.joining(",")))
                    .parameter("batchWindowMs", String.valueOf(config.batchWindowMs()))
                    .parameter("maxPollRecords", setting(own, EventBackboneConfig.ConsumerSettings::maxPollRecords, 500))
                    .parameter("threads", setting(own, EventBackboneConfig.ConsumerSettings::threads, config.partitions()))
                    .add();
            LOG.debugf("Event consumer %s reads %s", consumer, camel.getRoute("consume-" + consumer).getEndpoint().getEndpointUri());
        }
    }

    private void remove(String routeId) throws Exception {
        if (camel.getRoute(routeId) != null) {
            camel.getRouteController().stopRoute(routeId);
            camel.removeRoute(routeId);
        }
    }

    private static <T> String setting(Optional<EventBackboneConfig.ConsumerSettings> own,
            Function<EventBackboneConfig.ConsumerSettings, Optional<T>> override, T fallback) {
        return String.valueOf(own.flatMap(override).orElse(fallback));
    }
}
