package io.crossdock.orchestration;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.crossdock.odoo.OdooRef;

/**
 * Countries and states as Odoo keeps them: {@code res.partner} holds {@code country_id} and
 * {@code state_id} many2ones (its {@code country_code} is a read-only related field), while the
 * canonical address carries ISO codes. Both directions are cached: Odoo's country and state tables
 * are reference data that a running hub never sees change.
 */
@ApplicationScoped
public class OdooGeography {

    private final OdooLookups odoo;
    private final Map<String, Optional<Long>> countryIds = new ConcurrentHashMap<>();
    private final Map<String, Optional<Long>> stateIds = new ConcurrentHashMap<>();
    private final Map<String, String> codes = new ConcurrentHashMap<>();

    public OdooGeography(OdooLookups odoo) {
        this.odoo = odoo;
    }

    /** The res.country of an ISO 3166 alpha-2 code, if Odoo knows it. */
    public Optional<Long> country(String isoCode) {
        if (isoCode == null || isoCode.isBlank()) {
            return Optional.empty();
        }
        return countryIds.computeIfAbsent(isoCode.toUpperCase(java.util.Locale.ROOT),
                code -> first(odoo.searchRead("res.country", List.of(List.of("code", "=", code)), "code", 1)));
    }

    /** The res.country.state of a state code (ISO 3166-2 subdivision, e.g. IL) within a country. */
    public Optional<Long> state(long country, String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return stateIds.computeIfAbsent(country + "/" + code.toUpperCase(java.util.Locale.ROOT), key -> first(odoo.searchRead(
                "res.country.state", List.of(List.of("country_id", "=", country), List.of("code", "=", code.toUpperCase(java.util.Locale.ROOT))),
                "code", 1)));
    }

    /** The code of a country or state many2one as read from a partner; null when unset. */
    public String code(String model, Object many2one) {
        if (!(many2one instanceof OdooRef ref)) {
            return null;
        }
        return codes.computeIfAbsent(model + "/" + ref.id(), key -> {
            List<Map<String, Object>> found = odoo.read(model, List.of(ref.id()), "code");
            return found.isEmpty() ? "" : String.valueOf(found.get(0).get("code"));
        }).transform(code -> code.isEmpty() ? null : code);
    }

    private static Optional<Long> first(List<Map<String, Object>> found) {
        return found.isEmpty() ? Optional.empty() : Optional.of(((Number) found.get(0).get("id")).longValue());
    }
}
