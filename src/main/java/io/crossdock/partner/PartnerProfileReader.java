package io.crossdock.partner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads partner profiles from YAML files and refuses, with the file, line and field named, any
 * profile a route could not use: onboarding a partner is adding a file, so the file must be checked.
 */
public final class PartnerProfileReader {

    private static final Pattern PARTNER_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final Path mappings;
    private final List<PartnerProfileCheck> checks;

    /**
     * @param mappings the folder that profiles' mapping paths are relative to
     * @param checks what the format adapters check of a profile's part in their format (the EDI
     *        stage: delimiters, charsets, the documents it writes), after the checks made here
     */
    public PartnerProfileReader(Path mappings, List<PartnerProfileCheck> checks) {
        this.mappings = mappings;
        this.checks = List.copyOf(checks);
    }

    /** Reads every file, then checks that no two profiles share an id. */
    public List<PartnerProfile> readAll(List<Path> files) {
        Map<String, Path> seen = new LinkedHashMap<>();
        List<PartnerProfile> profiles = new ArrayList<>();
        for (Path file : files) {
            PartnerProfile profile = read(file);
            Path earlier = seen.putIfAbsent(profile.id(), file);
            if (earlier != null) {
                throw new InvalidPartnerProfileException(file + ": partner id '" + profile.id()
                        + "' is already used by " + earlier);
            }
            profiles.add(profile);
        }
        return profiles;
    }

    public PartnerProfile read(Path file) {
        PartnerProfile profile;
        try {
            profile = yaml.readValue(Files.readAllBytes(file), PartnerProfile.class);
        } catch (JsonMappingException e) {
            // Records are built once all their fields are read, so the parser's position is not the
            // field's line: name the field by its path instead.
            throw new InvalidPartnerProfileException(file + ": " + fieldPath(e) + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            String where = at == null ? "" : ", line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new InvalidPartnerProfileException(file + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InvalidPartnerProfileException(file + ": cannot be read: " + e.getMessage(), e);
        }
        if (profile == null) {
            throw new InvalidPartnerProfileException(file + ": is empty");
        }
        check(file, profile);
        if (profile.edi() != null) {
            checkEdi(file, profile.edi());
        }
        checkOrders(file, profile.ordersOrDefaults());
        for (PartnerProfileCheck check : checks) {
            try {
                check.check(profile);
            } catch (IllegalArgumentException e) {
                throw new InvalidPartnerProfileException(file + ": " + e.getMessage(), e);
            }
        }
        return profile;
    }

    private static String fieldPath(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        return path.isEmpty() ? "" : "field '" + path + "': ";
    }

    private void checkEdi(Path file, PartnerProfile.Edi edi) {
        if (!List.of("X12", "EDIFACT").contains(edi.standard())) {
            throw new InvalidPartnerProfileException(file + ": edi.standard '" + edi.standard()
                    + "' must be X12 or EDIFACT");
        }
        if (edi.identifiers().isEmpty()) {
            throw new InvalidPartnerProfileException(file + ": edi.identifiers needs at least one qualifier and id");
        }
        if (!PartnerProfile.Edi.ACKNOWLEDGMENTS.contains(edi.acknowledgmentOrDefault())) {
            throw new InvalidPartnerProfileException(file + ": edi.acknowledgment '" + edi.acknowledgment()
                    + "' must be one of " + PartnerProfile.Edi.ACKNOWLEDGMENTS);
        }
        if (edi.isEdifact() && !List.of("1", "2", "3", "4").contains(edi.syntaxVersionOrDefault())) {
            throw new InvalidPartnerProfileException(file + ": edi.syntaxVersion '" + edi.syntaxVersion() + "' must be 1, 2, 3 or 4");
        }
        edi.outboundOrNone().forEach((type, document) -> {
            for (String event : document.events()) {
                if (io.crossdock.canonical.EventType.byName(event).isEmpty()) {
                    throw new InvalidPartnerProfileException(file + ": edi.outbound." + type + ".events names '" + event
                            + "', which is not a canonical event (OrderAccepted, ...)");
                }
            }
            if (!Files.isRegularFile(mappings.resolve(document.mapping()))) {
                throw new InvalidPartnerProfileException(file + ": edi.outbound." + type + " names " + document.mapping()
                        + ", which is not a file under " + mappings);
            }
        });
        edi.inboundOrNone().forEach((type, document) -> {
            if (io.crossdock.canonical.EventType.byName(document.event()).isEmpty()) {
                throw new InvalidPartnerProfileException(file + ": edi.inbound." + type + ".event '" + document.event()
                        + "' is not a canonical event (OrderReceived, ...)");
            }
            for (String path : java.util.Arrays.asList(document.mapping(), document.loops())) {
                if (path != null && !Files.isRegularFile(mappings.resolve(path))) {
                    throw new InvalidPartnerProfileException(file + ": edi.inbound." + type + " names " + path
                            + ", which is not a file under " + mappings);
                }
            }
        });
    }

    private static void checkOrders(Path file, PartnerProfile.Orders orders) {
        if (!PartnerProfile.Orders.PRICE_MISMATCH.contains(orders.onPriceMismatchOrDefault())) {
            throw new InvalidPartnerProfileException(file + ": orders.onPriceMismatch '" + orders.onPriceMismatch()
                    + "' must be one of " + PartnerProfile.Orders.PRICE_MISMATCH);
        }
        if (!PartnerProfile.Orders.UNKNOWN_PRODUCT.contains(orders.onUnknownProductOrDefault())) {
            throw new InvalidPartnerProfileException(file + ": orders.onUnknownProduct '" + orders.onUnknownProduct()
                    + "' must be one of " + PartnerProfile.Orders.UNKNOWN_PRODUCT);
        }
        if (!PartnerProfile.Orders.SHORTAGE.contains(orders.onShortageOrDefault())) {
            throw new InvalidPartnerProfileException(file + ": orders.onShortage '" + orders.onShortage()
                    + "' must be one of " + PartnerProfile.Orders.SHORTAGE);
        }
        if (!PartnerProfile.Orders.CREDIT_LIMIT.contains(orders.onCreditLimitOrDefault())) {
            throw new InvalidPartnerProfileException(file + ": orders.onCreditLimit '" + orders.onCreditLimit()
                    + "' must be one of " + PartnerProfile.Orders.CREDIT_LIMIT);
        }
        if (orders.priceToleranceOrDefault().signum() < 0) {
            throw new InvalidPartnerProfileException(file + ": orders.priceTolerance must not be negative");
        }
    }

    private static void check(Path file, PartnerProfile profile) {
        if (!PARTNER_ID.matcher(profile.id()).matches()) {
            throw new InvalidPartnerProfileException(file + ": id '" + profile.id()
                    + "' must be lower-case letters, digits and dashes (it names routes, folders and metrics)");
        }
        PartnerProfile.Sftp sftp = profile.sftp();
        boolean hasPassword = sftp.password() != null && !sftp.password().isBlank();
        boolean hasKey = sftp.privateKeyFile() != null && !sftp.privateKeyFile().isBlank();
        if (hasPassword == hasKey) {
            throw new InvalidPartnerProfileException(file + ": sftp needs exactly one of 'password' or 'privateKeyFile'");
        }
        if (sftp.knownHostsFile().isBlank()) {
            throw new InvalidPartnerProfileException(file + ": sftp.knownHostsFile is required: host keys are always verified");
        }
    }
}
