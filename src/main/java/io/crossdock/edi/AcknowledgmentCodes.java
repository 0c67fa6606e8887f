package io.crossdock.edi;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The X12 997/999 code lists, both ways: the code we write for an error our reader found (by the
 * reader's error name), and what a code in a partner's acknowledgment means, in words.
 */
final class AcknowledgmentCodes {

    /** AK3-04 / IK3-04, by the reader's error name. */
    private static final Map<String, String> SEGMENT = ordered(
            "UNRECOGNIZED_SEGMENT_ID", "1", "UNEXPECTED_SEGMENT", "2", "MANDATORY_SEGMENT_MISSING", "3",
            "LOOP_OCCURS_OVER_MAXIMUM_TIMES", "4", "SEGMENT_EXCEEDS_MAXIMUM_USE", "5", "SEGMENT_NOT_IN_DEFINED_TRANSACTION_SET", "6",
            "SEGMENT_NOT_IN_PROPER_SEQUENCE", "7", "SEGMENT_HAS_DATA_ELEMENT_ERRORS", "8",
            "IMPLEMENTATION_UNUSED_SEGMENT_PRESENT", "I4", "IMPLEMENTATION_DEPENDENT_SEGMENT_MISSING", "I6",
            "IMPLEMENTATION_LOOP_OCCURS_UNDER_MINIMUM_TIMES", "I7", "IMPLEMENTATION_SEGMENT_BELOW_MINIMUM_USE", "I8",
            "IMPLEMENTATION_DEPENDENT_NOT_USED_SEGMENT_PRESENT", "I9");

    /** AK4-03 / IK4-03, by the reader's error name. */
    private static final Map<String, String> ELEMENT = ordered(
            "REQUIRED_DATA_ELEMENT_MISSING", "1", "CONDITIONAL_REQUIRED_DATA_ELEMENT_MISSING", "2", "TOO_MANY_DATA_ELEMENTS", "3",
            "DATA_ELEMENT_TOO_SHORT", "4", "DATA_ELEMENT_TOO_LONG", "5", "INVALID_CHARACTER_DATA", "6", "INVALID_CODE_VALUE", "7",
            "INVALID_DATE", "8", "INVALID_TIME", "9", "EXCLUSION_CONDITION_VIOLATED", "10", "TOO_MANY_REPETITIONS", "12",
            "TOO_MANY_COMPONENTS", "13", "IMPLEMENTATION_DEPENDENT_DATA_ELEMENT_MISSING", "I6",
            "IMPLEMENTATION_UNUSED_DATA_ELEMENT_PRESENT", "I10", "IMPLEMENTATION_TOO_FEW_REPETITIONS", "I11",
            "IMPLEMENTATION_PATTERN_MATCH_FAILURE", "I12", "IMPLEMENTATION_DEPENDENT_NOT_USED_DATA_ELEMENT_PRESENT", "I13");

    /** AK5-02..06 / IK5-02..06. */
    private static final Map<String, String> SET = Map.ofEntries(
            Map.entry("1", "transaction set not supported"), Map.entry("2", "transaction set trailer missing"),
            Map.entry("3", "transaction set control number in header and trailer do not match"),
            Map.entry("4", "number of included segments does not match actual count"),
            Map.entry("5", "one or more segments in error"), Map.entry("6", "missing or invalid transaction set identifier"),
            Map.entry("7", "missing or invalid transaction set control number"), Map.entry("8", "authentication key name unknown"),
            Map.entry("9", "encryption key name unknown"), Map.entry("10", "requested service not available"),
            Map.entry("11", "unknown security recipient"), Map.entry("12", "incorrect message length"),
            Map.entry("13", "message authentication code failed"), Map.entry("15", "unknown security originator"),
            Map.entry("16", "syntax error in decrypted text"), Map.entry("17", "security not supported"),
            Map.entry("18", "transaction set not in functional group"), Map.entry("19", "invalid transaction set implementation convention reference"),
            Map.entry("23", "transaction set control number not unique within the functional group"),
            Map.entry("24", "S3E security end segment missing for S3S security start segment"),
            Map.entry("25", "S3S security start segment missing for S3E security end segment"),
            Map.entry("26", "S4E security end segment missing for S4S security start segment"),
            Map.entry("27", "S4S security start segment missing for S4E security end segment"),
            Map.entry("I5", "implementation one or more segments in error"), Map.entry("I6", "implementation convention not supported"));

    /** AK9-05..09. */
    private static final Map<String, String> GROUP = Map.ofEntries(
            Map.entry("1", "functional group not supported"), Map.entry("2", "functional group version not supported"),
            Map.entry("3", "functional group trailer missing"),
            Map.entry("4", "group control number in the functional group header and trailer do not agree"),
            Map.entry("5", "number of included transaction sets does not match actual count"),
            Map.entry("6", "group control number violates syntax"), Map.entry("10", "authentication key name unknown"),
            Map.entry("11", "encryption key name unknown"), Map.entry("12", "requested service not available"),
            Map.entry("13", "unknown security recipient"), Map.entry("14", "unknown security originator"),
            Map.entry("15", "syntax error in decrypted text"), Map.entry("16", "security not supported"),
            Map.entry("17", "incorrect message length"), Map.entry("18", "message authentication code failed"),
            Map.entry("19", "functional group control number not unique within interchange"),
            Map.entry("23", "S3E security end segment missing for S3S security start segment"),
            Map.entry("24", "S3S security start segment missing for S3E end segment"),
            Map.entry("25", "S4E security end segment missing for S4S security start segment"),
            Map.entry("26", "S4S security start segment missing for S4E security end segment"));

    /** EDIFACT syntax error codes (0085) for the reader's error names, as CONTRL reports them. */
    private static final Map<String, String> SYNTAX = ordered(
            "INVALID_CODE_VALUE", "12", "INVALID_DATE", "12", "INVALID_TIME", "12",
            "REQUIRED_DATA_ELEMENT_MISSING", "13", "CONDITIONAL_REQUIRED_DATA_ELEMENT_MISSING", "13",
            "MANDATORY_SEGMENT_MISSING", "13", "TRUNCATED", "13",
            "UNEXPECTED_SEGMENT", "15", "SEGMENT_NOT_IN_PROPER_SEQUENCE", "15", "UNRECOGNIZED_SEGMENT_ID", "15",
            "SEGMENT_NOT_IN_DEFINED_TRANSACTION_SET", "15",
            "TOO_MANY_DATA_ELEMENTS", "16", "TOO_MANY_COMPONENTS", "16",
            "INVALID_CHARACTER_DATA", "21", "UNKNOWN_INTERCHANGE_SENDER", "23", "DUPLICATE_INTERCHANGE", "26",
            "CONTROL_REFERENCE_MISMATCH", "28", "CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT", "29",
            "TOO_MANY_REPETITIONS", "35", "SEGMENT_EXCEEDS_MAXIMUM_USE", "35", "LOOP_OCCURS_OVER_MAXIMUM_TIMES", "36",
            "DATA_ELEMENT_TOO_LONG", "39", "DATA_ELEMENT_TOO_SHORT", "40");

    /** EDIFACT syntax error codes (0085, ISO 9735) in words, for what a partner's CONTRL says. */
    private static final Map<String, String> SYNTAX_WORDS = Map.ofEntries(
            Map.entry("2", "syntax version or level not supported"), Map.entry("7", "interchange recipient not actual recipient"),
            Map.entry("12", "invalid value"), Map.entry("13", "missing"), Map.entry("14", "value not supported in this position"),
            Map.entry("15", "not supported in this position"), Map.entry("16", "too many constituents"), Map.entry("17", "no agreement"),
            Map.entry("18", "unspecified error"), Map.entry("19", "invalid decimal notation"),
            Map.entry("20", "character invalid as service character"), Map.entry("21", "invalid character(s)"),
            Map.entry("22", "invalid service character(s)"), Map.entry("23", "unknown interchange sender"), Map.entry("24", "too old"),
            Map.entry("25", "test indicator not supported"), Map.entry("26", "duplicate detected"),
            Map.entry("27", "security function not supported"), Map.entry("28", "references do not match"),
            Map.entry("29", "control count does not match number of instances received"),
            Map.entry("30", "functional groups and messages mixed"), Map.entry("31", "more than one message type in group"),
            Map.entry("32", "lower level empty"), Map.entry("33", "invalid occurrence outside message, package or group"),
            Map.entry("35", "too many segment repetitions"), Map.entry("36", "too many segment group repetitions"),
            Map.entry("37", "invalid type of character(s)"), Map.entry("38", "missing digit in front of decimal sign"),
            Map.entry("39", "data element too long"), Map.entry("40", "data element too short"),
            Map.entry("43", "unknown interchange recipient"), Map.entry("45", "trailing separator"),
            Map.entry("46", "character set not supported"), Map.entry("47", "envelope functionality not supported"));

    private AcknowledgmentCodes() {
    }

    /** A CONTRL's syntax error code (0085) in words. */
    static String syntaxError(String code) {
        return SYNTAX_WORDS.getOrDefault(code, "code " + code);
    }

    /** The CONTRL syntax error code (0085) for an error our reader reported; 18 (unspecified) when none fits. */
    static String syntaxCode(String error) {
        return SYNTAX.getOrDefault(error, "18");
    }

    /** The AK3-04 code for a segment error our reader reported; "8" (data element errors) for the rest. */
    static String segmentCode(String error) {
        return SEGMENT.getOrDefault(error, "8");
    }

    /** The AK4-03 code for an element error our reader reported; "6" (invalid character) when no code fits better. */
    static String elementCode(String error) {
        return ELEMENT.getOrDefault(error, "6");
    }

    static String segmentError(String code) {
        return words(SEGMENT, code);
    }

    static String elementError(String code) {
        return words(ELEMENT, code);
    }

    static String setError(String code) {
        return SET.getOrDefault(code, "code " + code);
    }

    static String groupError(String code) {
        return GROUP.getOrDefault(code, "code " + code);
    }

    private static String words(Map<String, String> byName, String code) {
        return byName.entrySet().stream().filter(entry -> entry.getValue().equals(code)).findFirst()
                .map(entry -> entry.getKey().toLowerCase(Locale.ROOT).replace('_', ' ')).orElse("code " + code);
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
