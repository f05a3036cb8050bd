package org.podium.support;

/**
 * A configuration file (series rules, adjustments) that cannot be used: names the file, the key path
 * inside it and what is wrong, e.g. {@code config/series/alms.yaml: scoring.kinds.race.points[3]: must
 * be a number ≥ 0, was "x"}.
 */
public class ConfigException extends RuntimeException {
    private final String file;
    private final String keyPath;
    private final String problem;

    public ConfigException(String file, String keyPath, String problem) {
        super(file + ": " + (keyPath == null || keyPath.isEmpty() ? "" : keyPath + ": ") + problem);
        this.file = file;
        this.keyPath = keyPath == null ? "" : keyPath;
        this.problem = problem;
    }

    public ConfigException(String file, String keyPath, String problem, Throwable cause) {
        this(file, keyPath, problem);
        initCause(cause);
    }

    /** The file as it was named to the loader. */
    public String file() { return file; }

    /** Where in the file, e.g. {@code seasons.2023-24.rounds[1].races[0].kind}; empty for the whole file. */
    public String keyPath() { return keyPath; }

    public String problem() { return problem; }

    /**
     * A file that is not valid YAML: its line and column (1-based, as an editor shows them) and the
     * problem alone, without the parser's excerpt of the file.
     */
    public static ConfigException notYaml(String file, com.fasterxml.jackson.core.JsonProcessingException e) {
        String problem = e.getOriginalMessage();
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
        if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException m && m.getProblemMark() != null) {
            problem = m.getProblem();
            line = m.getProblemMark().getLine() + 1;
            column = m.getProblemMark().getColumn() + 1;
        }
        String where = line > 0 ? "line " + line + ", column " + column + ": " : "";
        return new ConfigException(file, "", where + "not valid YAML: " + problem, e);
    }
}
