package io.jobpulse.ingest.config;

import io.jobpulse.ingest.connector.ConnectorOption;
import io.jobpulse.ingest.connector.ConnectorRegistry;
import io.jobpulse.ingest.connector.JobBoardConnector;
import io.jobpulse.ingest.connector.SourceOptions;
import io.jobpulse.ingest.http.HttpSettings;
import io.jobpulse.ingest.normalize.PostingNormalizer;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses {@code sources.yaml} into an {@link IngestConfig}, checking every key against what it may be: unknown keys,
 * wrong types, missing required options and bad values are errors naming the line and the field (e.g.
 * {@code sources[2].board}), never silently ignored. See ingest/README.md for the format.
 */
public final class IngestConfigParser {

    private static final Pattern INSTANCE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,199}");
    private static final Set<String> TOP_KEYS = Set.of("contact", "http", "kafka", "limits", "sources");
    private static final Set<String> COMMON_SOURCE_KEYS = Set.of("id", "connector", "enabled", "min-interval",
            "requests-per-second");

    private final ConnectorRegistry connectors;
    private String file = "sources.yaml";

    public IngestConfigParser(ConnectorRegistry connectors) {
        this.connectors = connectors;
    }

    public IngestConfig parse(Path path) throws ConfigException {
        file = path.toString();
        String text;
        try {
            text = Files.readString(path);
        } catch (CharacterCodingException e) {
            throw new ConfigException(file, 0, null, "not valid UTF-8");
        } catch (IOException e) {
            throw new ConfigException(file, 0, null, "cannot read: " + e.getMessage());
        }
        return parse(text, path.toString());
    }

    public IngestConfig parse(String yaml, String fileName) throws ConfigException {
        file = fileName;
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(10);
            root = new Yaml(options).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
            throw new ConfigException(file, line, null, "invalid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new ConfigException(file, 0, null, "invalid YAML: " + e.getMessage());
        }
        if (root == null) {
            throw new ConfigException(file, 1, null, "empty file; expected at least a 'sources:' list");
        }
        Map<String, NodeTuple> top = mapping(root, "");
        checkKeys(top, TOP_KEYS, "");
        String contact = top.containsKey("contact") ? scalar(top.get("contact").getValueNode(), "contact") : null;

        HttpSettings defaults = HttpSettings.defaults(contact);
        HttpSettings http = defaults;
        if (top.containsKey("http")) {
            Map<String, NodeTuple> h = mapping(top.get("http").getValueNode(), "http");
            checkKeys(h, Set.of("connect-timeout", "request-timeout", "max-retries", "initial-backoff", "max-backoff",
                    "max-retry-after", "max-body-bytes", "requests-per-second", "user-agent"), "http");
            http = new HttpSettings(
                    duration(h, "connect-timeout", "http", defaults.connectTimeout()),
                    duration(h, "request-timeout", "http", defaults.requestTimeout()),
                    integer(h, "max-retries", "http", defaults.maxRetries(), 0, 20),
                    duration(h, "initial-backoff", "http", defaults.initialBackoff()),
                    duration(h, "max-backoff", "http", defaults.maxBackoff()),
                    duration(h, "max-retry-after", "http", defaults.maxRetryAfter()),
                    integer(h, "max-body-bytes", "http", (int) Math.min(Integer.MAX_VALUE, defaults.maxBodyBytes()), 1024, Integer.MAX_VALUE),
                    h.containsKey("user-agent") ? scalar(h.get("user-agent").getValueNode(), "http.user-agent") : defaults.userAgent(),
                    decimal(h, "requests-per-second", "http", defaults.defaultRequestsPerSecond()));
        }
        PublishSettings publish = PublishSettings.DEFAULTS;
        if (top.containsKey("kafka")) {
            Map<String, NodeTuple> k = mapping(top.get("kafka").getValueNode(), "kafka");
            checkKeys(k, Set.of("transactional-id", "transaction-size", "max-dead-letter-bytes"), "kafka");
            publish = new PublishSettings(
                    k.containsKey("transactional-id") ? scalar(k.get("transactional-id").getValueNode(), "kafka.transactional-id") : publish.transactionalId(),
                    integer(k, "transaction-size", "kafka", publish.transactionSize(), 1, 100_000),
                    integer(k, "max-dead-letter-bytes", "kafka", publish.maxDeadLetterBytes(), 256, 900_000));
        }
        int maxDescription = PostingNormalizer.DEFAULT_MAX_DESCRIPTION_CHARS;
        if (top.containsKey("limits")) {
            Map<String, NodeTuple> l = mapping(top.get("limits").getValueNode(), "limits");
            checkKeys(l, Set.of("max-description-chars"), "limits");
            maxDescription = integer(l, "max-description-chars", "limits", maxDescription, 1000, 50_000_000);
        }
        if (!top.containsKey("sources")) {
            throw new ConfigException(file, line(root), "sources", "missing; list the sources to ingest");
        }
        Node sourcesNode = top.get("sources").getValueNode();
        if (!(sourcesNode instanceof SequenceNode seq)) {
            throw new ConfigException(file, line(sourcesNode), "sources", "must be a list of source entries");
        }
        List<SourceSettings> sources = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < seq.getValue().size(); i++) {
            Node entry = seq.getValue().get(i);
            SourceSettings s = source(entry, "sources[" + i + "]");
            if (!ids.add(s.id())) {
                throw new ConfigException(file, line(entry), "sources[" + i + "].id",
                        "duplicate source id '" + s.id() + "'; give one of them an explicit 'id:'");
            }
            sources.add(s);
        }
        return new IngestConfig(contact, http, publish, maxDescription, sources);
    }

    private SourceSettings source(Node entry, String path) throws ConfigException {
        Map<String, NodeTuple> m = mapping(entry, path);
        if (!m.containsKey("connector")) {
            throw new ConfigException(file, line(entry), path + ".connector", "missing; one of " + names());
        }
        Node connectorNode = m.get("connector").getValueNode();
        String name = scalar(connectorNode, path + ".connector");
        JobBoardConnector connector = connectors.find(name).orElseThrow(() -> new ConfigException(file,
                line(connectorNode), path + ".connector", "unknown connector '" + name + "'; one of " + names()));
        Map<String, ConnectorOption> known = new LinkedHashMap<>();
        connector.options().forEach(o -> known.put(o.name(), o));
        for (Map.Entry<String, NodeTuple> e : m.entrySet()) {
            if (!COMMON_SOURCE_KEYS.contains(e.getKey()) && !known.containsKey(e.getKey())) {
                throw new ConfigException(file, line(e.getValue().getKeyNode()), path + "." + e.getKey(),
                        "unknown option for connector " + name + "; options: " + String.join(", ", known.keySet())
                                + ", " + String.join(", ", COMMON_SOURCE_KEYS));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (ConnectorOption o : known.values()) {
            String field = path + "." + o.name();
            NodeTuple t = m.get(o.name());
            if (t == null || isNull(t.getValueNode())) {
                if (o.required()) {
                    throw new ConfigException(file, line(entry), field, "required by connector " + name + " (" + o.description() + ")");
                }
                if (o.defaultValue() != null) {
                    values.put(o.name(), o.defaultValue());
                }
                continue;
            }
            values.put(o.name(), value(o, t.getValueNode(), field));
        }
        SourceOptions options = SourceOptions.of(values);
        String id;
        if (m.containsKey("id")) {
            id = scalar(m.get("id").getValueNode(), path + ".id");
        } else {
            id = connector.defaultInstanceId(options).replaceAll("[^A-Za-z0-9._:@-]", "-");
        }
        if (!INSTANCE_ID.matcher(id).matches()) {
            throw new ConfigException(file, line(m.containsKey("id") ? m.get("id").getValueNode() : entry), path + ".id",
                    "'" + id + "' is not a valid source id (letters, digits and . _ : @ -, at most 200)");
        }
        boolean enabled = !m.containsKey("enabled") || bool(m.get("enabled").getValueNode(), path + ".enabled");
        Duration minInterval = duration(m, "min-interval", path, connector.defaultMinInterval());
        double rps = decimal(m, "requests-per-second", path, connector.defaultRequestsPerSecond());
        return new SourceSettings(id, connector, options, enabled, minInterval, rps, line(entry));
    }

    private Object value(ConnectorOption o, Node node, String field) throws ConfigException {
        return switch (o.type()) {
            case STRING -> scalar(node, field);
            case INT -> intValue(node, field, 0, Integer.MAX_VALUE);
            case BOOLEAN -> bool(node, field);
            case DURATION -> durationValue(node, field);
            case STRING_LIST -> {
                if (node instanceof ScalarNode) {
                    yield List.of(scalar(node, field));
                }
                if (!(node instanceof SequenceNode seq)) {
                    throw new ConfigException(file, line(node), field, "must be a string or a list of strings");
                }
                List<String> out = new ArrayList<>();
                for (int i = 0; i < seq.getValue().size(); i++) {
                    out.add(scalar(seq.getValue().get(i), field + "[" + i + "]"));
                }
                if (out.isEmpty() && o.required()) {
                    throw new ConfigException(file, line(node), field, "must list at least one value");
                }
                yield List.copyOf(out);
            }
        };
    }

    private Map<String, NodeTuple> mapping(Node node, String field) throws ConfigException {
        if (!(node instanceof MappingNode mn)) {
            throw new ConfigException(file, line(node), field.isEmpty() ? null : field,
                    "must be a mapping of key: value" + (field.isEmpty() ? " at the top level" : ""));
        }
        Map<String, NodeTuple> out = new LinkedHashMap<>();
        for (NodeTuple t : mn.getValue()) {
            String key = scalar(t.getKeyNode(), field.isEmpty() ? "key" : field + " key");
            out.put(key, t);
        }
        return out;
    }

    private void checkKeys(Map<String, NodeTuple> m, Set<String> allowed, String path) throws ConfigException {
        for (Map.Entry<String, NodeTuple> e : m.entrySet()) {
            if (!allowed.contains(e.getKey())) {
                throw new ConfigException(file, line(e.getValue().getKeyNode()),
                        path.isEmpty() ? e.getKey() : path + "." + e.getKey(),
                        "unknown key; expected one of " + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    private String scalar(Node node, String field) throws ConfigException {
        if (!(node instanceof ScalarNode s)) {
            throw new ConfigException(file, line(node), field, "must be a single value, not a "
                    + (node instanceof SequenceNode ? "list" : "mapping"));
        }
        if (isNull(node)) {
            throw new ConfigException(file, line(node), field, "must not be empty");
        }
        return s.getValue().strip();
    }

    private boolean bool(Node node, String field) throws ConfigException {
        String v = scalar(node, field).toLowerCase(Locale.ROOT);
        return switch (v) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new ConfigException(file, line(node), field, "must be true or false, not '" + v + "'");
        };
    }

    private int intValue(Node node, String field, int min, int max) throws ConfigException {
        String v = scalar(node, field);
        try {
            int i = Integer.parseInt(v.replace("_", ""));
            if (i < min || i > max) {
                throw new ConfigException(file, line(node), field, "must be between " + min + " and " + max + ", not " + i);
            }
            return i;
        } catch (NumberFormatException e) {
            throw new ConfigException(file, line(node), field, "must be a whole number, not '" + v + "'");
        }
    }

    private int integer(Map<String, NodeTuple> m, String key, String path, int dflt, int min, int max) throws ConfigException {
        return m.containsKey(key) ? intValue(m.get(key).getValueNode(), path + "." + key, min, max) : dflt;
    }

    private double decimal(Map<String, NodeTuple> m, String key, String path, double dflt) throws ConfigException {
        if (!m.containsKey(key)) {
            return dflt;
        }
        Node node = m.get(key).getValueNode();
        String v = scalar(node, path + "." + key);
        try {
            double d = Double.parseDouble(v);
            if (!(d > 0) || d > 1000) {
                throw new ConfigException(file, line(node), path + "." + key, "must be above 0 and at most 1000, not " + v);
            }
            return d;
        } catch (NumberFormatException e) {
            throw new ConfigException(file, line(node), path + "." + key, "must be a number, not '" + v + "'");
        }
    }

    private Duration durationValue(Node node, String field) throws ConfigException {
        String v = scalar(node, field);
        try {
            Duration d = Durations.parse(v);
            if (d.isNegative()) {
                throw new ConfigException(file, line(node), field, "must not be negative");
            }
            return d;
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file, line(node), field, e.getMessage());
        }
    }

    private Duration duration(Map<String, NodeTuple> m, String key, String path, Duration dflt) throws ConfigException {
        return m.containsKey(key) ? durationValue(m.get(key).getValueNode(), path + "." + key) : dflt;
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode s && (s.getTag().getValue().endsWith(":null") || s.getValue().isEmpty());
    }

    private static int line(Node node) {
        return node == null || node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    private String names() {
        return String.join(", ", connectors.all().stream().map(JobBoardConnector::name).toList());
    }
}
