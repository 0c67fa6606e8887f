package io.crossdock.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes docs/configuration.md, the configuration reference, from the sources that define the
 * configuration, so a key, its default and its meaning are written once, in the code or in
 * application.properties, and the reference follows:
 * <ul>
 * <li>src/main/resources/application.properties: its keys, the comment lines above them, its
 * {@code # ---------- Section ----------} headers and its {@code %profile.} lines;</li>
 * <li>the {@code @ConfigMapping} interfaces under src/main/java: prefix, nested groups, maps
 * ({@code <name>}), {@code Optional}, {@code @WithDefault}, {@code @WithName},
 * {@code @WithParentName} and the javadoc above each method;</li>
 * <li>the {@code @ConfigProperty} injections (name, defaultValue, a doc comment right before the
 * annotation) and the {@code @LookupIfProperty} switches under src/main/java.</li>
 * </ul>
 * Only the JDK is used, so it also runs on its own (the single-file source launcher) from the
 * repository's root: {@value #COMMAND}. {@code ConfigurationReferenceTest} fails when
 * docs/configuration.md is not what this makes, and when a default is written twice.
 */
public final class ConfigurationReference {

    static final String OUTPUT = "docs/configuration.md";
    static final String PROPERTIES = "src/main/resources/application.properties";
    static final String SOURCES = "src/main/java";
    static final String SELF = "src/test/java/io/crossdock/build/ConfigurationReference.java";
    static final String COMMAND = "java " + SELF + " .";

    private static final List<String> PREFIXES = List.of("crossdock.", "kafka.", "camel.", "quarkus.");
    private static final List<String> PROFILE_ORDER = List.of("sandbox", "test", "prod");
    private static final String CODE_ONLY = "Set in code only";
    private static final String GENERAL = "General";

    public static void main(String[] args) throws IOException {
        Path repo = Path.of(args.length > 0 ? args[0] : ".");
        ConfigurationReference reference = new ConfigurationReference(repo);
        Path out = repo.resolve(OUTPUT);
        Files.createDirectories(out.getParent());
        Files.writeString(out, reference.markdown(), StandardCharsets.UTF_8);
        System.out.println("Wrote " + out.normalize());
        for (DoubleDefault twice : reference.defaultsWrittenTwice()) {
            System.err.println("Default written twice: " + twice);
        }
        for (String conflict : reference.codeDefaultsThatDisagree()) {
            System.err.println("Code defaults disagree: " + conflict);
        }
    }

    /** The text docs/configuration.md must have, from the sources under {@code repo} as they are now. */
    public static String generate(Path repo) {
        return new ConfigurationReference(repo).markdown();
    }

    /** Keys with a default in the code and an unprofiled line in application.properties. */
    public static List<DoubleDefault> defaultsWrittenTwice(Path repo) {
        return new ConfigurationReference(repo).defaultsWrittenTwice();
    }

    /** Keys the code gives different defaults in different places. */
    public static List<String> codeDefaultsThatDisagree(Path repo) {
        return new ConfigurationReference(repo).codeDefaultsThatDisagree();
    }

    /** A key defaulted both in the code and by an unprofiled application.properties line. */
    public record DoubleDefault(String key, String codeDefault, String codeSource, String propertiesValue, int line) {

        public boolean sameValue() {
            return codeDefault.equals(propertiesValue);
        }

        @Override
        public String toString() {
            return key + ": \"" + codeDefault + "\" in " + codeSource + " and \"" + propertiesValue + "\" in "
                    + PROPERTIES + ":" + line + (sameValue() ? "" : " (the values differ: decide which is meant)");
        }
    }

    // ------------------------------------------------------------------ the model

    private final Properties properties;
    private final List<Mapping> mappings = new ArrayList<>();
    private final Map<String, List<Injection>> injections = new TreeMap<>();
    private final Map<String, List<Switch>> switches = new TreeMap<>();

    ConfigurationReference(Path repo) {
        try {
            this.properties = Properties.read(repo.resolve(PROPERTIES));
            JavaSources sources = JavaSources.read(repo.resolve(SOURCES));
            for (TypeDecl type : sources.types) {
                Annotation mapping = type.annotation("ConfigMapping");
                if (mapping != null) {
                    mappings.add(Mapping.of(type, mapping, sources));
                }
            }
            for (Injection injection : sources.injections) {
                if (ours(injection.key)) {
                    injections.computeIfAbsent(injection.key, k -> new ArrayList<>()).add(injection);
                }
            }
            for (Switch sw : sources.switches) {
                if (ours(sw.key)) {
                    switches.computeIfAbsent(sw.key, k -> new ArrayList<>()).add(sw);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean ours(String key) {
        return PREFIXES.stream().anyMatch(key::startsWith);
    }

    List<DoubleDefault> defaultsWrittenTwice() {
        List<DoubleDefault> twice = new ArrayList<>();
        for (Map.Entry<String, List<CodeDefault>> entry : codeDefaults().entrySet()) {
            PropLine plain = properties.plain(entry.getKey());
            if (plain != null) {
                CodeDefault first = entry.getValue().get(0);
                twice.add(new DoubleDefault(entry.getKey(), first.value, first.source, plain.value, plain.line));
            }
        }
        return twice;
    }

    List<String> codeDefaultsThatDisagree() {
        List<String> conflicts = new ArrayList<>();
        for (Map.Entry<String, List<CodeDefault>> entry : codeDefaults().entrySet()) {
            if (entry.getValue().stream().map(d -> d.value).distinct().count() > 1) {
                conflicts.add(entry.getKey() + ": " + entry.getValue().stream()
                        .map(d -> "\"" + d.value + "\" in " + d.source).collect(Collectors.joining(", ")));
            }
        }
        return conflicts;
    }

    private record CodeDefault(String value, String source) {
    }

    /** Exact keys (no {@code <name>}) to the defaults the code gives them, in source order. */
    private Map<String, List<CodeDefault>> codeDefaults() {
        Map<String, List<CodeDefault>> defaults = new TreeMap<>();
        for (Mapping mapping : mappings) {
            for (MappingKey key : mapping.keys) {
                if (key.defaultValue != null && !key.key.contains("<")) {
                    defaults.computeIfAbsent(key.key, k -> new ArrayList<>())
                            .add(new CodeDefault(key.defaultValue, key.source + " (@WithDefault)"));
                }
            }
        }
        injections.forEach((key, list) -> list.stream().filter(i -> i.defaultValue != null).forEach(i -> defaults
                .computeIfAbsent(key, k -> new ArrayList<>())
                .add(new CodeDefault(i.defaultValue, i.className + " (@ConfigProperty defaultValue)"))));
        return defaults;
    }

    // ------------------------------------------------------------------ the reference

    private static final class Row {
        final String key;
        String section;
        int anchor;
        long order;
        final List<String> meaning = new ArrayList<>();
        MappingKey mappingKey;
        String instanceOf;
        final List<String> inlineDefaults = new ArrayList<>();

        Row(String key) {
            this.key = key;
        }
    }

    String markdown() {
        Map<String, Row> rows = new LinkedHashMap<>();
        Map<String, List<String>> mappingNotes = new LinkedHashMap<>();
        Map<String, String> patternOf = new LinkedHashMap<>();

        // Mappings: a block of rows per mapping, in declaration order, where the mapping first shows in the file.
        for (Mapping mapping : mappings) {
            for (MappingKey key : mapping.keys) {
                rows.put(key.key, new Row(key.key));
                rows.get(key.key).mappingKey = key;
            }
        }
        List<Pattern> patterns = new ArrayList<>();
        List<String> patternKeys = new ArrayList<>();
        for (Mapping mapping : mappings) {
            for (MappingKey key : mapping.keys) {
                if (key.key.contains("<")) {
                    patterns.add(Pattern.compile(Stream.of(key.key.split("<name>", -1)).map(Pattern::quote)
                            .collect(Collectors.joining("(?:[^.\"]+|\"[^\"]+\")"))));
                    patternKeys.add(key.key);
                }
            }
        }
        // Every key the file names, in a line or an example.
        Set<String> fileKeys = new LinkedHashSet<>(properties.firstLine.keySet());
        for (String key : fileKeys) {
            if (rows.containsKey(key)) {
                continue;
            }
            for (int i = 0; i < patterns.size(); i++) {
                if (patterns.get(i).matcher(key).matches()) {
                    patternOf.put(key, patternKeys.get(i));
                    break;
                }
            }
        }
        for (Mapping mapping : mappings) {
            // The section where most of the mapping's lines are, and there its first line.
            List<Integer> lines = new ArrayList<>();
            for (String key : fileKeys) {
                String pattern = patternOf.getOrDefault(key, key);
                if (mapping.keys.stream().anyMatch(k -> k.key.equals(pattern))) {
                    lines.addAll(properties.occurrences.get(key));
                }
            }
            Map<String, Integer> count = new LinkedHashMap<>();
            Map<String, Integer> first = new LinkedHashMap<>();
            lines.stream().sorted().forEach(line -> {
                count.merge(properties.sectionAt(line), 1, Integer::sum);
                first.putIfAbsent(properties.sectionAt(line), line);
            });
            String section = count.entrySet().stream()
                    .max(Comparator.comparingInt((Map.Entry<String, Integer> e) -> e.getValue())
                            .thenComparing(e -> -first.get(e.getKey())))
                    .map(Map.Entry::getKey).orElse(null);
            int anchor = section == null ? Integer.MAX_VALUE : first.get(section);
            if (section == null) {
                Placement placement = near(mapping.prefix);
                anchor = placement.line;
                section = placement.section;
            }
            int index = 0;
            for (MappingKey key : mapping.keys) {
                Row row = rows.get(key.key);
                row.section = section;
                row.anchor = anchor;
                row.order = index * 10_000L;
                if (key.meaning != null) {
                    row.meaning.add(key.meaning);
                }
                index++;
            }
            mappingNotes.computeIfAbsent(section, s -> new ArrayList<>()).add("`" + mapping.prefix + ".*` (" + mapping.className + ")"
                    + (mapping.doc == null ? "." : ": " + mapping.doc));
        }
        // Instances of mapping maps the file sets (crossdock.events.topics.orders): a row each under their pattern.
        for (Map.Entry<String, String> instance : patternOf.entrySet()) {
            String key = instance.getKey();
            Row pattern = rows.get(instance.getValue());
            if (properties.lines(key).isEmpty()) {
                continue; // only an example: shown with its pattern
            }
            Row row = new Row(key);
            row.instanceOf = instance.getValue();
            row.section = pattern.section;
            row.anchor = pattern.anchor;
            row.order = pattern.order + properties.firstLine.get(key);
            rows.put(key, row);
        }
        // Everything else the file names, injected or switched on by the code.
        Set<String> others = new LinkedHashSet<>();
        fileKeys.stream().filter(k -> !rows.containsKey(k) && !patternOf.containsKey(k)).forEach(others::add);
        others.addAll(injections.keySet());
        others.addAll(switches.keySet());
        for (String key : others) {
            if (rows.containsKey(key)) {
                continue;
            }
            Row row = new Row(key);
            Integer line = properties.firstLine.get(key);
            if (line != null) {
                row.section = properties.sectionAt(line);
                row.anchor = line;
            } else {
                Placement placement = near(key);
                row.section = placement.section;
                row.anchor = placement.line;
                row.order = placement.line == Integer.MAX_VALUE ? 0 : 1_000_000_000L;
            }
            rows.put(key, row);
        }
        // Keys only named in another's value, ${key:default}: placed under the first key using them.
        for (Map.Entry<String, List<Reference>> reference : properties.references.entrySet()) {
            String key = reference.getKey();
            if (rows.containsKey(key)) {
                continue;
            }
            Reference first = reference.getValue().get(0);
            Row row = new Row(key);
            row.section = properties.sectionAt(first.line);
            row.anchor = first.line;
            row.order = 1 + rows.size();
            for (Reference use : reference.getValue()) {
                if (use.defaultValue != null && !row.inlineDefaults.contains(use.defaultValue)) {
                    row.inlineDefaults.add(use.defaultValue);
                }
            }
            List<String> users = reference.getValue().stream().map(r -> "`" + r.usedIn + "`").distinct().toList();
            row.meaning.add("Part of " + String.join(", ", users) + ".");
            rows.put(key, row);
        }
        // Meanings: javadoc first, then the file's comments and examples.
        for (Row row : rows.values()) {
            for (Injection injection : injections.getOrDefault(row.key, List.of())) {
                if (injection.doc != null && !row.meaning.contains(injection.doc)) {
                    row.meaning.add(injection.doc);
                }
            }
            row.meaning.addAll(properties.comments.getOrDefault(row.key, List.of()));
            List<String> examples = new ArrayList<>(properties.examples.getOrDefault(row.key, List.of()));
            for (Map.Entry<String, String> instance : patternOf.entrySet()) {
                if (instance.getValue().equals(row.key) && properties.lines(instance.getKey()).isEmpty()) {
                    row.meaning.addAll(properties.comments.getOrDefault(instance.getKey(), List.of()));
                    examples.addAll(properties.examples.getOrDefault(instance.getKey(), List.of()));
                }
            }
            for (String example : examples) {
                row.meaning.add("Example: `" + example + "`.");
            }
            for (Switch sw : switches.getOrDefault(row.key, List.of())) {
                row.meaning.add(sw.className + " is in use only when this is `" + sw.value + "`"
                        + (sw.ifMissing ? " or unset." : "."));
            }
        }
        return render(rows.values(), mappingNotes);
    }

    private record Placement(String section, int line) {
    }

    /** Where a key the file does not name goes: by the file's key sharing the most leading segments (two at least). */
    private Placement near(String key) {
        String[] segments = key.split("\\.");
        int best = 1;
        int bestLine = -1;
        for (Map.Entry<String, Integer> entry : properties.firstLine.entrySet()) {
            String[] other = entry.getKey().split("\\.");
            int common = 0;
            while (common < Math.min(segments.length, other.length) - 1 && segments[common].equals(other[common])) {
                common++;
            }
            int line = properties.lastLine.get(entry.getKey());
            if (common > best || (common == best && common > 1 && line > bestLine)) {
                best = common;
                bestLine = line;
            }
        }
        return bestLine < 0 ? new Placement(CODE_ONLY, Integer.MAX_VALUE) : new Placement(properties.sectionAt(bestLine), bestLine);
    }

    private String render(java.util.Collection<Row> all, Map<String, List<String>> mappingNotes) {
        Map<String, List<Row>> bySection = new LinkedHashMap<>();
        for (String section : properties.sectionOrder) {
            bySection.put(section, new ArrayList<>());
        }
        bySection.put(CODE_ONLY, new ArrayList<>());
        for (Row row : all) {
            bySection.computeIfAbsent(row.section, s -> new ArrayList<>()).add(row);
        }
        bySection.values().forEach(list -> list.sort(Comparator.comparingInt((Row r) -> r.anchor)
                .thenComparingLong(r -> r.order).thenComparing(r -> r.key)));
        bySection.entrySet().removeIf(e -> e.getValue().isEmpty() && properties.sectionNotes(e.getKey()).isEmpty());
        Map<String, List<String>> notes = new LinkedHashMap<>();
        for (String section : bySection.keySet()) {
            notes.put(section, new ArrayList<>(properties.sectionNotes(section)));
            notes.get(section).addAll(mappingNotes.getOrDefault(section, List.of()));
        }

        StringBuilder md = new StringBuilder();
        md.append("# Configuration reference\n\n");
        md.append("<!-- Generated by ").append(SELF).append(". Do not edit: regenerate. -->\n\n");
        md.append("Generated from `").append(PROPERTIES).append("` (keys, the comments above them, sections,\n")
                .append("profile lines) and the Java sources under `").append(SOURCES).append("`: the `@ConfigMapping`\n")
                .append("interfaces (javadoc, `@WithDefault`), the `@ConfigProperty` injections (`defaultValue`, a doc\n")
                .append("comment before the annotation) and `@LookupIfProperty` switches. Do not edit this file: change\n")
                .append("the javadoc, the default or application.properties, then regenerate it from the repository's root with\n\n")
                .append("    ").append(COMMAND).append("\n\n")
                .append("`ConfigurationReferenceTest` fails when this file and the sources differ, and when a key has a\n")
                .append("default both in the code and in an unprofiled line of application.properties.\n\n")
                .append("Every key can be set by its environment variable (upper case, every character other than a\n")
                .append("letter or digit an underscore; `<NAME>` stands for a map entry's name), which beats\n")
                .append("application.properties. A profile line (`%sandbox.`, `%test.`, `%prod.`) beats the key's plain\n")
                .append("line under that profile: prod is the packaged application's (Kubernetes), sandbox the one-command\n")
                .append("local hub's, test the tests'.\n\n");
        for (String section : bySection.keySet()) {
            md.append("- [").append(section).append("](#").append(slug(section)).append(")\n");
        }
        for (Map.Entry<String, List<Row>> section : bySection.entrySet()) {
            md.append("\n## ").append(section.getKey()).append("\n\n");
            if (section.getKey().equals(CODE_ONLY)) {
                md.append("Keys read by the code that application.properties does not name.\n\n");
            }
            for (String note : notes.get(section.getKey())) {
                md.append(text(note)).append("\n\n");
            }
            if (section.getValue().isEmpty()) {
                continue;
            }
            md.append("| Key | Default | Environment variable | Profile overrides | Meaning |\n");
            md.append("|---|---|---|---|---|\n");
            for (Row row : section.getValue()) {
                md.append("| ").append(code(row.key))
                        .append(" | ").append(defaultCell(row))
                        .append(" | ").append(code(envName(row.key)))
                        .append(" | ").append(profilesCell(row.key))
                        .append(" | ").append(text(String.join(" ", row.meaning)))
                        .append(" |\n");
            }
        }
        return md.toString();
    }

    private String defaultCell(Row row) {
        List<String> code = new ArrayList<>();
        if (row.mappingKey != null && row.mappingKey.defaultValue != null) {
            code.add(row.mappingKey.defaultValue);
        }
        for (Injection injection : injections.getOrDefault(row.key, List.of())) {
            if (injection.defaultValue != null && !code.contains(injection.defaultValue)) {
                code.add(injection.defaultValue);
            }
        }
        PropLine plain = properties.plain(row.key);
        if (plain != null) {
            String cell = code(plain.value);
            List<String> differing = code.stream().filter(v -> !v.equals(plain.value)).toList();
            if (!differing.isEmpty()) {
                cell += " (application.properties; the code's " + differing.stream().map(ConfigurationReference::code)
                        .collect(Collectors.joining(", ")) + " is not used)";
            }
            return cell;
        }
        if (!code.isEmpty()) {
            return code.stream().map(ConfigurationReference::code).collect(Collectors.joining(" or "));
        }
        if (!row.inlineDefaults.isEmpty()) {
            return row.inlineDefaults.stream().map(ConfigurationReference::code).collect(Collectors.joining(" or "));
        }
        for (Switch sw : switches.getOrDefault(row.key, List.of())) {
            if (sw.ifMissing) {
                return "unset (as " + code(sw.value) + ")";
            }
        }
        boolean optional = (row.mappingKey != null && row.mappingKey.optional)
                || injections.getOrDefault(row.key, List.of()).stream().anyMatch(i -> i.optional);
        return optional ? "— (optional)" : "—";
    }

    private String profilesCell(String key) {
        Map<String, String> byProfile = new TreeMap<>(Comparator.comparingInt((String p) -> {
            int index = PROFILE_ORDER.indexOf(p);
            return index < 0 ? PROFILE_ORDER.size() : index;
        }).thenComparing(p -> p));
        for (PropLine line : properties.lines(key)) {
            if (line.profile != null) {
                byProfile.put(line.profile, line.value);
            }
        }
        return byProfile.entrySet().stream().map(e -> e.getKey() + ": " + code(e.getValue()))
                .collect(Collectors.joining("<br>"));
    }

    /** The environment variable Quarkus reads for a key: upper case, every other character than a letter or digit {@code _}. */
    static String envName(String key) {
        StringBuilder env = new StringBuilder();
        Matcher placeholder = Pattern.compile("<[^>]+>").matcher(key);
        int at = 0;
        while (placeholder.find()) {
            env.append(envChars(key.substring(at, placeholder.start()))).append(placeholder.group().toUpperCase(Locale.ROOT));
            at = placeholder.end();
        }
        return env.append(envChars(key.substring(at))).toString();
    }

    private static String envChars(String text) {
        StringBuilder env = new StringBuilder();
        for (char c : text.toCharArray()) {
            env.append(c < 128 && Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
        }
        return env.toString();
    }

    static String slug(String title) {
        return title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
    }

    static String code(String value) {
        if (value.isEmpty()) {
            return "`\"\"`";
        }
        String escaped = value.replace("|", "\\|");
        return value.contains("`") ? "`` " + escaped + " ``" : "`" + escaped + "`";
    }

    private static final Pattern KEY_IN_TEXT = Pattern.compile(
            "(?<![\\w./-])((?:crossdock|kafka|camel|quarkus)\\.[A-Za-z0-9_.<>*\"-]*[A-Za-z0-9_>*\"](?:=[^\\s]*[^\\s.,;:)])?)");
    private static final Pattern ENV_IN_TEXT = Pattern.compile(
            "(?<![\\w])([A-Z][A-Z0-9]*(?:_(?:[A-Z0-9]+|<[A-Z]+>))+(?:=[^\\s]*[^\\s.,;:)])?)(?![\\w])");

    /** Prose for a table cell or a paragraph: keys and environment variables as code, the rest escaped. */
    static String text(String prose) {
        StringBuilder out = new StringBuilder();
        String[] parts = prose.split("`", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i % 2 == 1 && i < parts.length - 1) {
                out.append('`').append(parts[i].replace("|", "\\|")).append('`');
                continue;
            }
            String plain = parts[i];
            if (i % 2 == 1) {
                plain = "`" + plain; // an unmatched backtick
            }
            Matcher m = Pattern.compile(KEY_IN_TEXT.pattern() + "|" + ENV_IN_TEXT.pattern()).matcher(plain);
            int at = 0;
            while (m.find()) {
                out.append(escape(plain.substring(at, m.start())));
                out.append('`').append(m.group().replace("|", "\\|")).append('`');
                at = m.end();
            }
            out.append(escape(plain.substring(at)));
        }
        return out.toString().strip();
    }

    private static String escape(String plain) {
        return plain.replace("\\", "\\\\").replace("|", "\\|").replace("*", "\\*")
                .replace("<", "&lt;").replace(">", "&gt;");
    }

    // ------------------------------------------------------------------ application.properties

    private record PropLine(int line, String profile, String key, String value) {
    }

    private record Reference(int line, String usedIn, String defaultValue) {
    }

    private static final class Properties {
        private static final Pattern HEADER = Pattern.compile("^[#!]\\s*-{3,}\\s*(.*?)\\s*-{3,}\\s*$");
        private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}:$]+)(?::([^}$]*))?}");
        private static final Pattern EXAMPLE = Pattern.compile("^(%[\\w,-]+\\.)?([a-z][\\w.\"<>-]*)=(.*)$");

        final List<PropLine> all = new ArrayList<>();
        final Map<String, Integer> firstLine = new LinkedHashMap<>();
        final Map<String, Integer> lastLine = new LinkedHashMap<>();
        final Map<String, List<Integer>> occurrences = new LinkedHashMap<>();
        final Map<String, List<Reference>> references = new LinkedHashMap<>();
        final Map<String, List<String>> comments = new LinkedHashMap<>();
        final Map<String, List<String>> examples = new LinkedHashMap<>();
        final List<String> sectionOrder = new ArrayList<>();
        final Map<String, List<String>> notes = new LinkedHashMap<>();
        final TreeMap<Integer, String> sectionStarts = new TreeMap<>();

        static Properties read(Path file) throws IOException {
            Properties properties = new Properties();
            properties.parse(Files.readAllLines(file, StandardCharsets.UTF_8));
            return properties;
        }

        List<String> sectionNotes(String section) {
            return notes.computeIfAbsent(section, s -> new ArrayList<>());
        }

        String sectionAt(int line) {
            Map.Entry<Integer, String> start = sectionStarts.floorEntry(line);
            return start == null ? GENERAL : start.getValue();
        }

        List<PropLine> lines(String key) {
            return all.stream().filter(l -> l.key.equals(key)).toList();
        }

        /** The key's last unprofiled line (the one that counts), or null. */
        PropLine plain(String key) {
            PropLine plain = null;
            for (PropLine line : all) {
                if (line.key.equals(key) && line.profile == null) {
                    plain = line;
                }
            }
            return plain;
        }

        private void section(String title, int line) {
            sectionStarts.put(line, title);
            sectionOrder.add(title);
        }

        private void seen(String key, int line) {
            firstLine.putIfAbsent(key, line);
            lastLine.put(key, line);
            occurrences.computeIfAbsent(key, k -> new ArrayList<>()).add(line);
        }

        private void parse(List<String> raw) {
            section(GENERAL, 0);
            List<String> block = new ArrayList<>();
            List<Integer> blockLines = new ArrayList<>();
            for (int i = 0; i < raw.size(); i++) {
                int number = i + 1;
                String line = raw.get(i).stripLeading();
                if (line.isEmpty()) {
                    block(block, blockLines, null);
                    continue;
                }
                if (line.startsWith("#") || line.startsWith("!")) {
                    Matcher header = HEADER.matcher(line);
                    if (header.matches()) {
                        block(block, blockLines, null);
                        section(header.group(1), number);
                    } else {
                        block.add(line.substring(1).strip());
                        blockLines.add(number);
                    }
                    continue;
                }
                StringBuilder logical = new StringBuilder(line);
                while (endsWithContinuation(logical) && i + 1 < raw.size()) {
                    logical.setLength(logical.length() - 1);
                    logical.append(raw.get(++i).stripLeading());
                }
                String[] keyValue = split(logical.toString());
                String key = keyValue[0];
                List<String> profiles = new ArrayList<>();
                if (key.startsWith("%") && key.indexOf('.') > 0) {
                    profiles.addAll(List.of(key.substring(1, key.indexOf('.')).split(",")));
                    key = key.substring(key.indexOf('.') + 1);
                } else {
                    profiles.add(null);
                }
                boolean ours = ours(key);
                block(block, blockLines, ours ? key : null);
                if (ours) {
                    for (String profile : profiles) {
                        all.add(new PropLine(number, profile, key, keyValue[1]));
                    }
                    seen(key, number);
                    Matcher reference = REFERENCE.matcher(keyValue[1]);
                    while (reference.find()) {
                        if (ours(reference.group(1))) {
                            references.computeIfAbsent(reference.group(1), k -> new ArrayList<>())
                                    .add(new Reference(number, key, reference.group(2)));
                        }
                    }
                }
            }
            block(block, blockLines, null);
        }

        /**
         * A comment block: an example line ({@code # key=value}) is an example of that key, and the
         * text before it describes it; text left over describes the next key, or, with none (a blank
         * line follows), is a note of the section.
         */
        private void block(List<String> block, List<Integer> lines, String next) {
            List<String> text = new ArrayList<>();
            for (int i = 0; i < block.size(); i++) {
                Matcher example = EXAMPLE.matcher(block.get(i));
                if (example.matches() && ours(example.group(2))) {
                    String key = example.group(2);
                    if (!text.isEmpty()) {
                        comments.computeIfAbsent(key, k -> new ArrayList<>()).add(String.join(" ", text));
                        text.clear();
                    }
                    examples.computeIfAbsent(key, k -> new ArrayList<>()).add(block.get(i));
                    seen(key, lines.get(i));
                } else {
                    text.add(block.get(i));
                }
            }
            if (!text.isEmpty()) {
                if (next != null) {
                    comments.computeIfAbsent(next, k -> new ArrayList<>()).add(String.join(" ", text));
                } else {
                    sectionNotes(sectionOrder.get(sectionOrder.size() - 1)).add(String.join(" ", text));
                }
            }
            block.clear();
            lines.clear();
        }

        private static boolean endsWithContinuation(CharSequence line) {
            int slashes = 0;
            for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
                slashes++;
            }
            return slashes % 2 == 1;
        }

        /** java.util.Properties' rules: the key ends at the first unescaped {@code =}, {@code :} or blank. */
        private static String[] split(String line) {
            int end = 0;
            while (end < line.length()) {
                char c = line.charAt(end);
                if (c == '\\') {
                    end += 2;
                    continue;
                }
                if (c == '=' || c == ':' || Character.isWhitespace(c)) {
                    break;
                }
                end++;
            }
            String key = line.substring(0, Math.min(end, line.length()));
            int value = end;
            while (value < line.length() && Character.isWhitespace(line.charAt(value))) {
                value++;
            }
            if (value < line.length() && (line.charAt(value) == '=' || line.charAt(value) == ':')) {
                value++;
            }
            while (value < line.length() && Character.isWhitespace(line.charAt(value))) {
                value++;
            }
            return new String[] {unescape(key), unescape(line.substring(Math.min(value, line.length())))};
        }

        private static String unescape(String text) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c != '\\' || i + 1 == text.length()) {
                    out.append(c);
                    continue;
                }
                char next = text.charAt(++i);
                switch (next) {
                    case 't' -> out.append('\t');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    default -> out.append(next);
                }
            }
            return out.toString();
        }
    }

    // ------------------------------------------------------------------ @ConfigMapping interfaces

    private record MappingKey(String key, String defaultValue, boolean optional, String meaning, String source) {
    }

    private static final class Mapping {
        String prefix;
        String className;
        String doc;
        final List<MappingKey> keys = new ArrayList<>();

        static Mapping of(TypeDecl type, Annotation annotation, JavaSources sources) {
            Mapping mapping = new Mapping();
            mapping.prefix = annotation.args.getOrDefault("prefix", "");
            mapping.className = type.name;
            mapping.doc = type.doc;
            String strategy = annotation.args.getOrDefault("namingStrategy", "KEBAB_CASE");
            List<Entry> entries = new ArrayList<>();
            mapping.expand(type, mapping.prefix, strategy, sources, entries, new LinkedHashSet<>());
            for (Entry entry : entries) {
                mapping.keys.add(new MappingKey(entry.key, entry.defaultValue, entry.optional,
                        entry.meaning.isEmpty() ? null : String.join(" ", entry.meaning), entry.source));
            }
            return mapping;
        }

        private static final class Entry {
            String key;
            String defaultValue;
            boolean optional;
            String source;
            final List<String> meaning = new ArrayList<>();
        }

        private void expand(TypeDecl type, String prefix, String strategy, JavaSources sources, List<Entry> out,
                Set<TypeDecl> visiting) {
            if (!visiting.add(type)) {
                return;
            }
            for (Member member : sources.members(type)) {
                String name;
                Annotation withName = member.annotation("WithName");
                if (member.annotation("WithParentName") != null) {
                    name = null;
                } else if (withName != null) {
                    name = withName.args.get("value");
                } else {
                    name = name(member.name, strategy);
                }
                String key = name == null ? prefix : prefix + "." + name;
                String javaType = member.type;
                boolean optional = false;
                for (String wrapper : List.of("Optional", "OptionalInt", "OptionalLong", "OptionalDouble")) {
                    if (raw(javaType).equals(wrapper)) {
                        optional = true;
                        List<String> args = typeArgs(javaType);
                        javaType = args.isEmpty() ? javaType : args.get(0);
                    }
                }
                if (raw(javaType).equals("Map") && typeArgs(javaType).size() == 2) {
                    key += ".<name>";
                    javaType = typeArgs(javaType).get(1);
                }
                TypeDecl group = sources.resolve(type, raw(javaType));
                Annotation withDefault = member.annotation("WithDefault");
                if (group != null && "interface".equals(group.kind) && withDefault == null) {
                    int first = out.size();
                    expand(group, key, strategy, sources, out, visiting);
                    String groupDoc = member.doc != null ? member.doc : group.doc;
                    if (groupDoc != null && out.size() > first) {
                        out.get(first).meaning.add(0, groupDoc);
                    }
                    continue;
                }
                Entry entry = new Entry();
                entry.key = key;
                entry.defaultValue = withDefault == null ? null : withDefault.args.get("value");
                entry.optional = optional;
                entry.source = member.owner.name;
                if (member.doc != null) {
                    entry.meaning.add(member.doc);
                }
                out.add(entry);
            }
            visiting.remove(type);
        }

        static String name(String method, String strategy) {
            if (strategy.contains("VERBATIM")) {
                return method;
            }
            String separator = strategy.contains("SNAKE") ? "_" : "-";
            return method.replaceAll("([a-z0-9])([A-Z])", "$1" + separator + "$2")
                    .replaceAll("([A-Z])([A-Z][a-z])", "$1" + separator + "$2").toLowerCase(Locale.ROOT);
        }
    }

    /** {@code java.util.Map<String,X>} to {@code Map}. */
    static String raw(String type) {
        int generic = type.indexOf('<');
        String raw = generic < 0 ? type : type.substring(0, generic);
        return raw.contains(".") && Character.isLowerCase(raw.charAt(0)) ? raw.substring(raw.lastIndexOf('.') + 1) : raw;
    }

    static List<String> typeArgs(String type) {
        int open = type.indexOf('<');
        if (open < 0 || !type.endsWith(">")) {
            return List.of();
        }
        List<String> args = new ArrayList<>();
        int depth = 0;
        int start = open + 1;
        for (int i = start; i < type.length() - 1; i++) {
            char c = type.charAt(i);
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth--;
            } else if (c == ',' && depth == 0) {
                args.add(type.substring(start, i));
                start = i + 1;
            }
        }
        args.add(type.substring(start, type.length() - 1));
        return args;
    }

    // ------------------------------------------------------------------ Java sources, lightly parsed

    private record Injection(String key, String defaultValue, boolean optional, String doc, String className) {
    }

    private record Switch(String key, String value, boolean ifMissing, String className) {
    }

    private static final class Annotation {
        String name;
        final Map<String, String> args = new LinkedHashMap<>();
    }

    private static final class Member {
        TypeDecl owner;
        String name;
        String type;
        String doc;
        List<Annotation> annotations = List.of();

        Annotation annotation(String simpleName) {
            return annotations.stream().filter(a -> a.name.equals(simpleName)).findFirst().orElse(null);
        }
    }

    private static final class TypeDecl {
        String name;
        String kind;
        String pkg;
        String doc;
        TypeDecl outer;
        List<Annotation> annotations = List.of();
        final List<String> supertypes = new ArrayList<>();
        final List<Member> members = new ArrayList<>();
        final List<TypeDecl> nested = new ArrayList<>();

        Annotation annotation(String simpleName) {
            return annotations.stream().filter(a -> a.name.equals(simpleName)).findFirst().orElse(null);
        }
    }

    private enum Kind { IDENT, STRING, CHAR, NUMBER, SYMBOL, DOC }

    private record Tok(Kind kind, String text) {
        boolean is(String symbol) {
            return (kind == Kind.SYMBOL || kind == Kind.IDENT) && text.equals(symbol);
        }
    }

    private static final class JavaSources {
        final List<TypeDecl> types = new ArrayList<>();
        final List<Injection> injections = new ArrayList<>();
        final List<Switch> switches = new ArrayList<>();
        /** Constants by simple name and by Class.NAME. */
        final Map<String, String> constants = new LinkedHashMap<>();
        /** The file being read, whose constants a simple name means. */
        String currentClass = "";

        static JavaSources read(Path root) throws IOException {
            JavaSources sources = new JavaSources();
            List<Path> files;
            try (Stream<Path> walk = Files.walk(root)) {
                files = walk.filter(f -> f.toString().endsWith(".java")).sorted().toList();
            }
            List<List<Tok>> tokenized = new ArrayList<>();
            for (Path file : files) {
                List<Tok> tokens = tokenize(Files.readString(file, StandardCharsets.UTF_8));
                tokenized.add(tokens);
                sources.constants(tokens, file.getFileName().toString().replace(".java", ""));
            }
            for (int i = 0; i < files.size(); i++) {
                String className = files.get(i).getFileName().toString().replace(".java", "");
                sources.currentClass = className;
                sources.parse(tokenized.get(i));
                sources.injections(tokenized.get(i), className);
            }
            return sources;
        }

        private void constants(List<Tok> tokens, String className) {
            for (int i = 0; i + 4 < tokens.size(); i++) {
                if (tokens.get(i).is("String") && tokens.get(i + 1).kind == Kind.IDENT && tokens.get(i + 2).is("=")
                        && tokens.get(i + 3).kind == Kind.STRING && tokens.get(i + 4).is(";")) {
                    constants.put(className + "." + tokens.get(i + 1).text, tokens.get(i + 3).text);
                    constants.put(className + "#" + tokens.get(i + 1).text, tokens.get(i + 3).text);
                }
            }
        }

        /** Members of an interface, its supertypes' first. */
        List<Member> members(TypeDecl type) {
            Map<String, Member> members = new LinkedHashMap<>();
            for (String supertype : type.supertypes) {
                TypeDecl parent = resolve(type, supertype);
                if (parent != null && parent != type) {
                    for (Member member : members(parent)) {
                        members.put(member.name, member);
                    }
                }
            }
            for (Member member : type.members) {
                members.put(member.name, member);
            }
            return new ArrayList<>(members.values());
        }

        /** A type by the name a declaration in {@code from} uses: nested ones first, then the package's, then any. */
        TypeDecl resolve(TypeDecl from, String name) {
            String[] parts = name.split("\\.");
            TypeDecl found = null;
            for (TypeDecl scope = from; scope != null && found == null; scope = scope.outer) {
                if (scope.name.equals(parts[0])) {
                    found = scope;
                }
                for (TypeDecl nested : scope.nested) {
                    if (nested.name.equals(parts[0])) {
                        found = nested;
                    }
                }
            }
            if (found == null) {
                List<TypeDecl> candidates = types.stream().filter(t -> t.outer == null && t.name.equals(parts[0])).toList();
                found = candidates.stream().filter(t -> t.pkg.equals(from.pkg)).findFirst()
                        .orElse(candidates.size() == 1 ? candidates.get(0) : null);
            }
            for (int i = 1; i < parts.length && found != null; i++) {
                String part = parts[i];
                found = found.nested.stream().filter(t -> t.name.equals(part)).findFirst().orElse(null);
            }
            return found;
        }

        // --- declarations

        private static final Set<String> MODIFIERS = Set.of("public", "protected", "private", "static", "final",
                "abstract", "default", "sealed", "non", "strictfp", "synchronized", "native", "transient", "volatile");
        private static final Set<String> TYPE_KINDS = Set.of("interface", "class", "enum", "record");

        private void parse(List<Tok> tokens) {
            String pkg = "";
            for (int j = 0; j + 1 < tokens.size(); j++) {
                if (tokens.get(j).is("package")) {
                    StringBuilder name = new StringBuilder();
                    for (int k = j + 1; k < tokens.size() && !tokens.get(k).is(";"); k++) {
                        name.append(tokens.get(k).text);
                    }
                    pkg = name.toString();
                    break;
                }
            }
            body(tokens, 0, null, pkg, true);
        }

        /** Declarations from {@code i} to the closing brace of the body (or the end); the index after it. */
        private int body(List<Tok> tokens, int i, TypeDecl owner, String pkg, boolean topLevel) {
            String doc = null;
            List<Annotation> annotations = new ArrayList<>();
            while (i < tokens.size()) {
                Tok tok = tokens.get(i);
                if (tok.is("}") && !topLevel) {
                    return i + 1;
                }
                if (tok.kind == Kind.DOC) {
                    doc = tok.text;
                    i++;
                } else if (tok.is("@") && i + 1 < tokens.size() && !tokens.get(i + 1).is("interface")) {
                    Annotation annotation = new Annotation();
                    i = annotation(tokens, i, annotation, pkg);
                    annotations.add(annotation);
                } else if (tok.is("@")) {
                    i++; // @interface: an annotation type, read like an interface
                } else if (tok.kind == Kind.IDENT && MODIFIERS.contains(tok.text)) {
                    i++;
                } else if (tok.is("package") || tok.is("import")) {
                    while (i < tokens.size() && !tokens.get(i).is(";")) {
                        i++;
                    }
                    i++;
                    doc = null;
                    annotations = new ArrayList<>();
                } else if (tok.kind == Kind.IDENT && TYPE_KINDS.contains(tok.text) && i + 1 < tokens.size()
                        && tokens.get(i + 1).kind == Kind.IDENT) {
                    TypeDecl type = new TypeDecl();
                    type.kind = tok.text;
                    type.name = tokens.get(i + 1).text;
                    type.pkg = pkg;
                    type.doc = javadoc(doc);
                    type.annotations = annotations;
                    type.outer = owner;
                    i += 2;
                    boolean supertypes = false;
                    int depth = 0;
                    StringBuilder current = new StringBuilder();
                    while (i < tokens.size() && !(tokens.get(i).is("{") && depth == 0)) {
                        Tok t = tokens.get(i);
                        if (t.is("<") || t.is("(")) {
                            depth++;
                        } else if (t.is(">") || t.is(")")) {
                            depth--;
                        }
                        if (t.is("extends") || t.is("implements")) {
                            supertypes = true;
                            flush(type, current);
                        } else if (t.is("permits")) {
                            supertypes = false;
                            flush(type, current);
                        } else if (supertypes && depth == 0 && t.is(",")) {
                            flush(type, current);
                        } else if (supertypes) {
                            current.append(t.text);
                        }
                        i++;
                    }
                    flush(type, current);
                    types.add(type);
                    if (owner != null) {
                        owner.nested.add(type);
                    }
                    i = body(tokens, i + 1, type, pkg, false);
                    doc = null;
                    annotations = new ArrayList<>();
                } else {
                    // A member: up to ';' or a body.
                    List<Tok> declaration = new ArrayList<>();
                    int depth = 0;
                    while (i < tokens.size()) {
                        Tok t = tokens.get(i);
                        if (t.is("(")) {
                            depth++;
                        } else if (t.is(")")) {
                            depth--;
                        }
                        if (depth == 0 && (t.is(";") || t.is("{") || t.is("}"))) {
                            break;
                        }
                        declaration.add(t);
                        i++;
                    }
                    if (i < tokens.size() && tokens.get(i).is("{")) {
                        i = skipBlock(tokens, i);
                    } else if (i < tokens.size() && tokens.get(i).is(";")) {
                        i++;
                        if (owner != null && "interface".equals(owner.kind)) {
                            member(owner, declaration, doc, annotations);
                        }
                    } else if (topLevel && i < tokens.size()) {
                        i++; // a stray '}'
                    }
                    doc = null;
                    annotations = new ArrayList<>();
                }
            }
            return i;
        }

        private static void flush(TypeDecl type, StringBuilder current) {
            if (current.length() > 0) {
                String name = current.toString();
                int generic = name.indexOf('<');
                type.supertypes.add(generic < 0 ? name : name.substring(0, generic));
                current.setLength(0);
            }
        }

        private static int skipBlock(List<Tok> tokens, int i) {
            int depth = 0;
            for (; i < tokens.size(); i++) {
                if (tokens.get(i).is("{")) {
                    depth++;
                } else if (tokens.get(i).is("}") && --depth == 0) {
                    return i + 1;
                }
            }
            return i;
        }

        /** {@code Type name()} in an interface: a configuration method. */
        private static void member(TypeDecl owner, List<Tok> declaration, String doc, List<Annotation> annotations) {
            int n = declaration.size();
            if (n < 4 || !declaration.get(n - 2).is("(") || !declaration.get(n - 1).is(")")
                    || declaration.get(n - 3).kind != Kind.IDENT) {
                return;
            }
            Member member = new Member();
            member.owner = owner;
            member.name = declaration.get(n - 3).text;
            member.type = declaration.subList(0, n - 3).stream().filter(t -> t.kind != Kind.DOC)
                    .map(Tok::text).collect(Collectors.joining());
            if (member.type.contains("@")) {
                return;
            }
            member.doc = javadoc(doc);
            member.annotations = annotations;
            owner.members.add(member);
        }

        /** An annotation from its '@': name and arguments (string values, constants resolved). */
        private int annotation(List<Tok> tokens, int i, Annotation annotation, String pkg) {
            i++;
            StringBuilder name = new StringBuilder(tokens.get(i++).text);
            while (i + 1 < tokens.size() && tokens.get(i).is(".") && tokens.get(i + 1).kind == Kind.IDENT) {
                name.append('.').append(tokens.get(i + 1).text);
                i += 2;
            }
            String full = name.toString();
            annotation.name = full.substring(full.lastIndexOf('.') + 1);
            if (i < tokens.size() && tokens.get(i).is("(")) {
                int depth = 0;
                List<Tok> args = new ArrayList<>();
                for (; i < tokens.size(); i++) {
                    Tok t = tokens.get(i);
                    if (t.is("(")) {
                        depth++;
                        if (depth == 1) {
                            continue;
                        }
                    } else if (t.is(")") && --depth == 0) {
                        i++;
                        break;
                    }
                    args.add(t);
                }
                arguments(args, annotation);
            }
            return i;
        }

        private void arguments(List<Tok> args, Annotation annotation) {
            List<List<Tok>> parts = new ArrayList<>();
            List<Tok> current = new ArrayList<>();
            int depth = 0;
            for (Tok t : args) {
                if (t.is("(") || t.is("{")) {
                    depth++;
                } else if (t.is(")") || t.is("}")) {
                    depth--;
                }
                if (t.is(",") && depth == 0) {
                    parts.add(current);
                    current = new ArrayList<>();
                } else {
                    current.add(t);
                }
            }
            if (!current.isEmpty()) {
                parts.add(current);
            }
            for (List<Tok> part : parts) {
                String key = "value";
                List<Tok> value = part;
                if (part.size() > 2 && part.get(0).kind == Kind.IDENT && part.get(1).is("=")) {
                    key = part.get(0).text;
                    value = part.subList(2, part.size());
                }
                annotation.args.put(key, value(value));
            }
        }

        /** A string literal, a concatenation, a constant, or the tokens' text. */
        private String value(List<Tok> tokens) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < tokens.size(); i++) {
                Tok t = tokens.get(i);
                if (t.kind == Kind.STRING) {
                    out.append(t.text);
                } else if (t.is("+")) {
                    continue;
                } else if (t.kind == Kind.IDENT && i + 2 < tokens.size() && tokens.get(i + 1).is(".")
                        && constants.containsKey(t.text + "." + tokens.get(i + 2).text)) {
                    out.append(constants.get(t.text + "." + tokens.get(i + 2).text));
                    i += 2;
                } else if (t.kind == Kind.IDENT && (i + 1 == tokens.size() || !tokens.get(i + 1).is("."))
                        && constants.containsKey(currentClass + "#" + t.text)) {
                    out.append(constants.get(currentClass + "#" + t.text));
                } else {
                    out.append(t.text);
                }
            }
            return out.toString();
        }

        // --- injections and switches, anywhere in a file

        private void injections(List<Tok> tokens, String className) {
            String doc = null;
            for (int i = 0; i < tokens.size(); i++) {
                Tok tok = tokens.get(i);
                if (tok.kind == Kind.DOC) {
                    doc = tok.text;
                    continue;
                }
                if (!tok.is("@") || i + 1 >= tokens.size() || tokens.get(i + 1).is("interface")) {
                    doc = null;
                    continue;
                }
                Annotation annotation = new Annotation();
                int end = annotation(tokens, i, annotation, "");
                if (annotation.name.equals("ConfigProperty") && annotation.args.containsKey("name")) {
                    boolean optional = end < tokens.size() && tokens.get(end).text.startsWith("Optional");
                    String defaultValue = annotation.args.get("defaultValue");
                    if (defaultValue != null && (defaultValue.endsWith("UNCONFIGURED_VALUE")
                            || defaultValue.equals("org.eclipse.microprofile.config.configproperty.unconfigureddvalue"))) {
                        defaultValue = null;
                    }
                    injections.add(new Injection(annotation.args.get("name"), defaultValue, optional, javadoc(doc),
                            className));
                    doc = null;
                } else if ((annotation.name.equals("LookupIfProperty") || annotation.name.equals("IfBuildProperty"))
                        && annotation.args.containsKey("name")) {
                    switches.add(new Switch(annotation.args.get("name"), annotation.args.getOrDefault("stringValue", "true"),
                            "true".equals(annotation.args.get("lookupIfMissing"))
                                    || "true".equals(annotation.args.get("enableIfMissing")), className));
                }
                i = end - 1;
            }
        }

        // --- tokens

        private static List<Tok> tokenize(String source) {
            List<Tok> tokens = new ArrayList<>();
            int n = source.length();
            int i = 0;
            while (i < n) {
                char c = source.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (source.startsWith("//", i)) {
                    while (i < n && source.charAt(i) != '\n') {
                        i++;
                    }
                } else if (source.startsWith("/*", i)) {
                    int end = source.indexOf("*/", i + 2);
                    end = end < 0 ? n : end;
                    if (source.startsWith("/**", i) && end > i + 2) {
                        tokens.add(new Tok(Kind.DOC, source.substring(i + 3, end)));
                    }
                    i = Math.min(n, end + 2);
                } else if (source.startsWith("\"\"\"", i)) {
                    int end = source.indexOf("\"\"\"", i + 3);
                    end = end < 0 ? n : end;
                    tokens.add(new Tok(Kind.STRING, source.substring(i + 3, end)));
                    i = Math.min(n, end + 3);
                } else if (c == '"' || c == '\'') {
                    StringBuilder text = new StringBuilder();
                    int j = i + 1;
                    while (j < n && source.charAt(j) != c) {
                        if (source.charAt(j) == '\\' && j + 1 < n) {
                            char e = source.charAt(++j);
                            switch (e) {
                                case 'n' -> text.append('\n');
                                case 't' -> text.append('\t');
                                case 'r' -> text.append('\r');
                                case 'b' -> text.append('\b');
                                case 'f' -> text.append('\f');
                                case 's' -> text.append(' ');
                                case 'u' -> {
                                    while (j < n && source.charAt(j) == 'u') {
                                        j++;
                                    }
                                    text.append((char) Integer.parseInt(source.substring(j, Math.min(n, j + 4)), 16));
                                    j += 3;
                                }
                                default -> text.append(e);
                            }
                        } else {
                            text.append(source.charAt(j));
                        }
                        j++;
                    }
                    tokens.add(new Tok(c == '"' ? Kind.STRING : Kind.CHAR, text.toString()));
                    i = j + 1;
                } else if (Character.isJavaIdentifierStart(c)) {
                    int j = i + 1;
                    while (j < n && Character.isJavaIdentifierPart(source.charAt(j))) {
                        j++;
                    }
                    tokens.add(new Tok(Kind.IDENT, source.substring(i, j)));
                    i = j;
                } else if (Character.isDigit(c)) {
                    int j = i + 1;
                    while (j < n && (Character.isLetterOrDigit(source.charAt(j)) || source.charAt(j) == '_'
                            || source.charAt(j) == '.')) {
                        j++;
                    }
                    tokens.add(new Tok(Kind.NUMBER, source.substring(i, j)));
                    i = j;
                } else {
                    tokens.add(new Tok(Kind.SYMBOL, String.valueOf(c)));
                    i++;
                }
            }
            return tokens;
        }

        /** A doc comment's text up to its block tags, on one line, with inline tags as Markdown. */
        static String javadoc(String doc) {
            if (doc == null) {
                return null;
            }
            StringBuilder text = new StringBuilder();
            for (String line : doc.split("\n")) {
                String stripped = line.strip();
                if (stripped.startsWith("*")) {
                    stripped = stripped.substring(1).strip();
                }
                if (stripped.startsWith("@")) {
                    break;
                }
                text.append(stripped).append(' ');
            }
            String result = inlineTags(text.toString())
                    .replaceAll("(?i)</?(p|em|i|b|strong|ul|ol|li|br)\\s*/?>", " ")
                    .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
                    .replaceAll("\\s+", " ").strip();
            return result.isEmpty() ? null : result;
        }

        /** {@code {@code x}} and {@code {@literal x}} to code, {@code {@link A#b label}} to its label or name. */
        private static String inlineTags(String text) {
            StringBuilder out = new StringBuilder();
            int i = 0;
            while (i < text.length()) {
                int start = text.indexOf("{@", i);
                if (start < 0) {
                    out.append(text.substring(i));
                    break;
                }
                out.append(text, i, start);
                int depth = 0;
                int end = start;
                for (; end < text.length(); end++) {
                    if (text.charAt(end) == '{') {
                        depth++;
                    } else if (text.charAt(end) == '}' && --depth == 0) {
                        break;
                    }
                }
                String inner = text.substring(start + 2, Math.min(end, text.length()));
                int space = inner.indexOf(' ');
                String tag = space < 0 ? inner : inner.substring(0, space);
                String body = space < 0 ? "" : inner.substring(space + 1).strip();
                switch (tag) {
                    case "code", "literal", "value" -> out.append('`').append(body).append('`');
                    case "link", "linkplain" -> {
                        int label = body.indexOf(' ');
                        out.append(label < 0 ? "`" + body.replace('#', '.') + "`" : body.substring(label + 1));
                    }
                    default -> out.append(body);
                }
                i = end + 1;
            }
            return out.toString();
        }
    }
}
