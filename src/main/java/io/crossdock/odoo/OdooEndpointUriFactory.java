package io.crossdock.odoo;

import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.apache.camel.support.component.EndpointUriFactorySupport;

/**
 * The {@code odoo:} endpoint's options, so route files are checked like Camel's own components:
 * a misspelt option in {@code routes/} is reported with its file and line before a route is made.
 */
public class OdooEndpointUriFactory extends EndpointUriFactorySupport {

    private static final Set<String> OPTIONS = Set.of(
            "model", "connection", "operation", "method", "domain", "fields", "limit", "offset", "order", "cursor",
            "lazyStartProducer", "bridgeErrorHandler", "exceptionHandler", "exchangePattern", "pollStrategy",
            "sendEmptyMessageWhenIdle", "backoffErrorThreshold", "backoffIdleThreshold", "backoffMultiplier", "delay",
            "greedy", "initialDelay", "repeatCount", "runLoggingLevel", "scheduledExecutorService", "scheduler",
            "schedulerProperties", "startScheduler", "timeUnit", "useFixedDelay");

    @Override
    public boolean isEnabled(String scheme) {
        return "odoo".equals(scheme);
    }

    @Override
    public String buildUri(String scheme, Map<String, Object> properties, boolean encode) throws URISyntaxException {
        Map<String, Object> copy = new LinkedHashMap<>(properties);
        String syntax = scheme + ":model";
        String uri = buildPathParameter(syntax, syntax, "model", null, true, copy);
        return buildQueryParameters(uri, copy, encode);
    }

    @Override
    public Set<String> propertyNames() {
        return OPTIONS;
    }

    @Override
    public Set<String> secretPropertyNames() {
        return Set.of();
    }

    @Override
    public Set<String> multiValuePrefixes() {
        return Set.of("scheduler.");
    }

    @Override
    public boolean isLenientProperties() {
        return false;
    }
}
