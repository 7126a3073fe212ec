package org.clinicops.deploy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A service's own {@code <service>.yml}, as the service reads it, flattened to Spring's dotted property names. */
final class ServiceConfig {

    private static final Pattern BINDING = Pattern.compile("spring\\.cloud\\.stream\\.bindings\\.([^.]+-in-\\d+)\\..*");

    private ServiceConfig() {
    }

    static Map<String, Object> properties(String service) {
        Map<String, Object> flat = new LinkedHashMap<>();
        flatten("", DeployFiles.document(DeployFiles.file(service + "/src/main/resources/" + service + ".yml")), flat);
        return flat;
    }

    /**
     * The consumer groups the service's bindings join: each consumer binding's {@code group}, else the application
     * name (clinic-support's StreamDefaults).
     */
    static Set<String> consumerGroups(String service) {
        Map<String, Object> properties = properties(service);
        Set<String> groups = new TreeSet<>();
        for (String key : properties.keySet()) {
            Matcher binding = BINDING.matcher(key);
            if (binding.matches()) {
                Object group = properties.get("spring.cloud.stream.bindings." + binding.group(1) + ".group");
                groups.add(group != null ? group.toString() : properties.get("spring.application.name").toString());
            }
        }
        return groups;
    }

    private static void flatten(String prefix, Map<String, Object> yaml, Map<String, Object> flat) {
        yaml.forEach((key, value) -> {
            String name = prefix.isEmpty() ? key : prefix + "." + key;
            if (value instanceof Map<?, ?>) {
                flatten(name, DeployFiles.map(value), flat);
            } else {
                flat.put(name, value);
            }
        });
    }
}
