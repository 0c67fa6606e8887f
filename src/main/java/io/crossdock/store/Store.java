package io.crossdock.store;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.Instance;

import io.agroal.api.AgroalDataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Crossdock's own state (delivery truth: receipts, archive, idempotency keys). PostgreSQL in
 * production and tests; an embedded H2 file in the sandbox. Which one is a runtime choice, made by
 * {@code crossdock.store.datasource}, because a datasource's kind is fixed when the app is built.
 */
@ApplicationScoped
public class Store {

    public static final String DEFAULT = "<default>";

    private final DataSource dataSource;

    public Store(@Any Instance<AgroalDataSource> dataSources,
            /** The store's datasource: {@code <default>} (PostgreSQL) or a named one ({@code sandbox}, the H2 store). */
            @ConfigProperty(name = "crossdock.store.datasource", defaultValue = DEFAULT) String name) {
        this.dataSource = DEFAULT.equals(name)
                ? dataSources.select(Default.Literal.INSTANCE).get()
                : dataSources.select(new io.quarkus.agroal.DataSource.DataSourceLiteral(name)).get();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** True when a write lost a race on a unique key (SQLState 23505 in PostgreSQL and H2 alike). */
    public static boolean isUniqueViolation(java.sql.SQLException e) {
        return "23505".equals(e.getSQLState());
    }
}
