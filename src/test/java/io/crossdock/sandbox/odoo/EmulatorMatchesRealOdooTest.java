package io.crossdock.sandbox.odoo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.crossdock.testing.TestOdoo;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The emulator cannot drift from the real server: every field of every model it serves must exist
 * on a real Odoo of the same major version with the same type and relation, as the real server's
 * {@code fields_get} describes them. Runs in the real-Odoo suite (bin/real-odoo-test); without a
 * real Odoo it is skipped and says so.
 */
@Tag("odoo")
class EmulatorMatchesRealOdooTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyFieldTheEmulatorServesIsOnTheRealServerWithTheSameTypeAndRelation() {
        java.util.Optional<TestOdoo> found = TestOdoo.fromEnvironment();
        Assumptions.assumeTrue(found.isPresent(), "needs a real Odoo (bin/real-odoo-test)");
        TestOdoo real = found.get();
        int version = real.major();

        List<String> differences = new ArrayList<>();
        int fields = 0;
        for (ModelSpec model : OdooModels.forVersion(version).values()) {
            Map<String, Map<String, Object>> described = (Map<String, Map<String, Object>>) real.execute(model.name(), "fields_get",
                    List.of(), Map.of("attributes", List.of("type", "relation")));
            for (FieldSpec field : model.fields().values()) {
                fields++;
                Map<String, Object> truth = described.get(field.name());
                if (truth == null) {
                    differences.add(model.name() + "." + field.name() + ": Odoo " + version + " has no such field");
                } else if (!field.type().equals(truth.get("type"))) {
                    differences.add(model.name() + "." + field.name() + ": " + field.type() + ", Odoo has " + truth.get("type"));
                } else if (field.relation() != null && !field.relation().equals(truth.get("relation"))) {
                    differences.add(model.name() + "." + field.name() + ": relation " + field.relation() + ", Odoo has " + truth.get("relation"));
                }
            }
        }
        assertThat(differences).as("the emulator's %d fields against Odoo %d's fields_get", fields, version).isEmpty();
    }
}
