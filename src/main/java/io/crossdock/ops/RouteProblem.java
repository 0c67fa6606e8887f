package io.crossdock.ops;

/** One reason a route file cannot be loaded, pinned to its file and line (0 when unknown). */
public record RouteProblem(String file, int line, String message) {

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
