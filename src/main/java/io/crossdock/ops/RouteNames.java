package io.crossdock.ops;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.crossdock.canonical.ExchangeNames;

/**
 * Checks that every exchange property and header a route file names is one declared in
 * {@link ExchangeNames}, and that a path walked from it ({@code ${exchangeProperty.plan.rejected}})
 * exists on the declared type: a misspelt name fails the route check, not a flow at run time.
 * Camel's own headers ({@code Camel...}, {@code kafka.}) are Camel's business.
 */
final class RouteNames {

    private static final Pattern SIMPLE = Pattern.compile("\\$\\{(exchangeProperty|header|headers)\\.([A-Za-z0-9_]+)((?:\\.[A-Za-z_][A-Za-z0-9_]*)*)");
    private static final Pattern SET = Pattern.compile("(setProperty|setHeader|removeProperty|removeHeader):\\s*\\n\\s*name:\\s*\"?([A-Za-z0-9_.]+)\"?");

    private RouteNames() {
    }

    static void check(String file, String text, List<RouteProblem> problems) {
        Matcher used = SIMPLE.matcher(text);
        while (used.find()) {
            boolean property = "exchangeProperty".equals(used.group(1));
            check(file, line(text, used.start()), property, used.group(2), used.group(3), used.group(), problems);
        }
        Matcher set = SET.matcher(text);
        while (set.find()) {
            boolean property = set.group(1).endsWith("Property");
            check(file, line(text, set.start(2)), property, set.group(2), "", set.group(1) + " " + set.group(2), problems);
        }
    }

    private static void check(String file, int line, boolean property, String name, String path, String where,
            List<RouteProblem> problems) {
        if (name.startsWith("Camel") || name.startsWith("kafka")) {
            return;
        }
        Map<String, String> declared = property ? ExchangeNames.PROPERTIES : ExchangeNames.HEADERS;
        String kind = property ? "exchange property" : "header";
        if (!declared.containsKey(name)) {
            problems.add(new RouteProblem(file, line, "'" + where + "' names " + kind + " '" + name
                    + "', which is not declared in io.crossdock.canonical.ExchangeNames (declared: " + declared.keySet().stream().sorted().toList() + ")"));
            return;
        }
        if (path.isEmpty()) {
            return;
        }
        Class<?> type;
        try {
            type = Class.forName(declared.get(name));
        } catch (ClassNotFoundException e) {
            problems.add(new RouteProblem(file, line, kind + " '" + name + "' is declared as " + declared.get(name) + ", which does not exist"));
            return;
        }
        for (String step : path.substring(1).split("\\.")) {
            Optional<Method> accessor = accessor(type, step);
            if (accessor.isEmpty()) {
                problems.add(new RouteProblem(file, line, "'" + where + "': " + type.getSimpleName() + " (" + kind + " '" + name
                        + "') has no '" + step + "' (no get" + capitalized(step) + "(), is" + capitalized(step) + "() or " + step + "())"));
                return;
            }
            type = accessor.get().getReturnType();
            if (type == Object.class) {
                return;
            }
        }
    }

    /** Camel's simple language reads {@code a.b} as b() when there is one, else getB() or isB(). */
    private static Optional<Method> accessor(Class<?> type, String name) {
        for (String candidate : List.of(name, "get" + capitalized(name), "is" + capitalized(name))) {
            try {
                return Optional.of(type.getMethod(candidate));
            } catch (NoSuchMethodException e) {
                // next candidate
            }
        }
        return Optional.empty();
    }

    private static String capitalized(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static int line(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
