package io.crossdock.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md is generated from application.properties and the configuration interfaces
 * and injections (see {@link ConfigurationReference}); a change to either without the other fails
 * here. To accept a change, regenerate from the repository's root with
 * {@code java src/test/java/io/crossdock/build/ConfigurationReference.java .} and review the diff.
 */
class ConfigurationReferenceTest {

    private static final Path REPO = Path.of("");

    @Test
    void theCommittedReferenceIsExactlyWhatTheSourcesGenerate() throws IOException {
        String generated = ConfigurationReference.generate(REPO);
        Path committed = REPO.resolve(ConfigurationReference.OUTPUT);
        assertThat(committed).as(ConfigurationReference.OUTPUT + " is missing; generate it with: "
                + ConfigurationReference.COMMAND).exists();
        String onDisk = Files.readString(committed, StandardCharsets.UTF_8);
        assertThat(onDisk).withFailMessage(() -> ConfigurationReference.OUTPUT
                + " is not what the configuration sources generate (" + firstDifference(onDisk, generated)
                + "). Regenerate it from the repository's root with\n    " + ConfigurationReference.COMMAND
                + "\nand review the diff.").isEqualTo(generated);
    }

    @Test
    void aDefaultIsWrittenOnce() {
        List<ConfigurationReference.DoubleDefault> twice = ConfigurationReference.defaultsWrittenTwice(REPO);
        assertThat(twice).withFailMessage(() -> "These keys have a default in the code (@WithDefault or @ConfigProperty"
                + " defaultValue) and an unprofiled line in " + ConfigurationReference.PROPERTIES + "; keep one"
                + " (the code's, with its javadoc), and if the values differ decide which is meant:\n  "
                + twice.stream().map(Object::toString).collect(Collectors.joining("\n  "))).isEmpty();
    }

    @Test
    void theCodeGivesAKeyOneDefault() {
        List<String> disagreeing = ConfigurationReference.codeDefaultsThatDisagree(REPO);
        assertThat(disagreeing).withFailMessage(() -> "These keys have different defaults in different places of the"
                + " code:\n  " + String.join("\n  ", disagreeing)).isEmpty();
    }

    @Test
    void environmentVariablesFollowQuarkusRules() {
        assertThat(ConfigurationReference.envName("crossdock.intake.stable-for")).isEqualTo("CROSSDOCK_INTAKE_STABLE_FOR");
        assertThat(ConfigurationReference.envName("quarkus.log.category.\"org.apache.kafka\".level"))
                .isEqualTo("QUARKUS_LOG_CATEGORY__ORG_APACHE_KAFKA__LEVEL");
        assertThat(ConfigurationReference.envName("crossdock.odoo.webhooks.<name>.secret"))
                .isEqualTo("CROSSDOCK_ODOO_WEBHOOKS_<NAME>_SECRET");
    }

    private static String firstDifference(String onDisk, String generated) {
        String[] a = onDisk.split("\n", -1);
        String[] b = generated.split("\n", -1);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String left = i < a.length ? a[i] : "<end of file>";
            String right = i < b.length ? b[i] : "<end of file>";
            if (!left.equals(right)) {
                return "first difference at line " + (i + 1) + ":\n    committed: " + left + "\n    generated: " + right;
            }
        }
        return "they differ in line endings";
    }
}
